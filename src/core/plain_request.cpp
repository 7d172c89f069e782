// A plain request read by nlohmann's SAX parser into its parts, then checked as read_request does.
#include "core/plain_request.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/limits.hpp"

namespace pdp {
namespace {

// Takes the parser's events for the one shape a plain request has; any other event stops it.
class PlainRequestParts {
 public:
  std::vector<std::pair<std::string, Json>> answers;  // in the order of the text
  std::optional<std::string> date;
  std::optional<std::string> locale;
  std::optional<std::string> rules_version;

  bool null() { return false; }
  bool boolean(bool value) { return depth_ == 2 && answer(Json(value)); }
  bool number_integer(Json::number_integer_t /*value*/) { return false; }
  bool number_unsigned(Json::number_unsigned_t /*value*/) { return false; }
  bool number_float(Json::number_float_t /*value*/, const Json::string_t& /*text*/) {
    return false;
  }
  bool binary(Json::binary_t& /*value*/) { return false; }
  bool string(Json::string_t& value) {
    if (value.size() > limits::kStringBytes) return false;
    if (depth_ == 3) {
      list_.push_back(std::move(value));
      return true;
    }
    if (depth_ == 2) return answer(Json(std::move(value)));
    if (depth_ != 1) return false;
    std::optional<std::string>* field = field_ == "date"            ? &date
                                        : field_ == "locale"        ? &locale
                                        : field_ == "rules_version" ? &rules_version
                                                                    : nullptr;
    if (field == nullptr) return false;
    *field = std::move(value);
    return true;
  }
  bool start_object(std::size_t /*size*/) {
    if (depth_ == 0 || (depth_ == 1 && field_ == "answers")) {
      ++depth_;
      return true;
    }
    return false;
  }
  bool key(Json::string_t& name) {
    if (name.size() > limits::kStringBytes) return false;
    if (depth_ == 2) {
      const bool again = std::any_of(answers.begin(), answers.end(),
                                     [&](const auto& given) { return given.first == name; });
      if (again || answers.size() >= limits::kAnswers) return false;
      id_ = std::move(name);
      return true;
    }
    const bool known =
        name == "answers" || name == "date" || name == "locale" || name == "rules_version";
    if (!known || std::find(seen_.begin(), seen_.end(), name) != seen_.end()) return false;
    seen_.push_back(name);
    field_ = std::move(name);
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*size*/) {
    if (depth_ != 2) return false;
    ++depth_;
    list_ = Json::array();
    return true;
  }
  bool end_array() {
    --depth_;
    return answer(std::move(list_));
  }
  template <typename Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const Exception& /*ex*/) {
    return false;
  }

 private:
  bool answer(Json value) {
    answers.emplace_back(std::move(id_), std::move(value));
    return true;
  }

  int depth_ = 0;  // 1 in the request, 2 in its answers, 3 in an answer's list
  std::string field_;
  std::vector<std::string> seen_;
  std::string id_;
  Json list_;
};

}  // namespace

std::optional<Request> read_plain_request(const RuleSet& rules, const std::string& text,
                                          const Date& today) {
  if (text.size() > limits::kRequestBytes) return std::nullopt;
  PlainRequestParts parts;
  if (!Json::sax_parse(text, &parts, Json::input_format_t::json, true, false)) return std::nullopt;
  // Answers saved under other rules may be dropped rather than read: the long way.
  if (parts.rules_version && *parts.rules_version != rules.version) return std::nullopt;

  Request request;
  request.answers.resize(rules.questions.size());
  request.date = today;
  request.today = today;
  request.locale = rules.default_locale;
  if (parts.date) {
    const std::optional<Date> date = Date::parse(*parts.date);
    if (!date) return std::nullopt;
    request.date = *date;
  }
  if (parts.locale) {
    if (parts.locale->size() != 2 || !rules.has_locale(*parts.locale)) {
      return std::nullopt;
    }
    request.locale = *parts.locale;
  }
  for (auto& [id, value] : parts.answers) {
    const int index = rules.question_index(id);
    if (index < 0) return std::nullopt;
    auto answer = read_answer(rules.questions[static_cast<std::size_t>(index)], value, "");
    if (!answer) return std::nullopt;
    request.answers[static_cast<std::size_t>(index)] = std::move(answer).value();
  }
  return request;
}

}  // namespace pdp
