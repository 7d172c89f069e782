// Reads a rules folder from disk into the file map the core loads.
#pragma once

#include <string>

#include "core/rules_loader.hpp"

namespace pdp::cli {

// Every .json file below `folder` except the JSON Schemas, keyed by its relative path.
RuleFiles read_rules_folder(const std::string& folder);

// Loads and validates; on failure prints the problems' JSON on `out` and returns nullopt.
std::optional<RuleSet> load_rules_folder(const std::string& folder, std::ostream& out);

}  // namespace pdp::cli
