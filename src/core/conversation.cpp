// The path through the questionnaire, each step evaluated over the answers before it.
#include "core/conversation.hpp"

#include <utility>

#include "core/compiled_rules.hpp"

namespace pdp {
namespace {

// Past this many steps remembered the memo starts again: hostile requests cannot make it grow
// without end (one person's questionnaire needs a dozen; every path of the shipped rules, on one
// date, about twenty thousand).
constexpr std::size_t kOutlookLimit = 32768;

// What step `q` shows over the answers of `used` in `before` (the answers before it): the
// situation they make, kept by `key` (the date, those answers and q); nullptr once the budget is
// spent. A step remembered is charged what it first spent, so that the budget runs out at the same
// point whether or not it was remembered. The answers are copied only when the step is new.
const StepOutlook* outlook_of(const RuleSet& rules, std::size_t q, const Answers& used,
                              SymbolMask before, const Date& date, const std::string& key,
                              logic::Budget& budget) {
  auto& memo = compiled(rules).step_outlooks;
  const auto found = memo.find(key);
  if (found != memo.end() && budget.spend(found->second.steps, found->second.units)) {
    return &found->second;
  }
  Answers answers(used.size());
  for (std::size_t i = 0; i < used.size(); ++i) {
    if ((before & bit_of(i)) != 0) answers[i] = used[i];
  }
  const std::uint64_t steps_before = budget.steps_used();
  const std::uint64_t units_before = budget.units_used();
  const Situation then = evaluate_situation(rules, answers, date, budget);
  if (budget.spent()) return nullptr;
  StepOutlook outlook;
  outlook.open = (then.open & bit_of(q)) != 0;
  outlook.offered = then.offered[q];
  outlook.remaining_at_most = then.remaining_at_most;
  outlook.steps = budget.steps_used() - steps_before;
  outlook.units = budget.units_used() - units_before;
  if (memo.size() >= kOutlookLimit) memo.clear();
  return &memo.insert_or_assign(key, outlook).first->second;
}

// The date in four bytes, the start of every key of the memo: short keys compare fast.
std::string date_key(const Date& date) {
  return {static_cast<char>(date.year / 256), static_cast<char>(date.year % 256),
          static_cast<char>(date.month), static_cast<char>(date.day)};
}

}  // namespace

Conversation converse(const RuleSet& rules, const Answers& given, const Date& date,
                      logic::Budget& budget) {
  Conversation out;
  out.situation = evaluate_situation(rules, given, date, budget);
  if (budget.spent()) return out;
  const Answers& used = out.situation.used;
  // Moved, not copied (each is an id and an answer as JSON): the situation's list is read nowhere
  // else, and the conversation's starts with it.
  out.dropped = std::move(out.situation.dropped);

  out.steps.reserve(rules.questions.size());  // one allocation, not one per growth
  SymbolMask before = 0;
  std::string key = date_key(date);  // the date, then each answer before by its question
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    if (!used[q]) continue;
    const Question& question = rules.questions[q];
    const std::size_t mark = key.size();
    key += '|';
    key += static_cast<char>(q);
    const StepOutlook* then = outlook_of(rules, q, used, before, date, key, budget);
    key.resize(mark);
    if (then == nullptr) return out;
    if (!then->open) {
      out.dropped.push_back({question.id, used[q]->to_json(), "not_needed", nullptr});
      continue;
    }
    out.kept |= bit_of(q);
    before |= bit_of(q);
    key += static_cast<char>(q);
    append_answer_key(question, used[q], key);
    // An answer beyond the next question waits: it is a step once the path reaches it.
    const auto next = out.situation.next_question;
    if (next >= 0 && q > static_cast<std::size_t>(next)) continue;
    out.steps.push_back(
        {q, then->offered, static_cast<int>(out.steps.size()), then->remaining_at_most});
  }
  return out;
}

}  // namespace pdp
