// Writes the response: eligibility and its reasons, the next question, and the summary, as ids
// and values (the texts, by id, are in the rules' info: reply_texts.hpp puts them back in).
//
// The text is written directly, with no JSON tree (json_writer.hpp): each object's keys are
// written in byte order, the order in which nlohmann::json (a std::map) dumps them, so that the
// text is the tree's dump byte for byte (tests/reply_writer.tests.cpp compares them on every path).
#include "core/response.hpp"

#include <array>

#include "core/conversation.hpp"
#include "core/json_writer.hpp"
#include "core/period.hpp"
#include "core/what_would_change.hpp"

namespace pdp {
namespace {

const char* status_name(const Verdict& value) {
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

void write_question_ids(JsonWriter& out, const RuleSet& rules, SymbolMask mask) {
  out.begin_array();
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    if ((mask & bit_of(i)) != 0) out.plain(rules.questions[i].id);
  }
  out.end_array();
}

// The ids of the options of `question` in `offered`, in the rules' order.
void write_offered(JsonWriter& out, const Question& question, OptionSet offered) {
  out.begin_array();
  for (std::size_t o = 0; o < question.options.size(); ++o) {
    if (offers(offered, o)) out.plain(question.options[o]);
  }
  out.end_array();
}

// A question as asked: its type and the answers offered then (yes/no, its options,
// "ne_sait_pas"), as values. Its words are in the info's texts, by id (reply_texts.hpp).
void write_question(JsonWriter& out, const RuleSet& rules, std::size_t index, OptionSet offered) {
  const Question& question = rules.questions[index];
  static const char* kTypes[] = {"boolean", "choice", "multi"};
  out.begin_object();
  out.key("choices");
  out.begin_array();
  if (question.type == QuestionType::boolean) {
    out.boolean(true);
    out.boolean(false);
  }
  for (std::size_t o = 0; o < question.options.size(); ++o) {
    if (offers(offered, o)) out.plain(question.options[o]);
  }
  if (question.allows_unknown) out.plain(kUnknownAnswer);
  out.end_array();
  out.key("id");
  out.plain(question.id);
  out.key("type");
  out.plain(kTypes[static_cast<int>(question.type)]);
  out.end_object();
}

// Each question asked, by id, with the progress shown then (the steps before it are the questions
// answered, so only what remained is named); its answer is the one in "answers".
// The options offered then are named only when some of the question's options were not: the
// question's type and options are in the info (rules_info), like its words.
void write_steps(JsonWriter& out, const RuleSet& rules, const Conversation& conversation) {
  out.begin_array();
  for (const Step& step : conversation.steps) {
    const Question& question = rules.questions[step.question];
    out.begin_object();
    if (question.type != QuestionType::boolean && step.offered != all_options(question)) {
      out.key("offered");
      write_offered(out, question, step.offered);
    }
    out.key("question");
    out.plain(question.id);
    out.key("remaining_at_most");
    out.number(step.remaining_at_most);
    out.end_object();
  }
  out.end_array();
}

void write_dropped(JsonWriter& out, const std::vector<const std::vector<DroppedAnswer>*>& lists) {
  out.begin_array();
  for (const auto* list : lists) {
    for (const DroppedAnswer& dropped : *list) {
      out.begin_object();
      out.key("answer");
      out.value(dropped.answer);
      if (!dropped.kept.is_null()) {
        out.key("kept");
        out.value(dropped.kept);
      }
      out.key("question");
      out.string(dropped.question);
      out.key("reason");
      out.plain(dropped.reason);
      out.end_object();
    }
  }
  out.end_array();
}

// The answers kept, by question id: an object, so in the byte order of the ids. There are few (a
// rule set has at most kMaxQuestions questions): each is inserted in place, with no allocation
// and less code in the page's module than std::sort.
void write_answers(JsonWriter& out, const RuleSet& rules, const Conversation& conversation) {
  std::array<std::size_t, kMaxQuestions> order{};
  std::size_t count = 0;
  for (std::size_t i = 0; i < rules.questions.size() && i < kMaxQuestions; ++i) {
    if ((conversation.kept & bit_of(i)) == 0) continue;
    std::size_t at = count++;
    for (; at > 0 && rules.questions[i].id < rules.questions[order[at - 1]].id; --at) {
      order[at] = order[at - 1];
    }
    order[at] = i;
  }
  out.begin_object();
  for (std::size_t k = 0; k < count; ++k) {
    out.key(rules.questions[order[k]].id);
    const Answer& answer = *conversation.situation.used[order[k]];
    if (answer.unknown) {
      out.plain(kUnknownAnswer);
    } else {
      out.value(answer.value);
    }
  }
  out.end_object();
}

void write_criteria(JsonWriter& out, const RuleSet& rules, const Request& request,
                    const Situation& situation, logic::Budget& budget) {
  out.begin_array();
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& criterion = rules.criteria[c];
    const Verdict& value = situation.criteria[c];
    out.begin_object();
    out.key("because");
    write_question_ids(out, rules, value.reads | value.missing);
    out.key("id");
    out.plain(criterion.id);
    out.key("status");
    out.plain(status_name(value));
    // Which of its texts words it: a variant, else "to_check" (a point the sources leave open),
    // else the one of its status.
    const int variant = situation.criteria_variants[c];
    if (variant < 0 && situation.criteria_to_check[c]) {
      out.key("to_check");
      out.boolean(true);
    }
    if (variant >= 0) {
      out.key("variant");
      out.plain(criterion.variants[static_cast<std::size_t>(variant)].id);
    }
    if (truth_of(value) == Truth::no) {
      out.key("would_be_met_by");
      out.begin_array();
      for (const auto& way : ways_to_meet(rules, situation.used, request.date, c, budget)) {
        out.begin_object();
        out.key("changes");
        out.begin_array();
        for (const auto& change : way) {
          out.begin_object();
          out.key("answers");
          out.begin_array();
          for (const auto& answer : change.answers) out.value(answer);
          out.end_array();
          out.key("question");
          out.plain(rules.questions[change.question].id);
          out.end_object();
        }
        out.end_array();
        out.end_object();
      }
      out.end_array();
    }
    out.end_object();
  }
  out.end_array();
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

void write_item(JsonWriter& out, const RuleSet& rules, const Request& request, const Item& item,
                const Verdict& applies, int variant) {
  const bool programme = item.kind == ItemKind::programme;
  const bool dated = programme && item.valid_from && item.valid_until;
  out.begin_object();
  if (dated) {
    out.key("date_note_id");
    out.plain(period_note(request, item));
  }
  if (truth_of(applies) == Truth::unknown) {
    out.key("depends_on");
    write_question_ids(out, rules, applies.missing);
  }
  out.key("id");
  out.plain(item.id);
  const PeriodStatus status = programme ? period_status(item, request.date) : PeriodStatus{};
  if (programme) {
    out.key("in_force");
    out.boolean(status == PeriodStatus::in_force);
    if (item.information_date) {
      out.key("information_date");
      out.plain(item.information_date->iso());
    }
  }
  if (dated && item.last_seen) {
    out.key("last_seen");
    out.plain(item.last_seen->iso());
  }
  if (programme) {
    out.key("period_status");
    out.plain(period_status_name(status));
  }
  if (!item.programme.empty()) {
    out.key("programme");
    out.plain(item.programme);
  }
  out.key("status");
  out.plain(truth_of(applies) == Truth::yes ? "applies" : "to_check");
  if (dated) {
    out.key("valid_from");
    out.plain(item.valid_from->iso());
    out.key("valid_until");
    out.plain(item.valid_until->iso());
  }
  if (variant >= 0) {
    out.key("variant");
    out.plain(item.variants[static_cast<std::size_t>(variant)].id);
  }
  out.end_object();
}

// The items of one kind that apply, and at the end those that may apply (to check).
void write_items(JsonWriter& out, const RuleSet& rules, const Request& request,
                 const Situation& situation, ItemKind kind) {
  const auto& items = rules.items_of(kind);
  const auto& values = situation.items.at(kind);
  const auto& variants = situation.variants.at(kind);
  const bool finished = situation.finished();
  out.begin_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Truth truth = truth_of(values[i]);
    if (truth == Truth::yes || (truth == Truth::unknown && finished)) {
      write_item(out, rules, request, items[i], values[i], variants[i]);
    }
  }
  out.end_array();
}

// At the end, what to ask the caisse first: the conditions the sources leave open for this person,
// then the "ne_sait_pas" answers that leave the eligibility or an item open.
void write_to_check(JsonWriter& out, const RuleSet& rules, const Situation& situation) {
  out.begin_array();
  if (situation.finished()) {
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
      if (!situation.criteria_to_check[c]) continue;
      out.begin_object();
      out.key("criterion");
      out.plain(rules.criteria[c].id);
      out.end_object();
    }
    SymbolMask pending = situation.eligibility.unknown ? situation.eligibility.missing : 0;
    for (ItemKind kind : kItemKinds) {
      for (const auto& value : situation.items.at(kind)) {
        if (value.unknown) pending |= value.missing;
      }
    }
    pending &= situation.unknown_answers;
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
      if ((pending & bit_of(i)) == 0) continue;
      out.begin_object();
      out.key("question");
      out.plain(rules.questions[i].id);
      out.end_object();
    }
  }
  out.end_array();
}

}  // namespace

std::string write_response(const RuleSet& rules, const Request& request,
                           const Conversation& conversation, logic::Budget& budget) {
  const Situation& situation = conversation.situation;
  const bool finished = situation.finished();
  const char* eligibility = eligibility_name(situation.eligibility);

  JsonWriter out(8192);  // a finished reply is 2 to 6 KB
  out.begin_object();
  out.key("actors");
  write_items(out, rules, request, situation, ItemKind::actor);
  out.key("answers");
  write_answers(out, rules, conversation);
  out.key("channels");
  write_items(out, rules, request, situation, ItemKind::channel);
  out.key("criteria");
  write_criteria(out, rules, request, situation, budget);
  out.key("date");
  out.plain(request.date.iso());
  out.key("dropped");
  write_dropped(out, {&request.dropped, &conversation.dropped});
  out.key("eligibility");
  out.plain(eligibility);
  out.key("locale");
  out.plain(request.locale);
  out.key("measures");
  write_items(out, rules, request, situation, ItemKind::measure);
  out.key("next_question");
  if (finished) {
    out.null();
  } else {
    const auto q = static_cast<std::size_t>(situation.next_question);
    write_question(out, rules, q, situation.offered[q]);
  }
  out.key("next_steps");
  write_items(out, rules, request, situation, ItemKind::next_step);
  // An outcome of the rules words the result for some people; else the eligibility's own texts.
  out.key("outcome");
  if (finished) {
    out.begin_object();
    out.key("id");
    out.plain(situation.outcome >= 0
                  ? rules.outcomes[static_cast<std::size_t>(situation.outcome)].id
                  : std::string(eligibility));
    out.end_object();
  } else {
    out.null();
  }
  out.key("programmes");
  write_items(out, rules, request, situation, ItemKind::programme);
  out.key("progress");
  out.begin_object();
  out.key("answered");
  out.number(conversation.steps.size());
  out.key("remaining_at_most");
  out.number(situation.remaining_at_most);
  out.end_object();
  out.key("rules");  // its information date is in the info
  out.begin_object();
  out.key("version");
  out.string(rules.version);
  out.end_object();
  out.key("steps");
  write_steps(out, rules, conversation);
  out.key("to_check");
  write_to_check(out, rules, situation);
  out.end_object();
  return out.take();
}

Json build_response(const RuleSet& rules, const Request& request, const Conversation& conversation,
                    logic::Budget& budget) {
  return Json::parse(write_response(rules, request, conversation, budget));
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

std::string reply_text(const Json& reply) {
  return json_text(reply);
}

}  // namespace pdp
