// A plain request read by nlohmann's SAX parser into its parts, then checked as read_request does.
#include "core/plain_request.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/limits.hpp"

namespace pdp {
namespace {

// Takes the parser's events for the one shape a plain request has; any other event stops it.
// Names are matched where they are read (a question by its index, a field by its place), so that
// no name is kept: the lexer's buffer stays its own, and reading allocates only for the values.
class PlainRequestParts {
 public:
  explicit PlainRequestParts(const RuleSet& rules) : rules_(rules) {
    answers.reserve(rules.questions.size());
  }

  std::vector<std::pair<std::size_t, Json>> answers;  // by question index, in the order of the text
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
    std::optional<std::string>* field = field_ == Field::date            ? &date
                                        : field_ == Field::locale        ? &locale
                                        : field_ == Field::rules_version ? &rules_version
                                                                         : nullptr;
    if (field == nullptr) return false;
    *field = std::move(value);
    return true;
  }
  bool start_object(std::size_t /*size*/) {
    if (depth_ == 0 || (depth_ == 1 && field_ == Field::answers)) {
      ++depth_;
      return true;
    }
    return false;
  }
  bool key(Json::string_t& name) {
    if (depth_ == 2) {
      // An id the rules lack, or given twice: the long way words the error.
      const int index = rules_.question_index(name);
      if (index < 0) return false;
      question_ = static_cast<std::size_t>(index);
      return std::none_of(answers.begin(), answers.end(),
                          [&](const auto& given) { return given.first == question_; });
    }
    field_ = name == "answers"         ? Field::answers
             : name == "date"          ? Field::date
             : name == "locale"        ? Field::locale
             : name == "rules_version" ? Field::rules_version
                                       : Field::none;
    const unsigned bit = 1u << static_cast<unsigned>(field_);
    if (field_ == Field::none || (seen_ & bit) != 0) return false;
    seen_ |= bit;
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
  enum class Field : unsigned { none, answers, date, locale, rules_version };

  bool answer(Json value) {
    answers.emplace_back(question_, std::move(value));
    return true;
  }

  const RuleSet& rules_;
  int depth_ = 0;  // 1 in the request, 2 in its answers, 3 in an answer's list
  Field field_ = Field::none;
  unsigned seen_ = 0;  // a bit per field read
  std::size_t question_ = 0;
  Json list_;
};

}  // namespace

std::optional<Request> read_plain_request(const RuleSet& rules, const std::string& text,
                                          const Date& today) {
  if (text.size() > limits::kRequestBytes) return std::nullopt;
  PlainRequestParts parts(rules);
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
  for (auto& [index, value] : parts.answers) {
    auto answer = read_answer(rules.questions[index], std::move(value), "");
    if (!answer) return std::nullopt;
    request.answers[index] = std::move(answer).value();
  }
  return request;
}

}  // namespace pdp
