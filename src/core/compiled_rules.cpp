// Compiling a rule set's conditions once.
#include "core/compiled_rules.hpp"

#include <cstdlib>
#include <iterator>

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

std::vector<std::string> tree_condition_paths(const RuleSet& rules) {
  const CompiledRules& flat = compiled(rules);
  std::vector<std::string> paths;
  const auto note = [&](const Condition& condition, const std::string& path) {
    if (!condition.flat()) paths.push_back(path);
  };
  const auto note_variants = [&](const std::vector<Condition>& variants, const std::string& path) {
    for (std::size_t v = 0; v < variants.size(); ++v) {
      note(variants[v], path + "/variants/" + std::to_string(v) + "/when");
    }
  };
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    const Question& question = rules.questions[q];
    note(flat.questions[q].asked_when, question.path + "/asked_when");
    for (std::size_t o = 0; o < question.options.size(); ++o) {
      const auto& when = flat.questions[q].options_when[o];
      if (when) note(*when, question.path + "/options_when/" + pointer_token(question.options[o]));
    }
  }
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const std::string& path = rules.criteria[c].path;
    note(flat.criteria[c].condition, path + "/condition");
    if (flat.criteria[c].to_check_when)
      note(*flat.criteria[c].to_check_when, path + "/to_check_when");
    note_variants(flat.criteria[c].variants, path);
  }
  for (std::size_t k = 0; k < std::size(kItemKinds); ++k) {
    const auto& items = rules.items_of(kItemKinds[k]);
    for (std::size_t i = 0; i < items.size(); ++i) {
      note(flat.items[k][i].applies_when, items[i].path + "/applies_when");
      note_variants(flat.items[k][i].variants, items[i].path);
    }
  }
  for (std::size_t o = 0; o < rules.outcomes.size(); ++o) {
    note(flat.outcomes[o], rules.outcomes[o].path + "/when");
  }
  return paths;
}

const CompiledRules& compiled(const RuleSet& rules) {
  if (!rules.compiled.value) rules.compiled.value = std::make_shared<const CompiledRules>(rules);
  return *rules.compiled.value;
}

}  // namespace pdp
