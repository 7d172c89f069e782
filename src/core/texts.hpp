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

  // The same with the texts looked up by `at(keys)` (e.g. a lookup that reports a missing text):
  // yes/no, an option, "ne sais pas", or the options of a multiple choice joined by " ; ".
  template <typename Lookup>
  static std::string answer_label(const Question& question, const Json& answer, Lookup&& at);

  // Replaces each "{name}" of `text` by its value.
  static std::string fill(std::string text, const std::map<std::string, std::string>& values);

 private:
  const Json& texts_;
};

template <typename Lookup>
std::string Texts::answer_label(const Question& question, const Json& answer, Lookup&& at) {
  if (answer.is_string() && answer.get_ref<const std::string&>() == kUnknownAnswer &&
      !question.has_option(kUnknownAnswer)) {
    return at({"answers", "unknown"});
  }
  if (answer.is_boolean()) return at({"answers", answer.get<bool>() ? "yes" : "no"});
  if (answer.is_string())
    return at({"questions", question.id, "options", answer.get<std::string>()});
  std::string out;
  if (answer.is_array()) {
    for (const auto& option : answer) {
      if (!option.is_string()) continue;
      if (!out.empty()) out += " ; ";
      out += at({"questions", question.id, "options", option.get<std::string>()});
    }
  }
  return out;
}

}  // namespace pdp
