// A JsonLogic expression flattened for fast evaluation over symbols: the rules' conditions,
// evaluated many times per assessment, read answers by question index instead of by name and
// build no value (every result is a literal of the rule, a symbol's value, an element of one, or a
// boolean), so an evaluation allocates nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/logic/budget.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/value.hpp"

namespace pdp::logic {

// The value of each symbol, by index: nullptr while the symbol is unknown.
using Symbols = const Json* const*;

class Program {
 public:
  // The flat form of `expression`, each `var` of a literal name resolved by `symbol_of` (the
  // symbol's index, or -1). std::nullopt when the expression needs what the flat form leaves to
  // the tree evaluator: an operation that builds a value (arithmetic, cat, map, merge, missing…),
  // `if`, or a var whose name is computed or names no symbol.
  static std::optional<Program> flatten(const Expression& expression,
                                        const std::function<int(const std::string&)>& symbol_of);

  // The same result, steps and units as expression.evaluate() over a scope where symbol i is
  // symbols[i] (known) or unknown with its bit (nullptr), so that the budget stops a costly rule
  // at the same point on either path.
  Value evaluate(Symbols symbols, Budget& budget) const;
  // Its truthiness only (no copy of the value): the same steps and units.
  Verdict decide(Symbols symbols, Budget& budget) const;

  // The symbols the expression may read, whatever their values.
  SymbolMask reads() const { return reads_; }

  // The program as JSON data (program_json.cpp): what the build writes into the page's bundle, so
  // that the page's module reads its conditions flat instead of flattening their trees. One array
  // per instruction, in order: [op, symbol, units, literal, operand…].
  Json to_json() const;
  // The program that to_json() wrote, its literals pointing into `instructions` (which must
  // outlive it); std::nullopt when `instructions` is not such a program.
  static std::optional<Program> read(const Json& instructions);

  struct Instruction {
    std::uint8_t op;          // a logic::Op
    std::uint16_t first = 0;  // operands: arguments_[first, first + count)
    std::uint16_t count = 0;
    std::int32_t symbol = -1;       // var in the data: the symbol read
    const Json* literal = nullptr;  // literal: the value
    std::uint64_t units = 0;        // literal: what the budget charges for it, measured once;
                                    // var: the same for its name
  };

 private:
  Expression source_;  // keeps the literals alive
  std::vector<Instruction> code_;
  std::vector<std::uint16_t> arguments_;  // indexes into code_
  SymbolMask reads_ = 0;

  friend struct Flattener;
  friend struct Run;
};

}  // namespace pdp::logic
