// The flattener: a JsonLogic tree as the flat program the evaluator runs (program.cpp), for the
// operations that build no value; the build writes its programs into the page's bundle
// (program_json.cpp), so the page's module carries none of this.
#include <limits>

#include "core/logic/node.hpp"
#include "core/logic/program.hpp"

namespace pdp::logic {

// Builds the instructions in evaluation order; fails (false) on what the flat form leaves to the
// tree evaluator.
struct Flattener {
  Program& program;
  const std::function<int(const std::string&)>& symbol_of;

  static const Node* root(const Expression& expression) { return expression.root_.get(); }

  // Emits `node`, evaluated in the data (element = false) or in an element of some/all/none.
  bool emit(const Node& node, bool element, std::uint16_t& index) {
    if (program.code_.size() >= std::numeric_limits<std::uint16_t>::max()) return false;
    index = static_cast<std::uint16_t>(program.code_.size());
    program.code_.push_back({static_cast<std::uint8_t>(node.op), 0, 0, -1, nullptr});
    std::size_t evaluated = 0;  // the operands the tree evaluator evaluates; it ignores the others
    switch (flat_form(node.op)) {
      case FlatForm::literal: {
        // A literal nested too deep spends the budget when charged: left to the tree evaluator.
        const std::optional<std::uint64_t> units = Budget::units_of(node.literal);
        if (!units) return false;
        program.code_[index].literal = &node.literal;
        program.code_[index].units = *units;
        return true;
      }
      case FlatForm::var:
        return emit_var(node, element, index);
      case FlatForm::iteration:
        return emit_iteration(node, element, index);
      case FlatForm::one_operand:
        evaluated = 1;
        break;
      case FlatForm::two_operands:
        evaluated = 2;
        break;
      case FlatForm::three_operands:
        evaluated = 3;
        break;
      case FlatForm::every_operand:
        evaluated = node.args.size();
        break;
      case FlatForm::none:
        return false;
    }
    if (evaluated > node.args.size()) evaluated = node.args.size();
    std::vector<std::uint16_t> operands(evaluated);
    for (std::size_t i = 0; i < evaluated; ++i) {
      if (!emit(node.args[i], element, operands[i])) return false;
    }
    attach(index, operands);
    return true;
  }

  // A var of a literal name: in the data, a symbol; in an element, the element itself (""). The
  // default is never evaluated: a symbol is always found (known or unknown), so is the element.
  bool emit_var(const Node& node, bool element, std::uint16_t index) {
    if (node.args.empty() || node.args[0].op != Op::literal || !node.args[0].literal.is_string()) {
      return false;
    }
    const std::string& name = *node.args[0].literal.get_ptr<const Json::string_t*>();
    if (element) {
      if (!name.empty()) return false;
    } else {
      const int symbol = symbol_of(name);
      if (symbol < 0 || symbol >= 64) return false;
      program.code_[index].symbol = symbol;
      program.reads_ |= SymbolMask{1} << symbol;
    }
    std::vector<std::uint16_t> operands(1);
    if (!emit(node.args[0], element, operands[0])) return false;
    program.code_[index].units = program.code_[operands[0]].units;
    attach(index, operands);
    return true;
  }

  // some/all/none: the collection in the current data, the test in each element.
  bool emit_iteration(const Node& node, bool element, std::uint16_t index) {
    std::vector<std::uint16_t> operands(node.args.size() < 2 ? node.args.size() : 2);
    for (std::size_t i = 0; i < operands.size(); ++i) {
      if (!emit(node.args[i], i == 1 || element, operands[i])) return false;
    }
    attach(index, operands);
    return true;
  }

  void attach(std::uint16_t index, const std::vector<std::uint16_t>& operands) {
    program.code_[index].first = static_cast<std::uint16_t>(program.arguments_.size());
    program.code_[index].count = static_cast<std::uint16_t>(operands.size());
    program.arguments_.insert(program.arguments_.end(), operands.begin(), operands.end());
  }
};

std::optional<Program> Program::flatten(const Expression& expression,
                                        const std::function<int(const std::string&)>& symbol_of) {
  const Node* root = Flattener::root(expression);
  if (root == nullptr) return std::nullopt;
  Program program;
  program.source_ = expression;
  Flattener flattener{program, symbol_of};
  std::uint16_t index = 0;
  if (!flattener.emit(*root, false, index)) return std::nullopt;
  return program;
}

}  // namespace pdp::logic
