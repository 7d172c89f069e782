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

// Where a value stands in the request: its parent's entry (or -1 at the top), and its key or
// index there. Paths are written only for the value an error names.
struct Place {
  const Json* value;
  std::ptrdiff_t parent;
  const std::string* key;  // in an object; else `index` in an array
  std::size_t index;
  std::size_t depth;  // arrays and objects from the top, this one included
};

std::string path_of(const std::vector<Place>& places, std::ptrdiff_t at) {
  std::vector<std::string> tokens;
  for (; at > 0; at = places[static_cast<std::size_t>(at)].parent) {
    const Place& place = places[static_cast<std::size_t>(at)];
    tokens.push_back(place.key ? pointer_token(*place.key) : std::to_string(place.index));
  }
  std::string path;
  for (auto token = tokens.rbegin(); token != tokens.rend(); ++token) path += "/" + *token;
  return path;
}

// The first value of `request` beyond the limits on nesting and on strings, walked without
// recursion (a request built in memory may be nested arbitrarily deep), in document order.
std::optional<Error> beyond_limits(const Json& request) {
  std::vector<Place> places{{&request, -1, nullptr, 0, 1}};
  std::vector<std::size_t> pending{0};
  while (!pending.empty()) {
    const std::size_t at = pending.back();
    pending.pop_back();
    const Json& value = *places[at].value;
    const std::size_t depth = places[at].depth;
    if (value.is_string() && value.get_ref<const std::string&>().size() > limits::kStringBytes) {
      const std::string path = path_of(places, static_cast<std::ptrdiff_t>(at));
      return Error{"request.string_too_long",
                   "the text at \"" + path + "\" is " +
                       std::to_string(value.get_ref<const std::string&>().size()) +
                       " bytes long; at most " + std::to_string(limits::kStringBytes) +
                       " are accepted",
                   path};
    }
    if (!value.is_structured()) continue;
    if (depth > limits::kRequestDepth) {
      const std::string path = path_of(places, static_cast<std::ptrdiff_t>(at));
      return Error{"request.too_deep",
                   "the request nests arrays and objects more than " +
                       std::to_string(limits::kRequestDepth) + " levels deep, at \"" +
                       quoted_text(path, 100) + "\"",
                   path};
    }
    const std::size_t first = places.size();
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        places.push_back({&value[i], static_cast<std::ptrdiff_t>(at), nullptr, i, depth + 1});
      }
    } else {
      for (const auto& [key, member] : *value.get_ptr<const Json::object_t*>()) {
        if (key.size() > limits::kStringBytes) {
          const std::string path = path_of(places, static_cast<std::ptrdiff_t>(at));
          return Error{"request.string_too_long",
                       "a field name in \"" + (path.empty() ? "/" : path) + "\" is " +
                           std::to_string(key.size()) + " bytes long; at most " +
                           std::to_string(limits::kStringBytes) + " are accepted",
                       path};
        }
        places.push_back({&member, static_cast<std::ptrdiff_t>(at), &key, 0, depth + 1});
      }
    }
    // Pushed backwards so that the first member is looked at first.
    for (std::size_t i = places.size(); i-- > first;) pending.push_back(i);
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
