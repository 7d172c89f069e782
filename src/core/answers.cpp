// Checks one answer against its question: the type, the options, "ne_sait_pas", exclusivity.
#include "core/answers.hpp"

#include <algorithm>
#include <utility>

#include "core/decimal_text.hpp"
#include "core/json_writer.hpp"
#include "core/quote.hpp"

namespace pdp {
namespace {

// A value as a self-delimiting string: an option by its index, anything else by its JSON.
void append_value_key(const Question& question, const Json& value, std::string& key) {
  if (value.is_boolean()) {
    key += value.get<bool>() ? 't' : 'f';
    return;
  }
  if (value.is_string()) {
    const auto& options = question.options;
    const auto found =
        std::find(options.begin(), options.end(), value.get_ref<const std::string&>());
    if (found != options.end()) {
      key += 'o';
      key += static_cast<char>(found - options.begin());
      return;
    }
  }
  if (value.is_array()) {
    key += '[';
    for (const Json& element : value) append_value_key(question, element, key);
    key += ']';
    return;
  }
  const std::string text = json_text(value);
  key += 'j';
  key += decimal_text(text.size());
  key += ':';
  key += text;
}

}  // namespace

void append_answer_key(const Question& question, const std::optional<Answer>& answer,
                       std::string& key) {
  if (!answer) {
    key += '-';
  } else if (answer->unknown) {
    key += '?';
  } else {
    append_value_key(question, answer->value, key);
  }
}

std::string answers_key(const RuleSet& rules, const Answers& answers, std::uint64_t questions) {
  std::string key;
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    if ((questions & (std::uint64_t{1} << q)) != 0)
      append_answer_key(rules.questions[q], answers[q], key);
  }
  return key;
}

Expected<Answer> read_answer(const Question& question, Json value, const std::string& path) {
  const std::string& id = question.id;
  if (value.is_string() && value.get_ref<const std::string&>() == kUnknownAnswer &&
      !question.has_option(kUnknownAnswer)) {
    if (!question.allows_unknown) {
      return Error{"answers.unknown_not_allowed",
                   "\"" + id + "\" does not accept \"ne_sait_pas\"; choose one of its answers",
                   path};
    }
    return Answer{true, Json()};
  }
  switch (question.type) {
    case QuestionType::boolean:
      if (!value.is_boolean()) {
        return Error{"answers.wrong_type",
                     "\"" + id + "\" expects true or false, not " + quoted_value(value), path};
      }
      return Answer{false, std::move(value)};
    case QuestionType::choice:
      if (!value.is_string()) {
        return Error{"answers.wrong_type",
                     "\"" + id + "\" expects one option id as a string (" +
                         quoted_list(question.options) + "), not " + quoted_value(value),
                     path};
      }
      if (!question.has_option(value.get_ref<const std::string&>())) {
        return Error{"answers.unknown_option",
                     "\"" + value.get_ref<const std::string&>() + "\" is not an option of \"" + id +
                         "\" (allowed: " + quoted_list(question.options) + ")",
                     path};
      }
      return Answer{false, std::move(value)};
    case QuestionType::multi: {
      if (!value.is_array()) {
        return Error{"answers.wrong_type",
                     "\"" + id + "\" expects an array of option ids (" +
                         quoted_list(question.options) + "), not " + quoted_value(value),
                     path};
      }
      if (value.empty()) {
        return Error{"answers.empty_selection",
                     "\"" + id + "\" needs at least one option (or leave the question unanswered)",
                     path};
      }
      // Paths are written for the answer an error names only.
      const auto item_path = [&](std::size_t i) { return path + "/" + decimal_text(i); };
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) {
          return Error{
              "answers.wrong_type",
              "each answer of \"" + id + "\" must be an option id, not " + quoted_value(value[i]),
              item_path(i)};
        }
        const std::string& option = value[i].get_ref<const std::string&>();
        if (!question.has_option(option)) {
          return Error{"answers.unknown_option",
                       "\"" + option + "\" is not an option of \"" + id +
                           "\" (allowed: " + quoted_list(question.options) + ")",
                       item_path(i)};
        }
        for (std::size_t j = 0; j < i; ++j) {
          if (value[j] == value[i]) {
            return Error{"answers.duplicate_option",
                         "\"" + option + "\" is given twice in \"" + id + "\"", item_path(i)};
          }
        }
      }
      // The exclusive option named is the first in alphabetical order, whatever the order given.
      if (value.size() > 1) {
        const std::string* exclusive = nullptr;
        for (const auto& option : value) {
          const std::string& text = option.get_ref<const std::string&>();
          if (question.is_exclusive(text) && (!exclusive || text < *exclusive)) exclusive = &text;
        }
        if (exclusive) {
          return Error{
              "answers.exclusive_option",
              "\"" + *exclusive + "\" cannot be combined with other answers in \"" + id + "\"",
              path};
        }
      }
      return Answer{false, std::move(value)};
    }
  }
  return Error{"answers.wrong_type", "unsupported question type", path};
}

}  // namespace pdp
