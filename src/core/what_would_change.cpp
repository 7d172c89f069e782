// Searches, among the answers a criterion reads, the changes that would meet it. Each try settles
// only the questions the criterion depends on and its status (never a whole situation), and the
// result is kept by those questions' answers: the same partial situations come back on every
// call.
#include "core/what_would_change.hpp"

#include <algorithm>
#include <array>

#include "core/compiled_rules.hpp"
#include "core/rules_checks.hpp"
#include "core/settle.hpp"
#include "core/situation.hpp"

namespace pdp {
namespace {

// Past this many partial situations a criterion's memo starts again: hostile requests cannot make
// it grow without end (the shipped rules reach a few hundred).
constexpr std::size_t kMemoLimit = 4096;

// Candidate answers for a change: every boolean or option, and for a multi question each option
// on its own (the smallest selection that can make a difference).
std::vector<Json> candidate_answers(const Question& question, OptionSet offered) {
  if (question.type != QuestionType::multi) {
    return answer_domain(question, offered_options(question, offered));
  }
  std::vector<Json> candidates;
  for (std::size_t o = 0; o < question.options.size(); ++o) {
    if (offers(offered, o)) candidates.push_back(Json::array({question.options[o]}));
  }
  return candidates;
}

Answers with_change(const Answers& answers, std::size_t question, const Json& value) {
  Answers changed = answers;
  changed[question] = Answer{false, value};
  return changed;
}

// The part of a situation the status of one criterion depends on.
struct Probe {
  const RuleSet& rules;
  std::size_t criterion;
  SymbolMask depends_on;
  std::vector<Verdict> asked;
  std::vector<OptionSet> offered;
  Answers used;
  Verdict status;

  Probe(const RuleSet& r, std::size_t c)
      : rules(r),
        criterion(c),
        depends_on(compiled(r).criteria[c].depends_on),
        asked(r.questions.size()),
        offered(r.questions.size()),
        used(r.questions.size()) {}

  // Settles the questions the criterion depends on, in order, then its status; false once the
  // budget is spent.
  bool run(const Answers& answers, logic::Budget& budget) {
    std::array<const Json*, kMaxQuestions> symbols{};
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
      if ((depends_on & bit_of(q)) == 0) continue;
      if (!settle_question(rules, q, answers[q], symbols.data(), budget, asked[q], offered[q],
                           used[q])) {
        return false;
      }
      if (used[q] && !used[q]->unknown) symbols[q] = &used[q]->value;
    }
    bool checked = false;
    return criterion_status(rules, criterion, symbols.data(), budget, status, checked);
  }
};

WaysToMeet search(const RuleSet& rules, const Answers& answers, std::size_t criterion,
                  logic::Budget& budget) {
  WaysToMeet ways;
  // The questions the condition names, tried in the rules' order: a program's reads, or those the
  // vars of a tree name (a rule set with trees has the tree evaluator's side: load_rules()).
  const Condition& condition = compiled(rules).criteria[criterion].condition;
  SymbolMask reads = condition.reads();
  if (!condition.flat()) {
    reads = rules.tree_condition_names
                ? rules.tree_condition_names(rules, rules.criteria[criterion].condition)
                : 0;
  }
  Probe now(rules, criterion);
  if (!now.run(answers, budget)) return ways;
  Probe after(rules, criterion);
  Probe both(rules, criterion);

  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    if ((reads & bit_of(q)) == 0) continue;
    const Question& question = rules.questions[q];
    if (truth_of(now.asked[q]) == Truth::no) continue;  // changing it would not be asked
    for (const Json& value : candidate_answers(question, now.offered[q])) {
      if (answers[q] && !answers[q]->unknown && answers[q]->value == value) continue;
      const Answers changed = with_change(answers, q, value);
      if (!after.run(changed, budget)) return ways;
      if (!after.used[q]) continue;  // the option would not be offered
      const Verdict& status = after.status;
      if (truth_of(status) == Truth::yes) {
        ways.push_back({{q, {value}}});
        continue;
      }
      if (truth_of(status) != Truth::unknown) continue;
      // One step further: the questions the criterion then depends on.
      for (std::size_t q2 = 0; q2 < rules.questions.size(); ++q2) {
        if ((status.missing & bit_of(q2)) == 0 || truth_of(after.asked[q2]) != Truth::yes) continue;
        AnswerChange meeting{q2, {}};
        const auto second = candidate_answers(rules.questions[q2], after.offered[q2]);
        for (const Json& value2 : second) {
          if (!both.run(with_change(changed, q2, value2), budget)) return ways;
          if (truth_of(both.status) == Truth::yes) meeting.answers.push_back(value2);
        }
        if (!second.empty() && meeting.answers.size() == second.size()) {
          ways.push_back({{q, {value}}});  // met whatever the next answer is
          break;
        }
        if (!meeting.answers.empty()) ways.push_back({{q, {value}}, std::move(meeting)});
      }
    }
  }
  return ways;
}

}  // namespace

const WaysToMeet& ways_to_meet(const RuleSet& rules, const Answers& answers, const Date&,
                               std::size_t criterion, logic::Budget& budget) {
  static const WaysToMeet kNone;  // once the budget is spent
  const CompiledRules& compiled_rules = compiled(rules);
  auto& memo = compiled_rules.ways_to_meet[criterion];
  std::string key = answers_key(rules, answers, compiled_rules.criteria[criterion].depends_on);
  // Remembered, it is charged what the search first spent: the budget runs out at the same point
  // either way.
  const auto found = memo.find(key);
  if (found != memo.end() && budget.spend(found->second.steps, found->second.units)) {
    return found->second.ways;
  }
  const std::uint64_t steps_before = budget.steps_used();
  const std::uint64_t units_before = budget.units_used();
  WaysToMeet ways = search(rules, answers, criterion, budget);
  if (budget.spent()) return kNone;
  if (memo.size() >= kMemoLimit) memo.clear();
  return memo
      .insert_or_assign(
          std::move(key),
          CompiledRules::RememberedWays{std::move(ways), budget.steps_used() - steps_before,
                                        budget.units_used() - units_before})
      .first->second.ways;
}

}  // namespace pdp
