// A JsonLogic expression (jsonlogic.com), compiled once and evaluated many times.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/logic/budget.hpp"
#include "core/logic/scope.hpp"
#include "core/logic/value.hpp"

namespace pdp::logic {

struct Node;  // defined in node.hpp (private to the engine)

class Expression {
 public:
  // Compiles `logic` with JsonLogic's rules: a one-key object is an operation, arrays are
  // evaluated element-wise, anything else is a literal. An unknown operator is an error
  // ("logic.unknown_operator", path = JSON pointer of the operator inside `logic`).
  static Expected<Expression> compile(const Json& logic);

  // Evaluates over `scope`. Over complete data the result equals json-logic-js 2.0.5's (numbers
  // that are whole come back as JSON integers, NaN and infinities as null). Over data with
  // unknowns, the logic is Kleene's: `false and unknown` is false, `true or unknown` is true, and
  // any other operation touching an unknown is unknown. Never throws.
  // Each operation and each value read or built is taken from `budget`; once it is spent the
  // evaluation stops and its result means nothing: the caller checks budget.spent() and reports
  // it (budget.reason() says why).
  Value evaluate(const Scope& scope, Budget& budget) const;

  // Complete data, within a budget of its own: the result, or the error "logic.too_costly".
  Expected<Json> apply(const Json& data, Budget budget = {}) const;

  // Each `var` of the expression whose name is a literal, with the JSON pointer of that `var`
  // within the expression: what rule validation checks against the questions. Vars of "" (the
  // whole data) and vars inside the per-element logic of map/filter/reduce/all/none/some (which
  // name fields of the elements) are left out.
  struct VarUse {
    std::string name;
    std::string path;
  };
  std::vector<VarUse> vars() const;

  // Each comparison of a literal-named `var` with string literals (`==`, `===`, `!=`, `!==`,
  // `in` in either direction, and `some`/`all`/`none`/`filter` over the var comparing
  // `{"var": ""}`), so validation can check that the strings are options of the question. `path`
  // is the pointer of the comparison (of the `some`... for element comparisons, whose literals are
  // gathered in one entry).
  struct Comparison {
    std::string var;
    std::vector<std::string> literals;
    std::string path;
  };
  std::vector<Comparison> comparisons() const;

  // The expression as JSON, as it was written (null for a default-constructed one): what the
  // rules' documentation words, without keeping a second copy of every rule's source.
  Json logic() const;

  Expression();
  ~Expression();
  Expression(const Expression&);
  Expression& operator=(const Expression&);
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;

 private:
  friend struct Flattener;  // program.cpp reads the tree it flattens
  std::shared_ptr<const Node> root_;
};

}  // namespace pdp::logic
