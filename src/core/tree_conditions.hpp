// The rules' conditions that the flat form leaves out (arithmetic, `if`, a var whose name is
// computed…), evaluated by the tree evaluator over the answers used so far. load_rules() lets its
// rule sets use it; `pdp-assess bundle` refuses such conditions (read_checked_rules), and the
// page's module reads the build's programs instead of trees, so that it carries neither the tree
// evaluator nor the tree compiler (docs/performance.md).
#pragma once

#include "core/logic/budget.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/program.hpp"
#include "core/rules.hpp"

namespace pdp {

logic::Value evaluate_tree_condition(const RuleSet& rules, const Expression& condition,
                                     logic::Symbols symbols, logic::Budget& budget);

// The questions the vars of `condition` name (vars of a literal name, in the data).
logic::SymbolMask tree_condition_names(const RuleSet& rules, const Expression& condition);

}  // namespace pdp
