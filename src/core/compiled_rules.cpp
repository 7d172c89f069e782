// Compiling a rule set's conditions once.
#include "core/compiled_rules.hpp"

#include <cstdlib>
#include <iterator>
#include <memory>

#include "core/decimal_text.hpp"
#include "core/json_reader.hpp"

namespace pdp {
namespace {

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

Condition::Condition(const RuleSet& rules, const Expression& expression,
                     std::optional<logic::Program> flat)
    : rules_(&rules), tree_(&expression), flat_(std::move(flat)) {
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
  // A place for each condition, then each compiled in the order that ranks them.
  for (const auto& question : rules.questions) {
    auto& conditions = this->questions.emplace_back();
    for (const auto& option : question.options) {
      conditions.options_when.push_back(question.options_when.count(option) != 0
                                            ? std::optional<Condition>(Condition())
                                            : std::nullopt);
    }
  }
  for (const auto& criterion : rules.criteria) {
    auto& conditions = criteria.emplace_back();
    if (criterion.to_check_when) conditions.to_check_when.emplace();
    conditions.variants.resize(criterion.variants.size());
  }
  for (ItemKind kind : kItemKinds) {
    auto& list = items.emplace_back();
    for (const auto& item : rules.items_of(kind)) {
      const Item* programme = kind == ItemKind::programme ? &item : nullptr;
      if (!programme && !item.programme.empty()) programme = rules.programme(item.programme);
      list.push_back({Condition(), std::vector<Condition>(item.variants.size()), programme});
    }
  }
  outcomes.resize(rules.outcomes.size());
  std::size_t rank = 0;
  for_each_condition(rules, *this, [&](Condition& condition, const Expression& expression) {
    std::optional<logic::Program> flat;
    if (rules.program_of) flat = rules.program_of(rules, rank, expression);
    ++rank;
    all_flat = all_flat && flat.has_value();
    condition = Condition(rules, expression, std::move(flat));
  });
  for (auto& criterion : criteria) criterion.depends_on = depends_on(*this, criterion);
  ways_to_meet.resize(rules.criteria.size());
}

std::optional<logic::Program> flatten_condition(const RuleSet& rules, std::size_t /*rank*/,
                                                const Expression& expression) {
  return logic::Program::flatten(
      expression, [&](const std::string& name) { return rules.question_index(name); });
}

Json flat_programs_json(const RuleSet& rules) {
  Json out = Json::array();
  for_each_condition(rules, compiled(rules), [&](const Condition& condition, const Expression&) {
    out.push_back(condition.program() ? condition.program()->to_json() : Json());
  });
  return out;
}

std::vector<std::string> tree_condition_paths(const RuleSet& rules) {
  const CompiledRules& flat = compiled(rules);
  std::vector<std::string> paths;
  const auto note = [&](const Condition& condition, const std::string& path) {
    if (!condition.flat()) paths.push_back(path);
  };
  const auto note_variants = [&](const std::vector<Condition>& variants, const std::string& path) {
    for (std::size_t v = 0; v < variants.size(); ++v) {
      note(variants[v], path + "/variants/" + decimal_text(v) + "/when");
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
  if (!rules.compiled.value) rules.compiled.value = std::make_unique<const CompiledRules>(rules);
  return *rules.compiled.value;
}

CompiledRulesCache::CompiledRulesCache() = default;
CompiledRulesCache::CompiledRulesCache(const CompiledRulesCache&) {}
CompiledRulesCache::CompiledRulesCache(CompiledRulesCache&&) noexcept {}

CompiledRulesCache& CompiledRulesCache::operator=(const CompiledRulesCache&) {
  value.reset();
  return *this;
}

CompiledRulesCache& CompiledRulesCache::operator=(CompiledRulesCache&&) noexcept {
  value.reset();
  return *this;
}

CompiledRulesCache::~CompiledRulesCache() = default;

}  // namespace pdp
