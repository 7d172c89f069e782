// What rule validation reads off an expression: its vars and the strings they are compared with.
#include <algorithm>
#include <string>
#include <vector>

#include "core/decimal_text.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/node.hpp"

namespace pdp::logic {
namespace {

// map, filter, reduce, all, none, some evaluate their second operand against each element: vars in
// there name fields of the element, not data of the rule.
bool is_scoped_logic(const Node& parent, std::size_t index) {
  switch (parent.op) {
    case Op::map:
    case Op::filter:
    case Op::reduce:
    case Op::all:
    case Op::none:
    case Op::some:
      return index == 1;
    default:
      return false;
  }
}

std::string child_path(const std::string& path, const Node& parent, std::size_t index) {
  std::string out = path;
  if (parent.op != Op::array) {
    append_pointer_token(out, parent.name);
    if (!parent.listed) return out;
  }
  out += '/';
  out += decimal_text(index);
  return out;
}

// Calls visit(node, path) for `node` and every node below it, scoped logic excepted.
template <typename Visit>
void walk(const Node& node, const std::string& path, Visit& visit) {
  visit(node, path);
  for (std::size_t i = 0; i < node.args.size(); ++i) {
    if (!is_scoped_logic(node, i)) walk(node.args[i], child_path(path, node, i), visit);
  }
}

const std::string* literal_string(const Node& node) {
  if (node.op != Op::literal || !node.literal.is_string()) return nullptr;
  return node.literal.get_ptr<const Json::string_t*>();
}

// The name of {"var": "name"} (or {"var": ["name", default]}); null for other nodes, and for ""
// (the whole data: the element, inside map and the like).
const std::string* var_name(const Node& node) {
  if (node.op != Op::var || node.args.empty()) return nullptr;
  const std::string* name = literal_string(node.args[0]);
  return name != nullptr && !name->empty() ? name : nullptr;
}

// {"var": ""}, {"var": null} or {"var": []}: the current element inside map, some...
bool is_element(const Node& node) {
  if (node.op != Op::var) return false;
  if (node.args.empty()) return true;
  const Node& name = node.args[0];
  if (name.op != Op::literal) return false;
  const std::string* text = literal_string(name);
  return name.literal.is_null() || (text != nullptr && text->empty());
}

bool is_equality(Op op) {
  return op == Op::equal || op == Op::strict_equal || op == Op::not_equal ||
         op == Op::strict_not_equal;
}

void add_strings_of(const Node& node, std::vector<std::string>& literals) {
  if (node.op != Op::literal || !node.literal.is_array()) return;
  for (const Json& element : node.literal) {
    if (element.is_string()) literals.push_back(*element.get_ptr<const Json::string_t*>());
  }
}

// The string literals that `subject` (a predicate on the node `is_subject` picks) is compared with
// at `node`: equalities either way round, `in` a literal array, or a literal string `in` it.
template <typename IsSubject>
std::vector<std::string> compared_strings(const Node& node, IsSubject is_subject) {
  std::vector<std::string> literals;
  if (node.args.size() < 2) return literals;
  const Node& left = node.args[0];
  const Node& right = node.args[1];
  const std::string* left_string = literal_string(left);
  const std::string* right_string = literal_string(right);
  if (is_equality(node.op)) {
    if (is_subject(left) && right_string != nullptr) literals.push_back(*right_string);
    if (is_subject(right) && left_string != nullptr) literals.push_back(*left_string);
  } else if (node.op == Op::in) {
    if (is_subject(left)) add_strings_of(right, literals);
    if (is_subject(right) && left_string != nullptr) literals.push_back(*left_string);
  }
  return literals;
}

bool is_quantifier(Op op) {
  return op == Op::some || op == Op::all || op == Op::none || op == Op::filter;
}

}  // namespace

std::vector<Expression::VarUse> Expression::vars() const {
  std::vector<VarUse> uses;
  if (!root_) return uses;
  auto visit = [&](const Node& node, const std::string& path) {
    if (const std::string* name = var_name(node)) uses.push_back({*name, path});
  };
  walk(*root_, "", visit);
  return uses;
}

std::vector<Expression::Comparison> Expression::comparisons() const {
  std::vector<Comparison> found;
  if (!root_) return found;
  auto visit = [&](const Node& node, const std::string& path) {
    if (is_equality(node.op) || node.op == Op::in) {
      for (std::size_t side = 0; side < 2 && side < node.args.size(); ++side) {
        const std::string* name = var_name(node.args[side]);
        if (name == nullptr) continue;
        const Node* subject = &node.args[side];
        std::vector<std::string> literals =
            compared_strings(node, [&](const Node& candidate) { return &candidate == subject; });
        if (!literals.empty()) found.push_back({*name, std::move(literals), path});
      }
    } else if (is_quantifier(node.op) && node.args.size() > 1) {
      // {"some": [{"var": "x"}, <predicate on {"var": ""}>]}: the predicate's comparisons of the
      // element are comparisons of x's values.
      const std::string* name = var_name(node.args[0]);
      if (name == nullptr) return;
      std::vector<std::string> literals;
      auto collect = [&](const Node& inner, const std::string&) {
        for (std::string& literal : compared_strings(inner, is_element)) {
          if (std::find(literals.begin(), literals.end(), literal) == literals.end()) {
            literals.push_back(std::move(literal));
          }
        }
      };
      walk(node.args[1], "", collect);
      if (!literals.empty()) found.push_back({*name, std::move(literals), path});
    }
  };
  walk(*root_, "", visit);
  return found;
}

}  // namespace pdp::logic
