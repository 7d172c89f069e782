// Builds the response: eligibility and its reasons, the next question, and the summary.
#include "core/response.hpp"

#include "core/period.hpp"
#include "core/texts.hpp"
#include "core/what_would_change.hpp"

#include <algorithm>

namespace pdp {
namespace {

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

bool is_internal(const RuleSet& rules, const SourceRef& source) {
  const Document* document = rules.document(source.document);
  return document != nullptr && document->internal;
}

// The team's internal notes are left out where an official text backs the same statement.
Json sources_json(const RuleSet& rules, const std::vector<SourceRef>& sources, std::string& text) {
  const bool official_cited = std::any_of(
      sources.begin(), sources.end(), [&](const SourceRef& s) { return !is_internal(rules, s); });
  Json list = Json::array();
  for (const auto& source : sources) {
    if (official_cited && is_internal(rules, source)) continue;
    const Document* document = rules.document(source.document);
    const std::string title = document ? document->title : source.document;
    Json entry = {{"document", source.document}, {"title", title}, {"passage", source.passage}};
    if (!source.article.empty()) entry["article"] = source.article;
    if (document && !document->url.empty()) entry["url"] = document->url;
    if (document && document->date) entry["date"] = document->date->iso();
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

Json criteria_json(const RuleSet& rules, const Texts& texts, const Request& request,
                   const Situation& situation, logic::Budget& budget) {
  Json list = Json::array();
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& criterion = rules.criteria[c];
    const Value& value = situation.criteria[c];
    const char* status = status_name(value);
    const int variant = situation.criteria_variants[c];
    const std::string& text =
        variant >= 0                     ? texts.at({"criteria", criterion.id, "variants",
                                                     criterion.variants[static_cast<std::size_t>(variant)].id})
        : situation.criteria_to_check[c] ? texts.at({"criteria", criterion.id, "to_check"})
                                         : texts.at({"criteria", criterion.id, status});
    Json entry = {{"id", criterion.id},
                  {"status", status},
                  {"title", texts.at({"criteria", criterion.id, "title"})},
                  {"text", text},
                  {"because", question_ids(rules, value.reads | value.missing)}};
    if (variant >= 0) entry["variant"] = criterion.variants[static_cast<std::size_t>(variant)].id;
    std::string cited;
    entry["sources"] = sources_json(rules, criterion.source, cited);
    entry["source"] = cited;
    if (truth_of(value) == Truth::no) {
      Json ways = Json::array();
      for (const auto& way : ways_to_meet(rules, situation.used, request.date, c, budget)) {
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

// The note on a programme's period, in the tense of the assessment date.
std::string period_note(const Texts& texts, const Request& request, const Item& programme) {
  const bool past = request.date < request.today;
  const std::string date = texts.date(request.date);
  switch (period_status(programme, request.date)) {
    case PeriodStatus::in_force:
      return Texts::fill(
          texts.at({"notices", past ? "programme_in_force_past" : "programme_in_force"}),
          {{"date", date}});
    case PeriodStatus::not_yet:
      return Texts::fill(
          texts.at({"notices", past ? "programme_not_yet_past" : "programme_not_yet"}),
          {{"date", date}, {"from", texts.date(*programme.valid_from)}});
    case PeriodStatus::to_confirm:
      break;
  }
  const std::string until = texts.date(*programme.valid_until);
  if (programme.last_seen && *programme.valid_until < *programme.last_seen) {
    return Texts::fill(texts.at({"notices", "programme_to_confirm"}),
                       {{"until", until}, {"last_seen", texts.date(*programme.last_seen)}});
  }
  return Texts::fill(texts.at({"notices", "programme_ended_to_confirm"}), {{"until", until}});
}

Json item_json(const RuleSet& rules, const Texts& texts, const Request& request, const Item& item,
               const Value& applies, int variant) {
  const std::string kind = kind_name(item.kind);
  const char* second = item_text_key(item.kind);
  Json entry = {{"id", item.id},
                {"status", truth_of(applies) == Truth::yes ? "applies" : "to_check"},
                {"title", texts.at({kind, item.id, "title"})}};
  if (variant >= 0) {
    const std::string& id = item.variants[static_cast<std::size_t>(variant)].id;
    entry["variant"] = id;
    entry[second] = texts.at({kind, item.id, "variants", id});
  } else {
    entry[second] = texts.at({kind, item.id, second});
  }
  if (truth_of(applies) == Truth::unknown)
    entry["depends_on"] = question_ids(rules, applies.missing);
  if (!item.programme.empty()) entry["programme"] = item.programme;
  std::string cited;
  entry["sources"] = sources_json(rules, item.source, cited);
  entry["source"] = cited;
  if (item.kind == ItemKind::programme) {
    const PeriodStatus status = period_status(item, request.date);
    entry["short"] = texts.at({kind, item.id, "short"});
    entry["period_status"] = period_status_name(status);
    if (item.valid_from && item.valid_until) {
      entry["valid_from"] = item.valid_from->iso();
      entry["valid_until"] = item.valid_until->iso();
      if (item.last_seen) entry["last_seen"] = item.last_seen->iso();
      const std::string information = item.information_date ? texts.date(*item.information_date)
                                                            : texts.date(rules.information_date);
      entry["period"] = Texts::fill(texts.at({"notices", "programme_period"}),
                                    {{"from", texts.date(*item.valid_from)},
                                     {"until", texts.date(*item.valid_until)},
                                     {"information_date", information}});
      entry["date_note"] = period_note(texts, request, item);
    }
    if (item.information_date) entry["information_date"] = item.information_date->iso();
    entry["in_force"] = status == PeriodStatus::in_force;
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
      {"criteria", criteria_json(rules, texts, request, situation, budget)},
      {"next_question", next_question_json(rules, texts, situation)},
      {"progress", {{"answered", answered}, {"remaining_at_most", situation.remaining_at_most}}},
      {"answers", std::move(answers)},
      {"ignored_answers", situation.ignored},
      {"recap", std::move(recap)}};

  response["outcome"] = nullptr;
  Json to_check = Json::array();
  if (finished) {
    if (situation.outcome >= 0) {
      const std::string& id = rules.outcomes[static_cast<std::size_t>(situation.outcome)].id;
      response["outcome"] = {{"id", id},
                             {"title", texts.at({"outcomes", id, "title"})},
                             {"now", texts.at({"outcomes", id, "now"})},
                             {"text", texts.at({"outcomes", id, "text"})}};
    } else {
      response["outcome"] = {{"id", eligibility},
                             {"title", texts.at({"eligibility", eligibility, "title"})},
                             {"now", texts.at({"eligibility", eligibility, "now"})},
                             {"text", texts.at({"eligibility", eligibility, "text"})}};
    }
    // Conditions the sources leave open for this person: what to ask the caisse first.
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
      if (!situation.criteria_to_check[c]) continue;
      const std::string& id = rules.criteria[c].id;
      to_check.push_back({{"criterion", id},
                          {"label", texts.at({"criteria", id, "title"})},
                          {"text", texts.at({"criteria", id, "to_check"})}});
    }
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
    const auto& variants = situation.variants.at(kind);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Truth truth = truth_of(values[i]);
      if (truth == Truth::yes || (truth == Truth::unknown && finished)) {
        list.push_back(item_json(rules, texts, request, items[i], values[i], variants[i]));
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
