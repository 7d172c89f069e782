// The tree evaluator over the answers used so far, read by question id.
#include "core/tree_conditions.hpp"

#include "core/logic/scope.hpp"

namespace pdp {
namespace {

using logic::SymbolMask;
using logic::Value;

// `var` reads the used answers by question id; an unanswered (or "ne_sait_pas") question is
// unknown.
class SymbolsScope final : public logic::Scope {
 public:
  SymbolsScope(const RuleSet& rules, logic::Symbols symbols) : rules_(rules), symbols_(symbols) {}

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
  logic::Symbols symbols_;
};

}  // namespace

Value evaluate_tree_condition(const RuleSet& rules, const Expression& condition,
                              logic::Symbols symbols, logic::Budget& budget) {
  return condition.evaluate(SymbolsScope(rules, symbols), budget);
}

SymbolMask tree_condition_names(const RuleSet& rules, const Expression& condition) {
  SymbolMask names = 0;
  for (const auto& use : condition.vars()) {
    const int index = rules.question_index(use.name);
    if (index >= 0 && index < 64) names |= SymbolMask{1} << index;
  }
  return names;
}

}  // namespace pdp
