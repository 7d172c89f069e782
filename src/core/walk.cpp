// Depth-first enumeration of the questionnaire's answer paths.
#include "core/walk.hpp"

#include "core/assessment.hpp"
#include "core/rules_checks.hpp"

namespace pdp {
namespace {

struct Walker {
  const RuleSet& rules;
  const Date& date;
  const std::function<void(const WalkPath&, const Answers&, const Situation&)>& visit;
  WalkPath path;
  Answers answers;
  std::size_t count = 0;
  std::optional<Error> failure;

  void from_here() {
    if (failure) return;
    logic::Budget budget;
    const Situation situation = evaluate_situation(rules, answers, date, budget);
    if (budget.spent()) {
      failure = too_costly(budget);
      return;
    }
    if (situation.finished()) {
      ++count;
      visit(path, answers, situation);
      return;
    }
    const auto q = static_cast<std::size_t>(situation.next_question);
    const Question& question = rules.questions[q];
    for (const Json& answer : possible_answers(question, situation.offered[q])) {
      auto parsed = read_answer(question, answer, "");
      answers[q] = parsed.value();
      path.push_back({q, answer});
      from_here();
      path.pop_back();
      answers[q].reset();
    }
  }
};

}  // namespace

std::vector<Json> possible_answers(const Question& question, OptionSet offered) {
  std::vector<Json> answers = answer_domain(question, offered_options(question, offered));
  if (question.allows_unknown) answers.emplace_back(kUnknownAnswer);
  return answers;
}

Expected<std::size_t> walk_paths(
    const RuleSet& rules, const Date& date,
    const std::function<void(const WalkPath&, const Answers&, const Situation&)>& visit) {
  Walker walker{rules, date, visit, {}, Answers(rules.questions.size()), 0, std::nullopt};
  walker.from_here();
  if (walker.failure) return std::move(*walker.failure);
  return walker.count;
}

}  // namespace pdp
