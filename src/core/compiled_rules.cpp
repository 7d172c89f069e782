// Compiling a rule set's conditions once.
#include "core/compiled_rules.hpp"

#include <cstdlib>

#include "core/json_reader.hpp"

namespace pdp {
namespace {

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
  // Rules with such a condition and no tree evaluator are refused when read (read_checked_rules).
  if (!rules_->tree_conditions) std::abort();
  return rules_->tree_conditions(*rules_, *tree_, symbols, budget);
}

Verdict Condition::decide(Symbols symbols, logic::Budget& budget) const {
  if (flat_) return flat_->decide(symbols, budget);
  const Value value = evaluate(symbols, budget);
  if (value.unknown) return Verdict::unknown_of(value.missing, value.reads);
  return Verdict::known(logic::truthy(value.json), value.reads);
}

CompiledRules::CompiledRules(const RuleSet& rules) {
  // Notes where a condition stays a tree (only read_checked_rules needs the paths: rare).
  const auto note = [this](const Condition& condition, const std::string& path) {
    if (!condition.flat()) tree_conditions.push_back(path);
  };
  const auto note_variants = [&](const std::vector<Condition>& variants, const std::string& path) {
    for (std::size_t v = 0; v < variants.size(); ++v) {
      note(variants[v], path + "/variants/" + std::to_string(v) + "/when");
    }
  };
  for (const auto& question : rules.questions) {
    QuestionConditions conditions{Condition(rules, question.asked_when), {}};
    note(conditions.asked_when, question.path + "/asked_when");
    for (const auto& option : question.options) {
      const auto when = question.options_when.find(option);
      conditions.options_when.push_back(
          when == question.options_when.end()
              ? std::nullopt
              : std::optional<Condition>(Condition(rules, when->second)));
      if (conditions.options_when.back()) {
        note(*conditions.options_when.back(),
             question.path + "/options_when/" + pointer_token(option));
      }
    }
    questions.push_back(std::move(conditions));
  }
  for (const auto& criterion : rules.criteria) {
    criteria.push_back({Condition(rules, criterion.condition),
                        optional_condition(rules, criterion.to_check_when),
                        variant_conditions(rules, criterion.variants), 0});
    criteria.back().depends_on = depends_on(*this, criteria.back());
    note(criteria.back().condition, criterion.path + "/condition");
    if (criteria.back().to_check_when) {
      note(*criteria.back().to_check_when, criterion.path + "/to_check_when");
    }
    note_variants(criteria.back().variants, criterion.path);
  }
  for (ItemKind kind : kItemKinds) {
    auto& list = items.emplace_back();
    for (const auto& item : rules.items_of(kind)) {
      const Item* programme = kind == ItemKind::programme ? &item : nullptr;
      if (!programme && !item.programme.empty()) programme = rules.programme(item.programme);
      list.push_back({Condition(rules, item.applies_when), variant_conditions(rules, item.variants),
                      programme});
      note(list.back().applies_when, item.path + "/applies_when");
      note_variants(list.back().variants, item.path);
    }
  }
  for (const auto& outcome : rules.outcomes) {
    outcomes.emplace_back(rules, outcome.when);
    note(outcomes.back(), outcome.path + "/when");
  }
  ways_to_meet.resize(rules.criteria.size());
}

const CompiledRules& compiled(const RuleSet& rules) {
  if (!rules.compiled.value) rules.compiled.value = std::make_shared<const CompiledRules>(rules);
  return *rules.compiled.value;
}

}  // namespace pdp
