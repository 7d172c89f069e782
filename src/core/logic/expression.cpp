// Compiling JsonLogic: operators resolved once, literals kept whole, unknown operators reported.
#include "core/logic/expression.hpp"

#include <string>
#include <utility>

#include "core/decimal_text.hpp"
#include "core/logic/node.hpp"

namespace pdp::logic {
namespace {

struct Operator {
  const char* name;
  Op op;
};

// json-logic-js 2.0.5's operators, without its dotted "method" calls.
constexpr Operator kOperators[] = {
    {"var", Op::var},
    {"missing", Op::missing},
    {"missing_some", Op::missing_some},
    {"if", Op::if_},
    {"?:", Op::if_},
    {"==", Op::equal},
    {"===", Op::strict_equal},
    {"!=", Op::not_equal},
    {"!==", Op::strict_not_equal},
    {"!", Op::not_},
    {"!!", Op::not_not},
    {"or", Op::or_},
    {"and", Op::and_},
    {"<", Op::less},
    {"<=", Op::less_equal},
    {">", Op::greater},
    {">=", Op::greater_equal},
    {"max", Op::max},
    {"min", Op::min},
    {"+", Op::add},
    {"-", Op::subtract},
    {"*", Op::multiply},
    {"/", Op::divide},
    {"%", Op::modulo},
    {"map", Op::map},
    {"filter", Op::filter},
    {"reduce", Op::reduce},
    {"all", Op::all},
    {"none", Op::none},
    {"some", Op::some},
    {"merge", Op::merge},
    {"in", Op::in},
    {"cat", Op::cat},
    {"substr", Op::substr},
    {"log", Op::log},
};

const Operator* find_operator(const std::string& name) {
  for (const Operator& candidate : kOperators) {
    if (name == candidate.name) return &candidate;
  }
  return nullptr;
}

bool is_operation(const Json& value) {
  return value.is_object() && value.size() == 1;
}

// The JSON a node was compiled from: an operation's operands go back in an array only when they
// were written in one ({"var": "x"} stays as it is).
Json node_logic(const Node& node) {
  if (node.op == Op::literal) return node.literal;
  Json operands = Json::array();
  for (const Node& arg : node.args) operands.push_back(node_logic(arg));
  if (node.op == Op::array) return operands;
  return Json{{node.name, node.listed ? std::move(operands) : std::move(operands[0])}};
}

}  // namespace

bool contains_logic(const Json& value) {
  if (is_operation(value)) return true;
  if (!value.is_array()) return false;
  for (const Json& element : *value.get_ptr<const Json::array_t*>()) {
    if (contains_logic(element)) return true;
  }
  return false;
}

std::optional<Error> compile_node(const Json& logic, std::string& path, Node& out) {
  const std::size_t path_length = path.size();
  const Json* elements = nullptr;  // what becomes out.args, element by element
  if (is_operation(logic)) {
    const auto member = logic.begin();
    const Operator* found = find_operator(member.key());
    if (found == nullptr) {
      return Error{"logic.unknown_operator", "\"" + member.key() + "\" is not a JsonLogic operator",
                   path};
    }
    out.op = found->op;
    out.name = found->name;
    append_pointer_token(path, member.key());
    // A single operand may be written without its array: {"var": "x"} is {"var": ["x"]}.
    if (member.value().is_array()) {
      out.listed = true;
      elements = &member.value();
    } else {
      out.args = std::vector<Node>(1);  // a fresh vector: no resize() code in the module
      std::optional<Error> error = compile_node(member.value(), path, out.args[0]);
      path.resize(path_length);
      return error;
    }
  } else if (logic.is_array() && contains_logic(logic)) {
    out.op = Op::array;
    elements = &logic;
  } else {
    out.op = Op::literal;
    out.literal = logic;
    return std::nullopt;
  }
  out.args = std::vector<Node>(elements->size());
  const std::size_t operands_path_length = path.size();
  for (std::size_t i = 0; i < out.args.size(); ++i) {
    path += '/';
    path += decimal_text(i);
    std::optional<Error> error = compile_node((*elements)[i], path, out.args[i]);
    if (error) {
      path.resize(path_length);
      return error;
    }
    path.resize(operands_path_length);
  }
  path.resize(path_length);
  return std::nullopt;
}

Expected<Expression> Expression::compile(const Json& logic) {
  auto root = std::make_shared<Node>();
  std::string path;
  if (std::optional<Error> error = compile_node(logic, path, *root)) return std::move(*error);
  Expression expression;
  expression.root_ = std::move(root);
  return expression;
}

Json Expression::logic() const {
  return root_ ? node_logic(*root_) : Json();
}

Expected<Json> Expression::apply(const Json& data, Budget budget) const {
  Value value = evaluate(JsonScope(data), budget);
  if (budget.spent()) {
    return Error{"logic.too_costly", "the evaluation stopped: it " + budget.reason(), ""};
  }
  return std::move(value.json);
}

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(const Expression&) = default;
Expression& Expression::operator=(const Expression&) = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

}  // namespace pdp::logic
