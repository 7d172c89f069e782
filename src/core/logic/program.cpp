// The flat evaluator: the tree evaluator's results, steps and units (evaluate.cpp, operation by
// operation) for the operations that build no value, over symbols read by index.
#include "core/logic/program.hpp"

#include "core/logic/javascript.hpp"
#include "core/logic/node.hpp"

namespace pdp::logic {

FlatForm flat_form(Op op) {
  switch (op) {
    case Op::literal:
      return FlatForm::literal;
    case Op::var:
      return FlatForm::var;
    case Op::not_:
    case Op::not_not:
      return FlatForm::one_operand;
    case Op::equal:
    case Op::strict_equal:
    case Op::not_equal:
    case Op::strict_not_equal:
    case Op::greater:
    case Op::greater_equal:
    case Op::in:
      return FlatForm::two_operands;
    case Op::less:
    case Op::less_equal:
      return FlatForm::three_operands;
    case Op::and_:
    case Op::or_:
      return FlatForm::every_operand;
    case Op::all:
    case Op::none:
    case Op::some:
      return FlatForm::iteration;
    default:
      return FlatForm::none;
  }
}

namespace {

// Constants at namespace scope: a function's static would check its guard on every use.
const Json kTrue(true);
const Json kFalse(false);
const Json kNull;
const Json& kUndefined = js::undefined();

const Json& json_of(bool value) {
  return value ? kTrue : kFalse;
}

const Json& null_json() {
  return kNull;
}

// An intermediate result: always borrowed (a literal, a symbol's value, an element, a boolean).
struct Out {
  const Json* json = &kUndefined;
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;
};

// == and === on two texts or two booleans, what the rules compare most: JavaScript compares them
// as they are. False when the types differ (the general case decides).
bool same_text_or_boolean(const Json& a, const Json& b, bool& equal) {
  if (a.type() != b.type()) return false;
  if (a.is_string()) {
    equal = *a.get_ptr<const Json::string_t*>() == *b.get_ptr<const Json::string_t*>();
    return true;
  }
  if (a.is_boolean()) {
    equal = *a.get_ptr<const Json::boolean_t*>() == *b.get_ptr<const Json::boolean_t*>();
    return true;
  }
  return false;
}

// A comparison or `in` over known operands; `c`, the third of a between (a < b < c), is
// undefined when there is none.
bool compared(Op op, const Json& a, const Json& b, const Json& c) {
  bool equal = false;
  switch (op) {
    case Op::equal:
      return same_text_or_boolean(a, b, equal) ? equal : js::loose_equal(a, b);
    case Op::not_equal:
      return !(same_text_or_boolean(a, b, equal) ? equal : js::loose_equal(a, b));
    case Op::strict_equal:
      return same_text_or_boolean(a, b, equal) ? equal : js::strict_equal(a, b);
    case Op::strict_not_equal:
      return !(same_text_or_boolean(a, b, equal) ? equal : js::strict_equal(a, b));
    case Op::greater:
      return js::less_than(b, a);
    case Op::greater_equal:
      return js::less_equal(b, a);
    case Op::in:
      return contains(a, b);
    case Op::less:
      return js::less_than(a, b) && (js::is_undefined(c) || js::less_than(b, c));
    case Op::less_equal:
      return js::less_equal(a, b) && (js::is_undefined(c) || js::less_equal(b, c));
    default:
      return false;
  }
}

Out known(bool value, SymbolMask reads) {
  return {&json_of(value), false, 0, reads};
}

}  // namespace

struct Run {
  const Program& program;
  Symbols symbols;
  Budget& budget;

  // Every operation takes a step and its known result is charged, as in eval_node.
  Out eval(std::uint16_t index, const Json* element) {
    if (!budget.step()) return {};
    const Program::Instruction& in = program.code_[index];
    if (static_cast<Op>(in.op) == Op::literal) {
      budget.take_units(in.units);
      return {in.literal};
    }
    if (static_cast<Op>(in.op) == Op::var && element == nullptr) return symbol(in);
    Out out;
    if (answer_compared(in, element, out)) return out;
    out = dispatch(in, element);
    if (!out.unknown) budget.charge(*out.json);
    return out;
  }

  // A comparison or `in` between an answer and a literal of the rule (`==` with a text, `in` a list
  // of texts: what most conditions are made of), at once: what the general path spends after the
  // operation's step (the var's two steps and its name, the answer read twice, the literal's step
  // and units, the boolean result), taken in one go when the budget has it all. False, having
  // spent nothing, for other operands, an answer that is a list, or a budget near its end: the
  // general path then stops where it always did.
  bool answer_compared(const Program::Instruction& in, const Json* element, Out& out) {
    const Op op = static_cast<Op>(in.op);
    if (flat_form(op) != FlatForm::two_operands || in.count != 2 || element != nullptr) {
      return false;
    }
    const Program::Instruction& var = program.code_[program.arguments_[in.first]];
    const Program::Instruction& literal = program.code_[program.arguments_[in.first + 1]];
    if (static_cast<Op>(var.op) != Op::var || var.symbol < 0 ||
        static_cast<Op>(literal.op) != Op::literal) {
      return false;
    }
    const Json* value = symbols[var.symbol];
    const SymbolMask bit = SymbolMask{1} << var.symbol;
    if (value == nullptr) {
      if (!budget.spend(3, var.units + literal.units)) return false;
      out = {&null_json(), true, bit, 0};
      return true;
    }
    if (value->is_structured()) return false;
    const std::uint64_t read =
        Budget::kValueUnits +
        (value->is_string() ? value->get_ptr<const Json::string_t*>()->size() : 0);
    if (!budget.spend(3, var.units + 2 * read + literal.units + Budget::kValueUnits)) return false;
    out = known(compared(op, *value, *literal.literal, kUndefined), bit);
    return true;
  }

  // Operand i, or undefined (not evaluated, no step) when the operation has fewer.
  Out operand(const Program::Instruction& in, std::size_t i, const Json* element) {
    if (i >= in.count) return {};
    return eval(program.arguments_[in.first + i], element);
  }

  Out dispatch(const Program::Instruction& in, const Json* element) {
    switch (static_cast<Op>(in.op)) {
      case Op::literal:
        return {in.literal};
      case Op::var:
        return var(in, element);
      case Op::not_:
      case Op::not_not: {
        const Out a = operand(in, 0, element);
        if (a.unknown) return {&null_json(), true, a.missing, a.reads};
        return known(truthy(*a.json) == (static_cast<Op>(in.op) == Op::not_not), a.reads);
      }
      case Op::and_:
        return and_or(in, element, false);
      case Op::or_:
        return and_or(in, element, true);
      case Op::all:
      case Op::none:
      case Op::some:
        return iterate(in, element);
      default:
        return compare(in, element);
    }
  }

  // A var in the data, what most conditions read, without the calls of the general path: the step
  // and units of its name, then its value charged twice (read, then as the var's result).
  Out symbol(const Program::Instruction& in) {
    if (!budget.step() || !budget.take_units(in.units)) return {};
    const Json* value = symbols[in.symbol];
    const SymbolMask bit = SymbolMask{1} << in.symbol;
    if (value == nullptr) return {&null_json(), true, bit, 0};
    if (!budget.charge(*value) || !budget.charge(*value)) return {};
    return {value, false, 0, bit};
  }

  Out var(const Program::Instruction& in, const Json* element) {
    operand(in, 0, element);  // the name, a literal: a step and its units, as the tree spends
    if (element != nullptr) {
      budget.charge(*element);  // look_up's copy of the data
      return {element};
    }
    const Json* value = symbols[in.symbol];
    const SymbolMask bit = SymbolMask{1} << in.symbol;
    if (value == nullptr) return {&null_json(), true, bit, 0};
    budget.charge(*value);
    return {value, false, 0, bit};
  }

  // The comparisons and `in`: strict in their operands (unknown as soon as one is).
  Out compare(const Program::Instruction& in, const Json* element) {
    const Op op = static_cast<Op>(in.op);
    const std::size_t needed = op == Op::less || op == Op::less_equal ? 3 : 2;
    Out o[3];
    Out all;
    all.json = &null_json();
    for (std::size_t i = 0; i < needed; ++i) {
      o[i] = operand(in, i, element);
      all.unknown = all.unknown || o[i].unknown;
      all.missing |= o[i].missing;
      all.reads |= o[i].reads;
    }
    if (all.unknown) return all;
    return known(compared(op, *o[0].json, *o[1].json, *o[2].json), all.reads);
  }

  // The first operand that decides, even after unknowns; else unknown if any is; else the last.
  Out and_or(const Program::Instruction& in, const Json* element, bool is_or) {
    if (in.count == 0) return {};
    bool unknown = false;
    SymbolMask missing = 0;
    SymbolMask reads = 0;
    Out last;
    for (std::size_t i = 0; i < in.count; ++i) {
      const Out value = operand(in, i, element);
      if (value.unknown) {
        unknown = true;
        missing |= value.missing;
        reads |= value.reads;
        continue;
      }
      if (truthy(*value.json) == is_or) return value;
      reads |= value.reads;
      last = value;
    }
    if (unknown) return {&null_json(), true, missing, reads};
    last.reads = reads;
    return last;
  }

  // all, none, some: the test of each element until one decides.
  Out iterate(const Program::Instruction& in, const Json* element) {
    const Out items = operand(in, 0, element);
    if (items.unknown) return items;
    const Json::array_t* array = items.json->get_ptr<const Json::array_t*>();
    const Op op = static_cast<Op>(in.op);
    const bool looking_for = op != Op::all;
    bool stopped = false;
    bool unknown = false;
    SymbolMask missing = 0;
    if (array != nullptr) {
      for (const Json& item : *array) {
        if (budget.spent()) break;
        const Out result = operand(in, 1, &item);
        if (result.unknown && !unknown) {
          unknown = true;
          missing = result.missing;
        }
        if (truthy(*result.json) == looking_for) {
          stopped = true;
          break;
        }
      }
    }
    if (unknown) return {&null_json(), true, missing, items.reads};
    const bool empty = array == nullptr || array->empty();
    if (op == Op::all) return known(!empty && !stopped, items.reads);
    if (op == Op::none) return known(!stopped, items.reads);
    return known(stopped, items.reads);
  }
};

namespace {

// The value a run gives, as the tree evaluator would: normalised as JavaScript would hold it.
Value value_of(const Out& out, const Budget& budget) {
  if (budget.spent()) return Value::unknown_of(0);
  if (out.unknown) return Value::unknown_of(out.missing, out.reads);
  // Most conditions end in a boolean, which needs no copy of a tree nor normalising.
  if (out.json->is_boolean()) return Value::known(out.json->get<bool>(), out.reads);
  Json json = *out.json;
  js::normalise(json);
  return Value::known(std::move(json), out.reads);
}

}  // namespace

Value Program::evaluate(Symbols symbols, Budget& budget) const {
  return value_of(Run{*this, symbols, budget}.eval(0, nullptr), budget);
}

Verdict Program::decide(Symbols symbols, Budget& budget) const {
  const Out out = Run{*this, symbols, budget}.eval(0, nullptr);
  if (!budget.spent() && !out.unknown && out.json->is_boolean()) {
    return Verdict::known(out.json->get<bool>(), out.reads);
  }
  // Else the truth of the value (normalising may change it: an infinite number becomes null).
  const Value value = value_of(out, budget);
  if (value.unknown) return Verdict::unknown_of(value.missing, value.reads);
  return Verdict::known(truthy(value.json), value.reads);
}

}  // namespace pdp::logic
