// Searches, among the answers a criterion reads, the changes that would meet it.
#include "core/what_would_change.hpp"

#include <algorithm>

#include "core/rules_checks.hpp"
#include "core/situation.hpp"

namespace pdp {
namespace {

// Candidate answers for a change: every boolean or option, and for a multi question each option
// on its own (the smallest selection that can make a difference).
std::vector<Json> candidate_answers(const Question& question,
                                    const std::vector<std::string>& offered) {
  if (question.type != QuestionType::multi) return answer_domain(question, offered);
  std::vector<Json> candidates;
  for (const auto& option : offered) candidates.push_back(Json::array({option}));
  return candidates;
}

Answers with_change(const Answers& answers, std::size_t question, const Json& value) {
  Answers changed = answers;
  changed[question] = Answer{false, value};
  return changed;
}

}  // namespace

WaysToMeet ways_to_meet(const RuleSet& rules, const Answers& answers, const Date& date,
                        std::size_t criterion, logic::Budget& budget) {
  WaysToMeet ways;
  std::vector<std::size_t> reads;
  for (const auto& use : rules.criteria[criterion].condition.vars()) {
    const int index = rules.question_index(use.name);
    if (index >= 0 &&
        std::find(reads.begin(), reads.end(), static_cast<std::size_t>(index)) == reads.end()) {
      reads.push_back(static_cast<std::size_t>(index));
    }
  }
  std::sort(reads.begin(), reads.end());
  const Situation now = evaluate_situation(rules, answers, date, budget);
  if (budget.spent()) return ways;

  for (std::size_t q : reads) {
    const Question& question = rules.questions[q];
    std::vector<std::string> offered = now.offered[q];
    if (truth_of(now.asked[q]) == Truth::no) continue;  // changing it would not be asked
    for (const Json& value : candidate_answers(question, offered)) {
      if (answers[q] && !answers[q]->unknown && answers[q]->value == value) continue;
      const Answers changed = with_change(answers, q, value);
      const Situation after = evaluate_situation(rules, changed, date, budget);
      if (budget.spent()) return ways;
      if (!after.used[q]) continue;  // the option would not be offered
      const Value& status = after.criteria[criterion];
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
          const Situation both =
              evaluate_situation(rules, with_change(changed, q2, value2), date, budget);
          if (budget.spent()) return ways;
          if (truth_of(both.criteria[criterion]) == Truth::yes) meeting.answers.push_back(value2);
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

}  // namespace pdp
