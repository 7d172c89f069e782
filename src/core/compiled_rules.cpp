// Compiling a rule set's conditions once, and the tree evaluator's scope for those that stay
// trees.
#include "core/compiled_rules.hpp"

#include "core/logic/scope.hpp"

namespace pdp {
namespace {

// `var` reads the used answers by question id; an unanswered (or "ne_sait_pas") question is
// unknown.
class SymbolsScope final : public logic::Scope {
 public:
  SymbolsScope(const RuleSet& rules, Symbols symbols) : rules_(rules), symbols_(symbols) {}

  std::optional<Value> lookup(const Json& name) const override {
    if (!name.is_string()) return std::nullopt;
    const int index = rules_.question_index(name.get_ref<const std::string&>());
    if (index < 0) return std::nullopt;
    const SymbolMask bit = SymbolMask{1} << index;
    const Json* answer = symbols_[index];
    if (answer != nullptr) return Value::known(*answer, bit);
    return Value::unknown_of(bit);
  }

 private:
  const RuleSet& rules_;
  Symbols symbols_;
};

std::optional<Condition> optional_condition(const RuleSet& rules,
                                            const std::optional<Expression>& expression) {
  if (!expression) return std::nullopt;
  return Condition(rules, *expression);
}

std::vector<Condition> variant_conditions(const RuleSet& rules,
                                          const std::vector<TextVariant>& variants) {
  std::vector<Condition> out;
  for (const auto& variant : variants) out.emplace_back(rules, variant.when);
  return out;
}

// The questions the status of a criterion depends on: what its conditions read, and, for each of
// those questions, what decides whether it is asked and which options it offers.
SymbolMask depends_on(const CompiledRules& compiled, const CompiledRules::CriterionConditions& c) {
  SymbolMask depends = c.condition.reads();
  if (c.to_check_when) depends |= c.to_check_when->reads();
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t q = 0; q < compiled.questions.size(); ++q) {
      if ((depends & (SymbolMask{1} << q)) == 0) continue;
      SymbolMask more = compiled.questions[q].asked_when.reads();
      for (const auto& option : compiled.questions[q].options_when) {
        if (option) more |= option->reads();
      }
      if ((depends | more) != depends) {
        depends |= more;
        grew = true;
      }
    }
  }
  return depends;
}

}  // namespace

Condition::Condition(const RuleSet& rules, const Expression& expression)
    : rules_(&rules), tree_(&expression), reads_(~SymbolMask{0}) {
  flat_ = logic::Program::flatten(
      expression, [&](const std::string& name) { return rules.question_index(name); });
  if (flat_) reads_ = flat_->reads();
}

Value Condition::evaluate(Symbols symbols, logic::Budget& budget) const {
  if (flat_) return flat_->evaluate(symbols, budget);
  return tree_->evaluate(SymbolsScope(*rules_, symbols), budget);
}

CompiledRules::CompiledRules(const RuleSet& rules) {
  for (const auto& question : rules.questions) {
    QuestionConditions conditions{Condition(rules, question.asked_when), {}};
    for (const auto& option : question.options) {
      const auto when = question.options_when.find(option);
      conditions.options_when.push_back(
          when == question.options_when.end()
              ? std::nullopt
              : std::optional<Condition>(Condition(rules, when->second)));
    }
    questions.push_back(std::move(conditions));
  }
  for (const auto& criterion : rules.criteria) {
    criteria.push_back({Condition(rules, criterion.condition),
                        optional_condition(rules, criterion.to_check_when),
                        variant_conditions(rules, criterion.variants), 0});
    criteria.back().depends_on = depends_on(*this, criteria.back());
  }
  for (ItemKind kind : kItemKinds) {
    auto& list = items.emplace_back();
    for (const auto& item : rules.items_of(kind)) {
      const Item* programme = kind == ItemKind::programme ? &item : nullptr;
      if (!programme && !item.programme.empty()) programme = rules.programme(item.programme);
      list.push_back({Condition(rules, item.applies_when), variant_conditions(rules, item.variants),
                      programme});
    }
  }
  for (const auto& outcome : rules.outcomes) outcomes.emplace_back(rules, outcome.when);
  ways_to_meet.resize(rules.criteria.size());
}

const CompiledRules& compiled(const RuleSet& rules) {
  if (!rules.compiled.value) rules.compiled.value = std::make_shared<const CompiledRules>(rules);
  return *rules.compiled.value;
}

}  // namespace pdp
