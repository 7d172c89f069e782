// Validation of requests: every refusal names the answer, the value and what is allowed.
#include "core/request.hpp"

#include <algorithm>
#include <set>

#include "core/json_reader.hpp"
#include "core/json_text.hpp"
#include "core/limits.hpp"
#include "core/quote.hpp"

namespace pdp {
namespace {

// The first value of `request` beyond the limits on nesting and on strings, walked without
// recursion (a request built in memory may be nested arbitrarily deep).
std::optional<Error> beyond_limits(const Json& request) {
  struct Pending {
    const Json* value;
    std::string path;
    std::size_t depth;  // arrays and objects from the top, this one included
  };
  std::vector<Pending> pending{{&request, "", 1}};
  while (!pending.empty()) {
    Pending at = std::move(pending.back());
    pending.pop_back();
    const Json& value = *at.value;
    if (value.is_string() && value.get_ref<const std::string&>().size() > limits::kStringBytes) {
      return Error{"request.string_too_long",
                   "the text at \"" + at.path + "\" is " +
                       std::to_string(value.get_ref<const std::string&>().size()) +
                       " bytes long; at most " + std::to_string(limits::kStringBytes) +
                       " are accepted",
                   at.path};
    }
    if (!value.is_structured()) continue;
    if (at.depth > limits::kRequestDepth) {
      return Error{"request.too_deep",
                   "the request nests arrays and objects more than " +
                       std::to_string(limits::kRequestDepth) + " levels deep, at \"" +
                       quoted_text(at.path, 100) + "\"",
                   at.path};
    }
    if (value.is_array()) {
      // Pushed backwards so that the first element is looked at first.
      for (std::size_t i = value.size(); i-- > 0;) {
        pending.push_back({&value[i], at.path + "/" + std::to_string(i), at.depth + 1});
      }
      continue;
    }
    std::vector<Pending> members;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it.key().size() > limits::kStringBytes) {
        return Error{"request.string_too_long",
                     "a field name in \"" + (at.path.empty() ? "/" : at.path) + "\" is " +
                         std::to_string(it.key().size()) + " bytes long; at most " +
                         std::to_string(limits::kStringBytes) + " are accepted",
                     at.path};
      }
      members.push_back({&it.value(), at.path + "/" + pointer_token(it.key()), at.depth + 1});
    }
    pending.insert(pending.end(), std::make_move_iterator(members.rbegin()),
                   std::make_move_iterator(members.rend()));
  }
  return std::nullopt;
}

}  // namespace

Expected<Json> parse_request_text(const std::string& text) {
  return parse_json_text(text, "request.invalid_json", "",
                         {"request", "the request", limits::kRequestBytes, limits::kRequestDepth});
}

Expected<Request> read_request(const RuleSet& rules, const Json& request, const Date& today) {
  if (!request.is_object()) {
    return Error{"request.wrong_type",
                 "the request must be a JSON object like {\"answers\": {...}}", ""};
  }
  if (std::optional<Error> error = beyond_limits(request)) return std::move(*error);
  for (auto it = request.begin(); it != request.end(); ++it) {
    if (it.key() != "answers" && it.key() != "date" && it.key() != "locale" &&
        it.key() != "rules_version") {
      return Error{"request.unknown_field",
                   "unknown field \"" + it.key() +
                       "\" (allowed: \"answers\", \"date\", \"locale\", \"rules_version\")",
                   "/" + pointer_token(it.key())};
    }
  }
  bool saved_under_other_rules = false;
  if (auto version = request.find("rules_version"); version != request.end()) {
    if (!version->is_string() || version->get_ref<const std::string&>().empty()) {
      return Error{"request.wrong_type",
                   "\"rules_version\" must be the version of the rules the answers were given "
                   "under, as a text such as \"" +
                       rules.version + "\", not " + quoted_value(*version),
                   "/rules_version"};
    }
    saved_under_other_rules = version->get_ref<const std::string&>() != rules.version;
  }

  Request result;
  result.answers.resize(rules.questions.size());
  result.date = today;
  result.today = today;
  result.locale = rules.default_locale;

  if (auto date = request.find("date"); date != request.end()) {
    std::optional<Date> parsed;
    if (date->is_string()) parsed = Date::parse(date->get<std::string>());
    if (!parsed) {
      return Error{"request.invalid_date",
                   "\"date\" must be a real day written YYYY-MM-DD, not " + quoted_value(*date),
                   "/date"};
    }
    result.date = *parsed;
  }
  if (auto locale = request.find("locale"); locale != request.end()) {
    const bool well_formed =
        locale->is_string() && locale->get_ref<const std::string&>().size() == 2;
    if (!well_formed) {
      return Error{"request.invalid_locale",
                   "\"locale\" must be a two-letter language code such as \"fr\", not " +
                       quoted_value(*locale),
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
    if (answers->size() > limits::kAnswers) {
      return Error{"answers.too_many",
                   "\"answers\" holds " + std::to_string(answers->size()) +
                       " answers; a questionnaire has at most " + std::to_string(limits::kAnswers) +
                       " questions",
                   "/answers"};
    }
    for (auto it = answers->begin(); it != answers->end(); ++it) {
      const std::string path = "/answers/" + pointer_token(it.key());
      const int index = rules.question_index(it.key());
      if (index < 0 && saved_under_other_rules) {
        result.dropped.push_back({it.key(), *it, "rules_changed", nullptr});
        continue;
      }
      if (index < 0) {
        std::vector<std::string> ids;
        for (const auto& question : rules.questions) ids.push_back(question.id);
        return Error{"answers.unknown_question",
                     "\"" + it.key() + "\" is not a question (questions: " + quoted_list(ids) + ")",
                     path};
      }
      auto answer = read_answer(rules.questions[static_cast<std::size_t>(index)], *it, path);
      if (!answer && saved_under_other_rules) {
        result.dropped.push_back({it.key(), *it, "rules_changed", nullptr});
        continue;
      }
      if (!answer) return answer.error();
      result.answers[static_cast<std::size_t>(index)] = std::move(answer).value();
    }
  }
  return result;
}

}  // namespace pdp
