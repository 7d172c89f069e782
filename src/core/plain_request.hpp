// The request as the page sends it, read straight from its text: no JSON tree, no second walk for
// the limits. Most requests are such (answers, a date, a locale); reading them this way took an
// assessment a sixth of its time less. Anything else, and anything refused, is left to
// parse_request_text and read_request, whose errors name what is wrong.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/request.hpp"
#include "core/rules.hpp"

namespace pdp {

// The request read_request(rules, parse_request_text(text), today) would give, when `text` is an
// object with at most "answers" (an object of booleans, texts and lists of texts), "date",
// "locale" and these rules' "rules_version", each once, within the limits, and every one of them
// valid; else std::nullopt, and the caller takes the long way.
std::optional<Request> read_plain_request(const RuleSet& rules, const std::string& text,
                                          const Date& today);

}  // namespace pdp
