// What the tests share: the shipped rules, JSON files of the tests folder, and short requests.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/rules.hpp"
#include "core/rules_loader.hpp"

namespace pdp::test {

const RuleFiles& shipped_rule_files();
const RuleSet& shipped_rules();

Json read_json(const std::string& path);
std::string read_text(const std::string& path);
std::vector<std::string> json_files_in(const std::string& folder);

// The response to {"answers": answers, "date": date} with the shipped rules.
Json assess_answers(const Json& answers, const std::string& date = "2026-11-23");

// The same response with its texts in `locale` (with_texts); fails the test if it cannot be worded.
Json worded(const Json& response, const std::string& locale = "fr");

// Ids of a response list ("measures", "actors", …), in order.
std::vector<std::string> ids(const Json& response, const std::string& list);

// Every how many walked states or paths the exhaustive walk tests take (PDP_WALK_STRIDE, 1 by
// default): the sanitizer build takes every 8th, since its run looks for memory faults, which the
// same code on fewer states shows as well; the dev build checks every state.
std::size_t walk_stride();

// The shipped rule files with one file changed as a broken-rules case says (see
// tests/rules-broken/README.md).
RuleFiles broken_rule_files(const Json& broken_case);

}  // namespace pdp::test
