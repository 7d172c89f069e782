// Validates a request, evaluates it and builds the response.
#include "core/assessment.hpp"

#include <map>
#include <string>

#include "core/cited_sources.hpp"
#include "core/conversation.hpp"
#include "core/plain_request.hpp"
#include "core/request.hpp"
#include "core/response.hpp"
#include "core/situation.hpp"
#include "core/texts.hpp"

namespace pdp {

Json assess(const RuleSet& rules, const Json& request, const Date& today) {
  auto parsed = read_request(rules, request, today);
  if (!parsed) return error_response(parsed.error());
  logic::Budget budget;
  Json response = respond(rules, parsed.value(), budget);
  if (budget.spent()) return error_response(too_costly(budget));
  return response;
}

Json respond(const RuleSet& rules, const Request& request, logic::Budget& budget) {
  const Conversation conversation = converse(rules, request.answers, request.date, budget);
  if (budget.spent()) return nullptr;
  return build_response(rules, request, conversation, budget);
}

Error too_costly(const logic::Budget& budget) {
  return Error{"rules.too_costly",
               "the rules cannot be evaluated: the condition at \"" + budget.where() + "\" " +
                   budget.reason(),
               budget.where()};
}

Json rules_info(const RuleSet& rules, const std::string& locale) {
  auto request = read_request(rules, Json{{"locale", locale}}, rules.information_date);
  if (!request) return error_response(request.error());
  // Built member by member rather than from initializer lists: the same JSON, less code in the
  // page's module (docs/performance.md, "Module size cuts").
  // The loader guarantees every listed locale has its texts, with a name and a "ui" section.
  // Every language, the separate ones included, in the order of the full rule set: the
  // default first, then by code.
  std::map<std::string, std::string> names = rules.separate_locales;
  for (const auto& code : rules.locales) names[code] = Texts(rules, code).at({"name"});
  Json info = Json::object();
  Json& locales = info["locales"] = Json::array();
  // `loaded`: false for a language whose texts the host must add first (pdp_add_locale).
  const auto add_locale = [&](const std::string& code) {
    Json& entry = locales.emplace_back(Json::object());
    entry["id"] = code;
    entry["name"] = names[code];
    entry["loaded"] = rules.separate_locales.count(code) == 0;
  };
  add_locale(rules.default_locale);
  for (const auto& [code, name] : names) {
    if (code != rules.default_locale) add_locale(code);
  }
  Json& about = info["rules"];
  about["version"] = rules.version;
  about["information_date"] = rules.information_date.iso();
  info["locale"] = locale;
  info["default_locale"] = rules.default_locale;
  auto texts = rules.texts.find(locale);
  const bool has_texts = texts != rules.texts.end();
  info["ui"] = has_texts && texts->second.contains("ui") ? texts->second["ui"] : Json::object();
  info["texts"] = has_texts ? texts->second : Json::object();
  // What never changes from one reply to the next, so that a reply carries ids only: how each
  // question is answered, the passages each criterion and item rests on, the documents cited.
  Json& questions = info["questions"] = Json::object();
  for (const auto& question : rules.questions) {
    static const char* kTypes[] = {"boolean", "choice", "multi"};
    Json& entry = questions[question.id];
    entry["type"] = kTypes[static_cast<int>(question.type)];
    entry["options"] = question.options;
    entry["allows_unknown"] = question.allows_unknown;
    entry["exclusive"] = question.exclusive;
  }
  info["sources"] = sources_by_id(rules);
  info["documents"] = documents_json(rules);
  return info;
}

std::string assess_text(const RuleSet& rules, const std::string& request, const Date& today) {
  std::optional<Request> parsed = read_plain_request(rules, request, today);
  if (!parsed) {  // not a plain request: read with every check, to name what is wrong
    auto json = parse_request_text(request);
    if (!json) return reply_text(error_response(json.error()));
    auto read = read_request(rules, json.value(), today);
    if (!read) return reply_text(error_response(read.error()));
    parsed = std::move(read).value();
  }
  // As respond(), but the response written as text.
  logic::Budget budget;
  const Conversation conversation = converse(rules, parsed->answers, parsed->date, budget);
  if (budget.spent()) return reply_text(error_response(too_costly(budget)));
  std::string response = write_response(rules, *parsed, conversation, budget);
  if (budget.spent()) return reply_text(error_response(too_costly(budget)));
  return response;
}

}  // namespace pdp
