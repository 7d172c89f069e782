// The rules' conditions that the flat form leaves out (arithmetic, `if`, a var whose name is
// computed…), evaluated by the tree evaluator over the answers used so far. load_rules() lets its
// rule sets use it; the page's module reads its rules with read_checked_rules(), which refuses
// such conditions, so that the module does not carry the tree evaluator (docs/performance.md).
#pragma once

#include "core/logic/budget.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/program.hpp"
#include "core/rules.hpp"

namespace pdp {

logic::Value evaluate_tree_condition(const RuleSet& rules, const Expression& condition,
                                     logic::Symbols symbols, logic::Budget& budget);

}  // namespace pdp
