// The compiled form of a JsonLogic expression: a tree whose operators are resolved once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_pointer.hpp"
#include "core/logic/value.hpp"

namespace pdp::logic {

enum class Op : std::uint8_t {
  literal,  // a value returned as is (including arrays and objects holding no operation)
  array,    // an array holding operations: evaluated element-wise
  var,
  missing,
  missing_some,
  if_,  // both "if" and "?:"
  equal,
  strict_equal,
  not_equal,
  strict_not_equal,
  not_,
  not_not,
  or_,
  and_,
  less,
  less_equal,
  greater,
  greater_equal,
  max,
  min,
  add,
  subtract,
  multiply,
  divide,
  modulo,
  map,
  filter,
  reduce,
  all,
  none,
  some,
  merge,
  in,
  cat,
  substr,
  log,
};

struct Node {
  Op op = Op::literal;
  const char* name = nullptr;  // the operator as written in the rule, for pointers into it
  bool listed = false;         // operands were written as an array (their pointers take an index)
  Json literal;                // Op::literal only
  std::vector<Node> args;      // operands of an operation, elements of Op::array
};

// True for what JsonLogic treats as an operation (an object with exactly one key) or an array
// holding one at any depth: values that are not plain literals.
bool contains_logic(const Json& value);

// JsonLogic's `in`: `needle` is an element of the array `haystack`, or a part of the text.
bool contains(const Json& needle, const Json& haystack);

// How the flat form (program.cpp) takes an operation: a literal, a var, some/all/none, or the
// operands it evaluates (the tree evaluator's, which ignores the others); none: the operation is
// left to the tree evaluator.
enum class FlatForm {
  none,
  literal,
  var,
  iteration,
  one_operand,
  two_operands,
  three_operands,
  every_operand
};
FlatForm flat_form(Op op);

// Compiles `logic` into `out`. `path` is the JSON pointer of `logic` in the whole expression (used
// for errors; restored on return).
std::optional<Error> compile_node(const Json& logic, std::string& path, Node& out);

}  // namespace pdp::logic
