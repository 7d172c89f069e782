// Validation of requests: every refusal names the answer, the value and what is allowed.
#include "core/request.hpp"

#include <set>

#include "core/decimal_text.hpp"
#include "core/json_reader.hpp"
#include "core/json_text.hpp"
#include "core/limits.hpp"
#include "core/quote.hpp"

namespace pdp {
namespace {

// A value beyond the limits, found below some value: what it is, and its path below that value
// (written on the way back up, so only for the value an error names).
struct Beyond {
  enum Kind { string_too_long, key_too_long, too_deep } kind;
  std::size_t bytes = 0;  // the string's or key's length
  std::string path;
};

// The first value of `value` (at `depth`, the top being 1) beyond the limits on nesting and on
// strings, in document order, an object's keys before its members. The recursion stops one level
// past kRequestDepth, so any request is walked safely.
std::optional<Beyond> beyond_limits(const Json& value, std::size_t depth) {
  if (value.is_string()) {
    const std::size_t bytes = value.get_ref<const std::string&>().size();
    if (bytes > limits::kStringBytes) return Beyond{Beyond::string_too_long, bytes, ""};
    return std::nullopt;
  }
  if (!value.is_structured()) return std::nullopt;
  if (depth > limits::kRequestDepth) return Beyond{Beyond::too_deep, 0, ""};
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto found = beyond_limits(value[i], depth + 1)) {
        found->path = "/" + decimal_text(i) + found->path;
        return found;
      }
    }
    return std::nullopt;
  }
  const auto& members = *value.get_ptr<const Json::object_t*>();
  for (const auto& [key, member] : members) {
    if (key.size() > limits::kStringBytes) return Beyond{Beyond::key_too_long, key.size(), ""};
  }
  for (const auto& [key, member] : members) {
    if (auto found = beyond_limits(member, depth + 1)) {
      found->path = "/" + pointer_token(key) + found->path;
      return found;
    }
  }
  return std::nullopt;
}

Error limit_error(const Beyond& beyond) {
  const std::string& path = beyond.path;
  switch (beyond.kind) {
    case Beyond::string_too_long:
      return Error{"request.string_too_long",
                   "the text at \"" + path + "\" is " + decimal_text(beyond.bytes) +
                       " bytes long; at most " + decimal_text(limits::kStringBytes) +
                       " are accepted",
                   path};
    case Beyond::key_too_long:
      return Error{"request.string_too_long",
                   "a field name in \"" + (path.empty() ? "/" : path) + "\" is " +
                       decimal_text(beyond.bytes) + " bytes long; at most " +
                       decimal_text(limits::kStringBytes) + " are accepted",
                   path};
    case Beyond::too_deep:
      break;
  }
  return Error{"request.too_deep",
               "the request nests arrays and objects more than " +
                   decimal_text(limits::kRequestDepth) + " levels deep, at \"" +
                   quoted_text(path, 100) + "\"",
               path};
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
  if (const auto beyond = beyond_limits(request, 1)) return limit_error(*beyond);
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
    if (!rules.has_locale(code)) {
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
                   "\"answers\" holds " + decimal_text(answers->size()) +
                       " answers; a questionnaire has at most " + decimal_text(limits::kAnswers) +
                       " questions",
                   "/answers"};
    }
    for (auto it = answers->begin(); it != answers->end(); ++it) {
      // Written only for an error: an answer's path cost more than reading the answer.
      const auto path = [&] { return "/answers/" + pointer_token(it.key()); };
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
                     path()};
      }
      auto answer = read_answer(rules.questions[static_cast<std::size_t>(index)], *it, "");
      if (!answer && saved_under_other_rules) {
        result.dropped.push_back({it.key(), *it, "rules_changed", nullptr});
        continue;
      }
      if (!answer) {
        Error error = answer.error();
        error.path = path() + error.path;
        return error;
      }
      result.answers[static_cast<std::size_t>(index)] = std::move(answer).value();
    }
  }
  return result;
}

}  // namespace pdp
