// Access to locale texts that never throws, and the small formatting the responses need.
#include "core/texts.hpp"

#include "core/decimal_text.hpp"

namespace pdp {
namespace {

const Json& empty_object() {
  static const Json kEmpty = Json::object();
  return kEmpty;
}

const Json& texts_of(const RuleSet& rules, const std::string& locale) {
  auto found = rules.texts.find(locale);
  return found == rules.texts.end() ? empty_object() : found->second;
}

}  // namespace

Texts::Texts(const RuleSet& rules, const std::string& locale) : texts_(texts_of(rules, locale)) {}

const std::string& Texts::at(std::initializer_list<std::string> keys) const {
  static const std::string kEmpty;
  const Json* node = &texts_;
  for (const auto& key : keys) {
    if (!node->is_object()) return kEmpty;
    auto found = node->find(key);
    if (found == node->end()) return kEmpty;
    node = &*found;
  }
  return node->is_string() ? node->get_ref<const std::string&>() : kEmpty;
}

std::string Texts::date(const Date& date) const {
  std::string month;
  auto months = texts_.find("months");
  if (months != texts_.end() && months->is_array() &&
      static_cast<std::size_t>(date.month) <= months->size() &&
      (*months)[static_cast<std::size_t>(date.month - 1)].is_string()) {
    month = (*months)[static_cast<std::size_t>(date.month - 1)].get<std::string>();
  }
  // "1er décembre": French writes the first day as an ordinal; the locale says how.
  const std::string day = date.day == 1 ? at({"first_day_of_month"}) : decimal_text(date.day);
  return day + " " + month + " " + decimal_text(date.year);
}

std::string Texts::answer_label(const Question& question, const Json& answer) const {
  return answer_label(question, answer,
                      [this](std::initializer_list<std::string> keys) { return at(keys); });
}

std::string Texts::fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace pdp
