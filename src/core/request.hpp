// A validated request: the person's answers, the assessment date and the locale.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/rules.hpp"

namespace pdp {

struct Request {
  Answers answers;
  Date date;  // the day the assessment is about
  std::string locale;
  Date today;  // the day it is made: an earlier `date` is spoken of in the past tense
  // Answers saved under other rules that these rules cannot read ("rules_changed").
  std::vector<DroppedAnswer> dropped;
};

// Parses the text of a request within the bounds of core/limits.hpp: a text too long gives
// "request.too_large", nesting too deep "request.too_deep", anything but JSON
// "request.invalid_json".
Expected<Json> parse_request_text(const std::string& text);

// Validates `request` ({"answers": {...}, "date": "YYYY-MM-DD", "locale": "fr", "rules_version":
// "2026.12.0"}; every field optional) against the rules. Answers saved under another version of
// the rules (`rules_version` given and not these rules') that name a question or an option these
// rules lack, or no longer fit their question, are dropped (Request::dropped), not refused. Errors
// carry a stable code (request.*, answers.*) and the JSON pointer of the value at fault. Whatever
// built it, a request nested too deeply, holding a string (or a field name) longer than
// limits::kStringBytes or more than limits::kAnswers answers is refused ("request.too_deep",
// "request.string_too_long", "answers.too_many") before anything quotes it.
Expected<Request> read_request(const RuleSet& rules, const Json& request, const Date& today);

}  // namespace pdp
