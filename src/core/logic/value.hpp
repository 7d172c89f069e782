// The result of evaluating a JsonLogic expression over data that may hold unknowns.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

namespace pdp::logic {

using Json = nlohmann::json;

// One bit per symbol (a question, in the rules). Symbols are numbered by the Scope, below 64.
using SymbolMask = std::uint64_t;

// Three-valued (Kleene) evaluation: a value is either known (`json`) or unknown because it still
// depends on unanswered symbols (`missing`). `reads` names the known symbols that decided a known
// result (for `and`, only the operand that made it false; for `or`, the one that made it true), so
// that the core can say which answers a condition rests on.
struct Value {
  Json json;
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;

  static Value known(Json j, SymbolMask reads = 0) { return Value{std::move(j), false, 0, reads}; }
  static Value unknown_of(SymbolMask missing, SymbolMask reads = 0) {
    return Value{Json(), true, missing, reads};
  }
};

// A value reduced to its truthiness, what a situation keeps of each condition: a plain struct,
// copied and dropped for free. Same `unknown`, `missing` and `reads` as the Value it comes from.
struct Verdict {
  bool unknown = false;
  bool yes = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;

  static Verdict known(bool yes, SymbolMask reads = 0) { return {false, yes, 0, reads}; }
  static Verdict unknown_of(SymbolMask missing, SymbolMask reads = 0) {
    return {true, false, missing, reads};
  }
};

// JsonLogic truthiness (jsonlogic.com/truthy): JavaScript's, except that an empty array is false.
bool truthy(const Json& value);

}  // namespace pdp::logic
