// A validated request: the person's answers, the assessment date and the locale.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/rules.hpp"

namespace pdp {

// One answer: a value of the question's type, or "I don't know" where the question allows it.
struct Answer {
  bool unknown = false;  // "ne_sait_pas"
  Json value;            // when known: true/false, an option id, or an array of option ids

  Json to_json() const { return unknown ? Json(kUnknownAnswer) : value; }
};

// Answers indexed like RuleSet::questions; std::nullopt where nothing was answered.
using Answers = std::vector<std::optional<Answer>>;

struct Request {
  Answers answers;
  Date date;  // the day the assessment is about
  std::string locale;
  Date today;  // the day it is made: an earlier `date` is spoken of in the past tense
};

// Parses the text of a request within the bounds of core/limits.hpp: a text too long gives
// "request.too_large", nesting too deep "request.too_deep", anything but JSON
// "request.invalid_json".
Expected<Json> parse_request_text(const std::string& text);

// Validates `request` ({"answers": {...}, "date": "YYYY-MM-DD", "locale": "fr"}; every field
// optional) against the rules. Errors carry a stable code (request.*, answers.*) and the JSON
// pointer of the value at fault. Whatever built it, a request nested too deeply, holding a string
// (or a field name) longer than limits::kStringBytes or more than limits::kAnswers answers is
// refused ("request.too_deep", "request.string_too_long", "answers.too_many") before anything
// quotes it.
Expected<Request> read_request(const RuleSet& rules, const Json& request, const Date& today);

// Checks one answer to one question; `path` is where the answer stands, for the error.
Expected<Answer> read_answer(const Question& question, const Json& value, const std::string& path);

}  // namespace pdp
