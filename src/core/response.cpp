// Builds the response: eligibility and its reasons, the next question, and the summary.
#include "core/response.hpp"

#include "core/conversation.hpp"
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
Json sources_json(const RuleSet& rules, const std::vector<SourceRef>& sources) {
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
  }
  return list;
}

// A question as asked, with the answers offered then (yes/no, its options, "ne_sait_pas").
Json question_json(const RuleSet& rules, const Texts& texts, std::size_t index,
                   const std::vector<std::string>& offered) {
  const Question& question = rules.questions[index];
  static const char* kTypes[] = {"boolean", "choice", "multi"};
  Json choices = Json::array();
  if (question.type == QuestionType::boolean) {
    choices.push_back({{"value", true}, {"label", texts.at({"answers", "yes"})}});
    choices.push_back({{"value", false}, {"label", texts.at({"answers", "no"})}});
  }
  for (const auto& option : offered) {
    choices.push_back(
        {{"value", option}, {"label", texts.at({"questions", question.id, "options", option})}});
  }
  if (question.allows_unknown) {
    choices.push_back({{"value", kUnknownAnswer}, {"label", texts.at({"answers", "unknown"})}});
  }
  return {{"id", question.id},
          {"type", kTypes[static_cast<int>(question.type)]},
          {"label", texts.at({"questions", question.id, "label"})},
          {"help", texts.at({"questions", question.id, "help"})},
          {"choices", std::move(choices)},
          {"allows_unknown", question.allows_unknown},
          {"exclusive", question.exclusive}};
}

Json steps_json(const RuleSet& rules, const Texts& texts, const Conversation& conversation) {
  Json steps = Json::array();
  for (const Step& step : conversation.steps) {
    const Question& question = rules.questions[step.question];
    const Json answer = conversation.kept[step.question]->to_json();
    steps.push_back(
        {{"question", question_json(rules, texts, step.question, step.offered)},
         {"answer", answer},
         {"answer_label", texts.answer_label(question, answer)},
         {"progress",
          {{"answered", step.answered_before}, {"remaining_at_most", step.remaining_at_most}}}});
  }
  return steps;
}

Json dropped_json(const RuleSet& rules, const Texts& texts,
                  const std::vector<const std::vector<DroppedAnswer>*>& lists) {
  Json out = Json::array();
  for (const auto* list : lists) {
    for (const DroppedAnswer& dropped : *list) {
      Json entry = {
          {"question", dropped.question}, {"answer", dropped.answer}, {"reason", dropped.reason}};
      if (!dropped.kept.is_null()) entry["kept"] = dropped.kept;
      if (rules.question_index(dropped.question) >= 0) {
        entry["label"] = texts.at({"questions", dropped.question, "label"});
      }
      out.push_back(std::move(entry));
    }
  }
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
    entry["sources"] = sources_json(rules, criterion.source);
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
  entry["sources"] = sources_json(rules, item.source);
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

Json build_response(const RuleSet& rules, const Request& request, const Conversation& conversation,
                    logic::Budget& budget) {
  const Texts texts(rules, request.locale);
  const Situation& situation = conversation.situation;
  const bool finished = situation.finished();
  const char* eligibility = eligibility_name(situation.eligibility);

  Json answers = Json::object();
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    if (conversation.kept[i]) answers[rules.questions[i].id] = conversation.kept[i]->to_json();
  }
  Json next_question = nullptr;
  if (!finished) {
    const auto q = static_cast<std::size_t>(situation.next_question);
    next_question = question_json(rules, texts, q, situation.offered[q]);
  }

  Json response = {
      {"rules", {{"version", rules.version}, {"information_date", rules.information_date.iso()}}},
      {"date", request.date.iso()},
      {"locale", request.locale},
      {"eligibility", eligibility},
      {"criteria", criteria_json(rules, texts, request, situation, budget)},
      {"steps", steps_json(rules, texts, conversation)},
      {"next_question", std::move(next_question)},
      {"progress",
       {{"answered", conversation.steps.size()},
        {"remaining_at_most", situation.remaining_at_most}}},
      {"answers", std::move(answers)},
      {"dropped", dropped_json(rules, texts, {&request.dropped, &conversation.dropped})}};

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

Json problems_response(const Errors& problems) {
  Json response = error_response(problems.front());
  Json list = Json::array();
  for (const auto& p : problems) {
    list.push_back({{"code", p.code}, {"message", p.message}, {"path", p.path}});
  }
  response["problems"] = std::move(list);
  return response;
}

}  // namespace pdp
