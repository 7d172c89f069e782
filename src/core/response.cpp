// Builds the response: eligibility and its reasons, the next question, and the summary.
#include "core/response.hpp"

#include "core/texts.hpp"
#include "core/what_would_change.hpp"

namespace pdp {
namespace {

const char* eligibility_name(const Value& eligibility) {
  switch (truth_of(eligibility)) {
    case Truth::yes:
      return "eligible";
    case Truth::no:
      return "not_eligible";
    case Truth::unknown:
      break;
  }
  return "incomplete";
}

const char* status_name(const Value& value) {
  switch (truth_of(value)) {
    case Truth::yes:
      return "met";
    case Truth::no:
      return "unmet";
    case Truth::unknown:
      break;
  }
  return "unknown";
}

Json question_ids(const RuleSet& rules, SymbolMask mask) {
  Json ids = Json::array();
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    if ((mask & bit_of(i)) != 0) ids.push_back(rules.questions[i].id);
  }
  return ids;
}

Json sources_json(const RuleSet& rules, const std::vector<SourceRef>& sources, std::string& text) {
  Json list = Json::array();
  for (const auto& source : sources) {
    std::string title = source.document;
    for (const auto& document : rules.documents) {
      if (document.id == source.document) title = document.title;
    }
    Json entry = {{"document", source.document}, {"title", title}, {"passage", source.passage}};
    if (!source.article.empty()) entry["article"] = source.article;
    list.push_back(std::move(entry));
    // A legal article is the precise reference; otherwise the document and its passage.
    if (!text.empty()) text += " ; ";
    text += source.article.empty() ? title + ", « " + source.passage + " »" : source.article;
  }
  return list;
}

Json next_question_json(const RuleSet& rules, const Texts& texts, const Situation& situation) {
  if (situation.finished()) return nullptr;
  const auto index = static_cast<std::size_t>(situation.next_question);
  const Question& question = rules.questions[index];
  static const char* kTypes[] = {"boolean", "choice", "multi"};
  Json options = Json::array();
  Json choices = Json::array();
  if (question.type == QuestionType::boolean) {
    choices.push_back({{"value", true}, {"label", texts.at({"answers", "yes"})}});
    choices.push_back({{"value", false}, {"label", texts.at({"answers", "no"})}});
  }
  for (const auto& option : situation.offered[index]) {
    const auto& label = texts.at({"questions", question.id, "options", option});
    options.push_back({{"id", option}, {"label", label}});
    choices.push_back({{"value", option}, {"label", label}});
  }
  if (question.allows_unknown) {
    choices.push_back({{"value", kUnknownAnswer}, {"label", texts.at({"answers", "unknown"})}});
  }
  Json out = {{"id", question.id},
              {"type", kTypes[static_cast<int>(question.type)]},
              {"label", texts.at({"questions", question.id, "label"})},
              {"help", texts.at({"questions", question.id, "help"})},
              {"options", std::move(options)},
              {"choices", std::move(choices)},
              {"allows_unknown", question.allows_unknown},
              {"exclusive", question.exclusive}};
  return out;
}

Json criteria_json(const RuleSet& rules, const Texts& texts, const Situation& situation,
                   logic::Budget& budget) {
  Json list = Json::array();
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& criterion = rules.criteria[c];
    const Value& value = situation.criteria[c];
    const char* status = status_name(value);
    Json entry = {{"id", criterion.id},
                  {"status", status},
                  {"title", texts.at({"criteria", criterion.id, "title"})},
                  {"text", texts.at({"criteria", criterion.id, status})},
                  {"because", question_ids(rules, value.reads | value.missing)}};
    std::string cited;
    entry["sources"] = sources_json(rules, criterion.source, cited);
    entry["source"] = cited;
    if (truth_of(value) == Truth::no) {
      Json ways = Json::array();
      for (const auto& way : ways_to_meet(rules, situation.used, c, budget)) {
        Json changes = Json::array();
        for (const auto& change : way) {
          const Question& question = rules.questions[change.question];
          Json labels = Json::array();
          for (const auto& answer : change.answers) {
            labels.push_back(texts.answer_label(question, answer));
          }
          changes.push_back({{"question", question.id},
                             {"question_label", texts.at({"questions", question.id, "label"})},
                             {"answers", change.answers},
                             {"answer_labels", std::move(labels)}});
        }
        ways.push_back({{"changes", std::move(changes)}});
      }
      entry["would_be_met_by"] = std::move(ways);
    }
    list.push_back(std::move(entry));
  }
  return list;
}

Json item_json(const RuleSet& rules, const Texts& texts, const Request& request, const Item& item,
               const Value& applies) {
  const std::string kind = kind_name(item.kind);
  const char* second = item.kind == ItemKind::actor     ? "role"
                       : item.kind == ItemKind::channel ? "how"
                                                        : "text";
  Json entry = {{"id", item.id},
                {"status", truth_of(applies) == Truth::yes ? "applies" : "to_check"},
                {"title", texts.at({kind, item.id, "title"})},
                {second, texts.at({kind, item.id, second})}};
  if (truth_of(applies) == Truth::unknown)
    entry["depends_on"] = question_ids(rules, applies.missing);
  if (!item.programme.empty()) entry["programme"] = item.programme;
  std::string cited;
  entry["sources"] = sources_json(rules, item.source, cited);
  entry["source"] = cited;
  if (item.kind == ItemKind::programme) {
    bool in_force = true;
    if (item.valid_from && item.valid_until) {
      in_force = *item.valid_from <= request.date && request.date <= *item.valid_until;
      entry["valid_from"] = item.valid_from->iso();
      entry["valid_until"] = item.valid_until->iso();
      const std::string information = item.information_date ? texts.date(*item.information_date)
                                                            : texts.date(rules.information_date);
      entry["period"] = Texts::fill(texts.at({"notices", "programme_period"}),
                                    {{"from", texts.date(*item.valid_from)},
                                     {"until", texts.date(*item.valid_until)},
                                     {"information_date", information}});
      entry["date_note"] = Texts::fill(
          texts.at({"notices", in_force ? "programme_in_force" : "programme_out_of_force"}),
          {{"date", texts.date(request.date)}});
    }
    if (item.information_date) entry["information_date"] = item.information_date->iso();
    entry["in_force"] = in_force;
  }
  return entry;
}

}  // namespace

Json build_response(const RuleSet& rules, const Request& request, const Situation& situation,
                    logic::Budget& budget) {
  const Texts texts(rules, request.locale);
  const bool finished = situation.finished();
  const char* eligibility = eligibility_name(situation.eligibility);

  Json answers = Json::object();
  Json recap = Json::array();
  int answered = 0;
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    const auto& answer = situation.used[i];
    if (!answer) continue;
    ++answered;
    const Question& question = rules.questions[i];
    answers[question.id] = answer->to_json();
    recap.push_back({{"question", question.id},
                     {"label", texts.at({"questions", question.id, "label"})},
                     {"answer", answer->to_json()},
                     {"answer_label", texts.answer_label(question, answer->to_json())}});
  }

  Json response = {
      {"rules", {{"version", rules.version}, {"information_date", rules.information_date.iso()}}},
      {"date", request.date.iso()},
      {"locale", request.locale},
      {"eligibility", eligibility},
      {"finished", finished},
      {"criteria", criteria_json(rules, texts, situation, budget)},
      {"next_question", next_question_json(rules, texts, situation)},
      {"progress", {{"answered", answered}, {"remaining_at_most", situation.remaining_at_most}}},
      {"answers", std::move(answers)},
      {"ignored_answers", situation.ignored},
      {"recap", std::move(recap)}};

  response["outcome"] = nullptr;
  Json to_check = Json::array();
  if (finished) {
    response["outcome"] = {{"title", texts.at({"eligibility", eligibility, "title"})},
                           {"now", texts.at({"eligibility", eligibility, "now"})},
                           {"text", texts.at({"eligibility", eligibility, "text"})}};
    // "ne_sait_pas" answers that leave the eligibility or an item open: what to ask the caisse.
    SymbolMask pending = situation.eligibility.unknown ? situation.eligibility.missing : 0;
    for (ItemKind kind : kItemKinds) {
      for (const auto& value : situation.items.at(kind)) {
        if (value.unknown) pending |= value.missing;
      }
    }
    pending &= situation.unknown_answers;
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
      if ((pending & bit_of(i)) == 0) continue;
      const Question& question = rules.questions[i];
      to_check.push_back({{"question", question.id},
                          {"label", texts.at({"questions", question.id, "label"})},
                          {"text", texts.at({"questions", question.id, "to_check"})}});
    }
  }
  response["to_check"] = std::move(to_check);

  for (ItemKind kind : kItemKinds) {
    Json list = Json::array();
    const auto& items = rules.items_of(kind);
    const auto& values = situation.items.at(kind);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Truth truth = truth_of(values[i]);
      if (truth == Truth::yes || (truth == Truth::unknown && finished)) {
        list.push_back(item_json(rules, texts, request, items[i], values[i]));
      }
    }
    response[kind_name(kind)] = std::move(list);
  }

  response["notices"] = {
      {"indicative", texts.at({"notices", "indicative"})},
      {"privacy", texts.at({"notices", "privacy"})},
      {"information_date", Texts::fill(texts.at({"notices", "information_date"}),
                                       {{"date", texts.date(rules.information_date)}})},
      {"rules_version",
       Texts::fill(texts.at({"notices", "rules_version"}), {{"version", rules.version}})}};
  return response;
}

Json error_response(const Error& error) {
  return {{"error", {{"code", error.code}, {"message", error.message}, {"path", error.path}}}};
}

}  // namespace pdp
