// Builds the response: eligibility and its reasons, the next question, and the summary, as ids
// and values (the texts, by id, are in the rules' info: reply_texts.hpp puts them back in).
#include "core/response.hpp"

#include "core/conversation.hpp"
#include "core/period.hpp"
#include "core/what_would_change.hpp"

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

// A question as asked: its type and the answers offered then (yes/no, its options,
// "ne_sait_pas"), as values. Its words are in the info's texts, by id (reply_texts.hpp).
Json question_json(const RuleSet& rules, std::size_t index,
                   const std::vector<std::string>& offered) {
  const Question& question = rules.questions[index];
  static const char* kTypes[] = {"boolean", "choice", "multi"};
  Json choices = Json::array();
  if (question.type == QuestionType::boolean) {
    choices.push_back(true);
    choices.push_back(false);
  }
  for (const auto& option : offered) choices.push_back(option);
  if (question.allows_unknown) choices.push_back(kUnknownAnswer);
  return {{"id", question.id},
          {"type", kTypes[static_cast<int>(question.type)]},
          {"choices", std::move(choices)}};
}

// Each question asked, by id, with the progress shown then (the steps before it are the questions
// answered, so only what remained is named); its answer is the one in "answers".
// The options offered then are named only when some of the question's options were not: the
// question's type and options are in the info (rules_info), like its words.
Json steps_json(const RuleSet& rules, const Conversation& conversation) {
  Json steps = Json::array();
  for (const Step& step : conversation.steps) {
    const Question& question = rules.questions[step.question];
    Json entry = {{"question", question.id}, {"remaining_at_most", step.remaining_at_most}};
    if (question.type != QuestionType::boolean && step.offered != question.options) {
      entry["offered"] = step.offered;
    }
    steps.push_back(std::move(entry));
  }
  return steps;
}

Json dropped_json(const std::vector<const std::vector<DroppedAnswer>*>& lists) {
  Json out = Json::array();
  for (const auto* list : lists) {
    for (const DroppedAnswer& dropped : *list) {
      Json entry = {
          {"question", dropped.question}, {"answer", dropped.answer}, {"reason", dropped.reason}};
      if (!dropped.kept.is_null()) entry["kept"] = dropped.kept;
      out.push_back(std::move(entry));
    }
  }
  return out;
}

Json criteria_json(const RuleSet& rules, const Request& request, const Situation& situation,
                   logic::Budget& budget) {
  Json list = Json::array();
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& criterion = rules.criteria[c];
    const Value& value = situation.criteria[c];
    Json entry = {{"id", criterion.id},
                  {"status", status_name(value)},
                  {"because", question_ids(rules, value.reads | value.missing)}};
    // Which of its texts words it: a variant, else "to_check" (a point the sources leave open),
    // else the one of its status.
    const int variant = situation.criteria_variants[c];
    if (variant >= 0) {
      entry["variant"] = criterion.variants[static_cast<std::size_t>(variant)].id;
    } else if (situation.criteria_to_check[c]) {
      entry["to_check"] = true;
    }
    if (truth_of(value) == Truth::no) {
      Json ways = Json::array();
      for (const auto& way : ways_to_meet(rules, situation.used, request.date, c, budget)) {
        Json changes = Json::array();
        for (const auto& change : way) {
          changes.push_back(
              {{"question", rules.questions[change.question].id}, {"answers", change.answers}});
        }
        ways.push_back({{"changes", std::move(changes)}});
      }
      entry["would_be_met_by"] = std::move(ways);
    }
    list.push_back(std::move(entry));
  }
  return list;
}

// The notice on a programme's period, in the tense of the assessment date: the id of its text
// among the locale's notices (the texts fill it with the reply's dates).
const char* period_note(const Request& request, const Item& programme) {
  const bool past = request.date < request.today;
  switch (period_status(programme, request.date)) {
    case PeriodStatus::in_force:
      return past ? "programme_in_force_past" : "programme_in_force";
    case PeriodStatus::not_yet:
      return past ? "programme_not_yet_past" : "programme_not_yet";
    case PeriodStatus::to_confirm:
      break;
  }
  if (programme.last_seen && *programme.valid_until < *programme.last_seen) {
    return "programme_to_confirm";
  }
  return "programme_ended_to_confirm";
}

Json item_json(const RuleSet& rules, const Request& request, const Item& item, const Value& applies,
               int variant) {
  Json entry = {{"id", item.id},
                {"status", truth_of(applies) == Truth::yes ? "applies" : "to_check"}};
  if (variant >= 0) entry["variant"] = item.variants[static_cast<std::size_t>(variant)].id;
  if (truth_of(applies) == Truth::unknown)
    entry["depends_on"] = question_ids(rules, applies.missing);
  if (!item.programme.empty()) entry["programme"] = item.programme;
  if (item.kind == ItemKind::programme) {
    const PeriodStatus status = period_status(item, request.date);
    entry["period_status"] = period_status_name(status);
    if (item.valid_from && item.valid_until) {
      entry["valid_from"] = item.valid_from->iso();
      entry["valid_until"] = item.valid_until->iso();
      if (item.last_seen) entry["last_seen"] = item.last_seen->iso();
      entry["date_note_id"] = period_note(request, item);
    }
    if (item.information_date) entry["information_date"] = item.information_date->iso();
    entry["in_force"] = status == PeriodStatus::in_force;
  }
  return entry;
}

}  // namespace

Json build_response(const RuleSet& rules, const Request& request, const Conversation& conversation,
                    logic::Budget& budget) {
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
    next_question = question_json(rules, q, situation.offered[q]);
  }

  Json response = {{"rules", {{"version", rules.version}}},  // its information date is in the info
                   {"date", request.date.iso()},
                   {"locale", request.locale},
                   {"eligibility", eligibility},
                   {"criteria", criteria_json(rules, request, situation, budget)},
                   {"steps", steps_json(rules, conversation)},
                   {"next_question", std::move(next_question)},
                   {"progress",
                    {{"answered", conversation.steps.size()},
                     {"remaining_at_most", situation.remaining_at_most}}},
                   {"answers", std::move(answers)},
                   {"dropped", dropped_json({&request.dropped, &conversation.dropped})}};

  response["outcome"] = nullptr;
  Json to_check = Json::array();
  if (finished) {
    // An outcome of the rules words the result for some people; else the eligibility's own texts.
    response["outcome"] = {
        {"id", situation.outcome >= 0
                   ? rules.outcomes[static_cast<std::size_t>(situation.outcome)].id
                   : std::string(eligibility)}};
    // Conditions the sources leave open for this person: what to ask the caisse first.
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
      if (situation.criteria_to_check[c]) to_check.push_back({{"criterion", rules.criteria[c].id}});
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
      if ((pending & bit_of(i)) != 0) to_check.push_back({{"question", rules.questions[i].id}});
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
        list.push_back(item_json(rules, request, items[i], values[i], variants[i]));
      }
    }
    response[kind_name(kind)] = std::move(list);
  }
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
