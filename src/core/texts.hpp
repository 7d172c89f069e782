// The texts of one locale, as the responses use them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/rules.hpp"

namespace pdp {

class Texts {
 public:
  Texts(const RuleSet& rules, const std::string& locale);

  // The text at `keys` ("questions", id, "label"); empty if absent (the loader ensures it is not).
  const std::string& at(std::initializer_list<std::string> keys) const;

  // "27 mars 2026", with the locale's month names.
  std::string date(const Date& date) const;

  // The label a person sees for an answer of `question`.
  std::string answer_label(const Question& question, const Json& answer) const;

  // Replaces each "{name}" of `text` by its value.
  static std::string fill(std::string text, const std::map<std::string, std::string>& values);

 private:
  const Json& texts_;
};

}  // namespace pdp
