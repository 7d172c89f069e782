// The person's answers, one per question of the rules: what a situation is evaluated from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// An answer the core did not keep, and why: "not_asked" (its question no longer applies),
// "not_offered" (an option given is no longer offered; `kept` holds what is left of a multi
// answer, else null), "not_needed" (the questionnaire ended without it), "rules_changed" (saved
// under other rules, it names a question or an option these rules do not have).
struct DroppedAnswer {
  std::string question;
  Json answer;
  const char* reason;
  Json kept;  // null when nothing is kept
};

// Checks one answer to one question; `path` is where the answer stands, for the error
// ("answers.wrong_type", "answers.unknown_option", "answers.unknown_not_allowed", ...). The
// value is taken by value: a caller that owns it moves it into the answer instead of copying it.
Expected<Answer> read_answer(const Question& question, Json value, const std::string& path);

// The answers to the questions in `questions` (a bit per question index) as a short string that
// tells any two apart: the key of the core's memos of results that depend on those answers only.
std::string answers_key(const RuleSet& rules, const Answers& answers, std::uint64_t questions);
// One answer (or none) appended to such a key.
void append_answer_key(const Question& question, const std::optional<Answer>& answer,
                       std::string& key);

}  // namespace pdp
