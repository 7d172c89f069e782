// `pdp-assess doc`: the rule set as one readable document (Markdown or a standalone HTML page),
// for the people who check the rules. The core builds it; this reads the rule and scenario folders.
#pragma once

#include <ostream>
#include <string>
#include <vector>

// args: [--rules DIR] [--scenarios DIR] [--format md|html]. The rules default to `default_rules`,
// the scenarios to tests/scenarios beside the rules folder (none when that folder is absent).
// Prints the document on `out` and returns 0; returns 1 with the problems on `err` for invalid
// rules or an unreadable scenario, and 2 (usage on `err`) for bad arguments.
int run_doc_command(const std::vector<std::string>& args, const std::string& default_rules,
                    std::ostream& out, std::ostream& err);
