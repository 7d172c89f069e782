// The whole rule set as one document for the people who check it (a caisse's reviewer): every
// question, criterion, outcome and item with its condition in words, its texts in each language,
// its sources and the scenarios that exercise it. Generated, never written by hand.
#pragma once

#include <vector>

#include "core/doc/document.hpp"
#include "core/doc/scenario.hpp"
#include "core/rules.hpp"

namespace pdp::doc {

// `scenarios` in the order they should be listed (the command line sorts them by file name).
Document rules_document(const RuleSet& rules, const std::vector<Scenario>& scenarios);

}  // namespace pdp::doc
