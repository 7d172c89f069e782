// The rules' conditions ready to evaluate many times: flat programs (logic/program.hpp), flattened
// once or read as the build wrote them (rules.program_of), their symbols being question indexes,
// with what every evaluation of a situation would otherwise look up by name (an item's programme,
// the questions a criterion depends on).
#pragma once

#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/logic/program.hpp"
#include "core/rules.hpp"
#include "core/what_would_change.hpp"

namespace pdp {

using logic::SymbolMask;
using logic::Symbols;
using logic::Value;
using logic::Verdict;

// One condition of the rules over the answers used so far (`symbols`: each question's known
// answer, or nullptr). Evaluated flat when it can be, else by the rule set's tree_conditions (the
// tree evaluator): the same value and the same spending of the budget either way.
class Condition {
 public:
  Condition() = default;  // a place for a condition, before CompiledRules compiles it
  Condition(const RuleSet& rules, const Expression& expression, std::optional<logic::Program> flat);
  Value evaluate(Symbols symbols, logic::Budget& budget) const;
  // Its truth only: what a situation keeps (no copy of the value). The same steps and units.
  Verdict decide(Symbols symbols, logic::Budget& budget) const;
  // The questions it may read: those of its vars, or every question when a var's name is computed.
  SymbolMask reads() const { return reads_; }
  bool flat() const { return flat_.has_value(); }
  const logic::Program* program() const { return flat_ ? &*flat_ : nullptr; }

 private:
  const RuleSet* rules_ = nullptr;
  const Expression* tree_ = nullptr;
  std::optional<logic::Program> flat_;
  SymbolMask reads_ = ~SymbolMask{0};
};

// What one step of a conversation shows, over the answers before it (conversation.cpp).
struct StepOutlook {
  bool open = false;          // its question can still change the result
  std::uint64_t offered = 0;  // the options offered (an OptionSet: situation.hpp)
  int remaining_at_most = 0;  // the open questions that may still be asked
  std::uint64_t steps = 0;    // what evaluating it spent of the budget
  std::uint64_t units = 0;
};

struct CompiledRules {
  struct QuestionConditions {
    Condition asked_when;
    std::vector<std::optional<Condition>> options_when;  // per option; none: always offered
  };
  struct CriterionConditions {
    Condition condition;
    std::optional<Condition> to_check_when;
    std::vector<Condition> variants;
    // The questions its status depends on: those its conditions read, and those that decide
    // whether they are asked and what they offer.
    SymbolMask depends_on = 0;
  };
  struct ItemConditions {
    Condition applies_when;
    std::vector<Condition> variants;
    const Item* programme;  // the programme whose period bears on it (itself, for a programme)
  };

  explicit CompiledRules(const RuleSet& rules);

  // Whether every condition is flat: what the page's module needs, having no tree evaluator.
  bool all_flat = true;

  std::vector<QuestionConditions> questions;
  std::vector<CriterionConditions> criteria;
  std::vector<std::vector<ItemConditions>> items;  // per kind, in the order of kItemKinds
  std::vector<Condition> outcomes;

  // What would meet each criterion, by the answers it depends on (what_would_change.cpp): the
  // search depends on nothing else, and the same few partial situations come back on every call.
  struct RememberedWays {
    WaysToMeet ways;
    std::uint64_t steps = 0;  // what the search spent of the budget
    std::uint64_t units = 0;
  };
  mutable std::vector<std::map<std::string, RememberedWays>> ways_to_meet;
  // What each step showed, by the date, the answers before it and its question: a conversation
  // goes through the same steps on every call of one questionnaire.
  mutable std::map<std::string, StepOutlook> step_outlooks;
};

// The compiled form of `rules`, built on its first use and kept in rules.compiled.
const CompiledRules& compiled(const RuleSet& rules);

// Calls visit(condition, its expression) on each condition of `compiled`, in the one order that
// ranks them (ConditionProgram, rules.hpp): each question's asked_when then its options' (in the
// order of its options), each criterion's condition, to_check_when and variants, each item's
// applies_when and variants (by kind), each outcome's.
template <typename Compiled, typename Visit>
void for_each_condition(const RuleSet& rules, Compiled& compiled, Visit visit) {
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    const Question& question = rules.questions[q];
    visit(compiled.questions[q].asked_when, question.asked_when);
    for (std::size_t o = 0; o < question.options.size(); ++o) {
      if (auto& when = compiled.questions[q].options_when[o]) {
        visit(*when, question.options_when.at(question.options[o]));
      }
    }
  }
  const auto visit_variants = [&](auto& conditions, const std::vector<TextVariant>& variants) {
    for (std::size_t v = 0; v < variants.size(); ++v) visit(conditions[v], variants[v].when);
  };
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& criterion = rules.criteria[c];
    auto& conditions = compiled.criteria[c];
    visit(conditions.condition, criterion.condition);
    if (conditions.to_check_when) visit(*conditions.to_check_when, *criterion.to_check_when);
    visit_variants(conditions.variants, criterion.variants);
  }
  for (std::size_t k = 0; k < std::size(kItemKinds); ++k) {
    const auto& items = rules.items_of(kItemKinds[k]);
    for (std::size_t i = 0; i < items.size(); ++i) {
      visit(compiled.items[k][i].applies_when, items[i].applies_when);
      visit_variants(compiled.items[k][i].variants, items[i].variants);
    }
  }
  for (std::size_t o = 0; o < rules.outcomes.size(); ++o) {
    visit(compiled.outcomes[o], rules.outcomes[o].when);
  }
}

// Each condition flattened from its tree: the ConditionProgram of the loaders that check rules.
std::optional<logic::Program> flatten_condition(const RuleSet& rules, std::size_t rank,
                                                const Expression& expression);

// Each condition's program as JSON, in their order (null for one left a tree): what the build
// writes into the page's bundle ("conditions"), for read_trusted_rules.
Json flat_programs_json(const RuleSet& rules);

// Where the conditions the flat form leaves out are (e.g. "criteria.json#/criteria/0/condition"):
// what the checks of a bundle for the page refuse (the page's module does not ask).
std::vector<std::string> tree_condition_paths(const RuleSet& rules);

}  // namespace pdp
