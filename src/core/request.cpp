// Validation of requests: every refusal names the answer, the value and what is allowed.
#include "core/request.hpp"

#include <algorithm>
#include <set>

#include "core/json_reader.hpp"

namespace pdp {
namespace {

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "\"" : ", \"") + item + "\"";
  return out;
}

// A short quote of a value for a message; cut on a UTF-8 character boundary so that the message
// stays valid UTF-8 (nlohmann's dump() refuses anything else).
std::string describe(const Json& value) {
  std::string text = value.dump();
  if (text.size() <= 60) return text;
  std::size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace

Expected<Answer> read_answer(const Question& question, const Json& value, const std::string& path) {
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
                     "\"" + id + "\" expects true or false, not " + describe(value), path};
      }
      return Answer{false, value};
    case QuestionType::choice:
      if (!value.is_string()) {
        return Error{"answers.wrong_type",
                     "\"" + id + "\" expects one option id as a string (" +
                         quoted_list(question.options) + "), not " + describe(value),
                     path};
      }
      if (!question.has_option(value.get<std::string>())) {
        return Error{"answers.unknown_option",
                     "\"" + value.get<std::string>() + "\" is not an option of \"" + id +
                         "\" (allowed: " + quoted_list(question.options) + ")",
                     path};
      }
      return Answer{false, value};
    case QuestionType::multi: {
      if (!value.is_array()) {
        return Error{"answers.wrong_type",
                     "\"" + id + "\" expects an array of option ids (" +
                         quoted_list(question.options) + "), not " + describe(value),
                     path};
      }
      if (value.empty()) {
        return Error{"answers.empty_selection",
                     "\"" + id + "\" needs at least one option (or leave the question unanswered)",
                     path};
      }
      std::set<std::string> seen;
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string item_path = path + "/" + std::to_string(i);
        if (!value[i].is_string()) {
          return Error{
              "answers.wrong_type",
              "each answer of \"" + id + "\" must be an option id, not " + describe(value[i]),
              item_path};
        }
        const std::string& option = value[i].get_ref<const std::string&>();
        if (!question.has_option(option)) {
          return Error{"answers.unknown_option",
                       "\"" + option + "\" is not an option of \"" + id +
                           "\" (allowed: " + quoted_list(question.options) + ")",
                       item_path};
        }
        if (!seen.insert(option).second) {
          return Error{"answers.duplicate_option",
                       "\"" + option + "\" is given twice in \"" + id + "\"", item_path};
        }
      }
      for (const auto& option : seen) {
        if (question.is_exclusive(option) && seen.size() > 1) {
          return Error{"answers.exclusive_option",
                       "\"" + option + "\" cannot be combined with other answers in \"" + id + "\"",
                       path};
        }
      }
      return Answer{false, value};
    }
  }
  return Error{"answers.wrong_type", "unsupported question type", path};
}

Expected<Request> read_request(const RuleSet& rules, const Json& request, const Date& today) {
  if (!request.is_object()) {
    return Error{"request.wrong_type",
                 "the request must be a JSON object like {\"answers\": {...}}", ""};
  }
  for (auto it = request.begin(); it != request.end(); ++it) {
    if (it.key() != "answers" && it.key() != "date" && it.key() != "locale") {
      return Error{
          "request.unknown_field",
          "unknown field \"" + it.key() + "\" (allowed: \"answers\", \"date\", \"locale\")",
          "/" + pointer_token(it.key())};
    }
  }

  Request result;
  result.answers.resize(rules.questions.size());
  result.date = today;
  result.locale = rules.default_locale;

  if (auto date = request.find("date"); date != request.end()) {
    std::optional<Date> parsed;
    if (date->is_string()) parsed = Date::parse(date->get<std::string>());
    if (!parsed) {
      return Error{"request.invalid_date",
                   "\"date\" must be a real day written YYYY-MM-DD, not " + describe(*date),
                   "/date"};
    }
    result.date = *parsed;
  }
  if (auto locale = request.find("locale"); locale != request.end()) {
    const bool well_formed =
        locale->is_string() && locale->get_ref<const std::string&>().size() == 2;
    if (!well_formed) {
      return Error{
          "request.invalid_locale",
          "\"locale\" must be a two-letter language code such as \"fr\", not " + describe(*locale),
          "/locale"};
    }
    const std::string& code = locale->get_ref<const std::string&>();
    if (std::find(rules.locales.begin(), rules.locales.end(), code) == rules.locales.end()) {
      return Error{"request.unknown_locale",
                   "\"locale\": the language \"" + code +
                       "\" is not available (available: " + quoted_list(rules.locales) + ")",
                   "/locale"};
    }
    result.locale = code;
  }
  if (auto answers = request.find("answers"); answers != request.end()) {
    if (!answers->is_object()) {
      return Error{"request.wrong_type",
                   "\"answers\" must be an object mapping question ids to answers", "/answers"};
    }
    for (auto it = answers->begin(); it != answers->end(); ++it) {
      const std::string path = "/answers/" + pointer_token(it.key());
      const int index = rules.question_index(it.key());
      if (index < 0) {
        std::vector<std::string> ids;
        for (const auto& question : rules.questions) ids.push_back(question.id);
        return Error{"answers.unknown_question",
                     "\"" + it.key() + "\" is not a question (questions: " + quoted_list(ids) + ")",
                     path};
      }
      auto answer = read_answer(rules.questions[static_cast<std::size_t>(index)], *it, path);
      if (!answer) return answer.error();
      result.answers[static_cast<std::size_t>(index)] = std::move(answer).value();
    }
  }
  return result;
}

}  // namespace pdp
