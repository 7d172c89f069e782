// Evaluation: json-logic-js 2.0.5's results over known data, Kleene's logic over unknowns.
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/logic/budget.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/javascript.hpp"
#include "core/logic/node.hpp"

namespace pdp::logic {
namespace {

// An intermediate value. Literals of the tree (and the shared null and undefined) are borrowed, not
// copied: most operands are literals.
struct Result {
  const Json* borrowed = nullptr;
  Json owned;
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;

  const Json& json() const { return borrowed != nullptr ? *borrowed : owned; }
  Json take() { return borrowed != nullptr ? *borrowed : std::move(owned); }

  static Result of(Json value, SymbolMask reads = 0) {
    Result result;
    result.owned = std::move(value);
    result.reads = reads;
    return result;
  }
  static Result ref(const Json& value, SymbolMask reads = 0) {
    Result result;
    result.borrowed = &value;
    result.reads = reads;
    return result;
  }
  static Result unknown_of(SymbolMask missing, SymbolMask reads) {
    Result result;
    result.unknown = true;
    result.missing = missing;
    result.reads = reads;
    return result;
  }
};

const Json& null_json() {
  static const Json value;
  return value;
}

// What an evaluation reads (its data) and what it may still spend.
struct Env {
  const Scope& scope;
  Budget& budget;
};

Result eval_node(const Node& node, const Env& env);

// The first N operands of an operation, evaluated: JavaScript ignores extra arguments and sees
// absent ones as undefined. Extra operands are not evaluated, so they cannot make a result unknown.
template <std::size_t N>
struct Operands {
  std::array<Result, N> values;
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;

  const Json& operator[](std::size_t i) const { return values[i].json(); }
};

template <std::size_t N>
Operands<N> evaluate_operands(const Node& node, const Env& env) {
  Operands<N> operands;
  for (std::size_t i = 0; i < N; ++i) {
    Result& value = operands.values[i];
    value = i < node.args.size() ? eval_node(node.args[i], env) : Result::ref(js::undefined());
    operands.unknown = operands.unknown || value.unknown;
    operands.missing |= value.missing;
    operands.reads |= value.reads;
  }
  return operands;
}

struct AllOperands {
  std::vector<Result> values;
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;
};

AllOperands evaluate_all(const Node& node, const Env& env) {
  AllOperands operands;
  operands.values.reserve(node.args.size());
  for (const Node& arg : node.args) {
    operands.values.push_back(eval_node(arg, env));
    const Result& value = operands.values.back();
    operands.unknown = operands.unknown || value.unknown;
    operands.missing |= value.missing;
    operands.reads |= value.reads;
  }
  return operands;
}

// An operator that needs all its operands: unknown as soon as one of them is.
template <std::size_t N, typename Compute>
Result strict(const Node& node, const Env& env, Compute compute) {
  const Operands<N> operands = evaluate_operands<N>(node, env);
  if (operands.unknown) return Result::unknown_of(operands.missing, operands.reads);
  return Result::of(compute(operands), operands.reads);
}

template <typename Compute>
Result strict_all(const Node& node, const Env& env, Compute compute) {
  const AllOperands operands = evaluate_all(node, env);
  if (operands.unknown) return Result::unknown_of(operands.missing, operands.reads);
  return Result::of(compute(operands.values), operands.reads);
}

// json-logic-js hands some evaluated values to `apply` again (`missing` passes its keys to `var`,
// `missing_some` its options to `missing`): data shaped like logic is evaluated at that point.
Result reapply(const Json& value, const Env& env) {
  if (!contains_logic(value)) return Result::ref(value);
  Node node;
  std::string path;
  if (compile_node(value, path, node)) return Result::ref(js::undefined());  // js would throw
  Result result = eval_node(node, env);
  if (result.borrowed != nullptr) result = Result::of(result.take(), result.reads);  // node dies
  return result;
}

// What `var` gives for a name: the value found, else the default (null when undefined).
template <typename Fallback>
Result look_up(const Env& env, const Json& name, SymbolMask reads, Fallback fallback) {
  std::optional<Value> found = env.scope.lookup(name);
  if (found) {
    if (found->unknown) return Result::unknown_of(found->missing, found->reads | reads);
    env.budget.charge(found->json);  // a copy of the data
    return Result::of(std::move(found->json), found->reads | reads);
  }
  Result value = fallback();
  value.reads |= reads;
  if (!value.unknown && js::is_undefined(value.json()))
    return Result::ref(null_json(), value.reads);
  return value;
}

Result var(const Node& node, const Env& env) {
  Result name = node.args.empty() ? Result::ref(js::undefined()) : eval_node(node.args[0], env);
  if (name.unknown) return name;
  // The default only matters when nothing is found, so only then can it make the result unknown.
  return look_up(env, name.json(), name.reads, [&] {
    return node.args.size() > 1 ? eval_node(node.args[1], env) : Result::ref(js::undefined());
  });
}

// {"var": key}, as json-logic-js's `missing` evaluates it for each key.
Result var_of_key(const Json& key, const Env& env) {
  const Json* name = &key;
  const Json* fallback = nullptr;
  if (key.is_array()) {
    name = key.empty() ? &js::undefined() : &key[0];
    fallback = key.size() > 1 ? &key[1] : nullptr;
  }
  Result name_value = reapply(*name, env);
  if (name_value.unknown) return name_value;
  return look_up(env, name_value.json(), name_value.reads, [&] {
    return fallback != nullptr ? reapply(*fallback, env) : Result::ref(js::undefined());
  });
}

bool is_empty_answer(const Json& value) {
  return value.is_null() || (value.is_string() && value.get_ptr<const Json::string_t*>()->empty());
}

// `missing` over evaluated operands: the keys whose value is null, "" or absent.
Result missing_keys(const std::vector<Result>& operands, SymbolMask reads, const Env& env) {
  // A first operand that is an array holds the keys, else the operands are the keys.
  std::vector<const Json*> keys;
  if (!operands.empty() && operands[0].json().is_array()) {
    for (const Json& key : *operands[0].json().get_ptr<const Json::array_t*>())
      keys.push_back(&key);
  } else {
    for (const Result& operand : operands) keys.push_back(&operand.json());
  }
  Json found = Json::array();
  bool unknown = false;
  SymbolMask missing = 0;
  for (const Json* key : keys) {
    const Result value = var_of_key(*key, env);
    reads |= value.reads;
    if (value.unknown) {
      unknown = true;
      missing |= value.missing;
    } else if (is_empty_answer(value.json())) {
      found.push_back(*key);
    }
  }
  if (unknown) return Result::unknown_of(missing, reads);
  return Result::of(std::move(found), reads);
}

Result missing(const Node& node, const Env& env) {
  const AllOperands operands = evaluate_all(node, env);
  if (operands.unknown) return Result::unknown_of(operands.missing, operands.reads);
  return missing_keys(operands.values, operands.reads, env);
}

Result missing_some(const Node& node, const Env& env) {
  const Operands<2> operands = evaluate_operands<2>(node, env);
  if (operands.unknown) return Result::unknown_of(operands.missing, operands.reads);
  const Json& need = operands[0];
  const Json& options = operands[1];
  // json-logic-js applies {"missing": options}: the options are applied again, as operands.
  std::vector<Result> keys;
  SymbolMask reads = operands.reads;
  SymbolMask unknown_missing = 0;
  bool unknown = false;
  if (options.is_array()) {
    for (const Json& option : *options.get_ptr<const Json::array_t*>()) {
      keys.push_back(reapply(option, env));
    }
  } else {
    keys.push_back(reapply(options, env));
  }
  for (const Result& key : keys) {
    unknown = unknown || key.unknown;
    unknown_missing |= key.missing;
    reads |= key.reads;
  }
  if (unknown) return Result::unknown_of(unknown_missing, reads);
  Result absent = missing_keys(keys, reads, env);
  if (absent.unknown) return absent;
  // options.length - are_missing.length >= need_count; a length is undefined (NaN) for other types
  // (json-logic-js throws on null options, we answer the missing keys).
  double length = std::numeric_limits<double>::quiet_NaN();
  if (options.is_array()) length = static_cast<double>(options.size());
  if (options.is_string()) length = static_cast<double>(js::utf16_length(js::to_string(options)));
  const double present = length - static_cast<double>(absent.json().size());
  if (js::less_equal(need, js::number(present))) return Result::of(Json::array(), absent.reads);
  return absent;
}

// if / ?: walk the (condition, branch) pairs. Under unknown conditions, every branch still possible
// is evaluated: the result is known only if they all agree.
Result if_then_else(const Node& node, const Env& env) {
  const std::vector<Node>& args = node.args;
  const std::size_t count = args.size();
  SymbolMask reads = 0;
  SymbolMask missing = 0;
  std::vector<std::size_t> possible;  // branches of unknown conditions
  bool decided = false;
  std::size_t i = 0;
  for (; i + 1 < count; i += 2) {
    const Result condition = eval_node(args[i], env);
    reads |= condition.reads;
    if (condition.unknown) {
      missing |= condition.missing;
      possible.push_back(i + 1);
    } else if (truthy(condition.json())) {
      decided = true;
      break;
    }
  }
  // The branch taken when no unknown condition holds: the true one, the else, or null.
  const std::size_t last = decided ? i + 1 : i;
  const auto branch = [&](std::size_t index) {
    return index < count ? eval_node(args[index], env) : Result::ref(null_json());
  };
  Result result = branch(last);
  result.reads |= reads;
  if (possible.empty()) return result;
  bool agree = !result.unknown;
  missing |= result.missing;
  for (std::size_t index : possible) {
    const Result other = branch(index);
    result.reads |= other.reads;
    missing |= other.missing;
    agree = agree && !other.unknown && js::same_value(result.json(), other.json());
  }
  if (agree) return result;
  return Result::unknown_of(missing, result.reads);
}

// and / or: the first operand that decides (falsy for and, truthy for or), even after unknowns;
// else unknown if any operand is; else the last operand.
Result and_or(const Node& node, const Env& env, bool is_or) {
  if (node.args.empty()) return Result::ref(js::undefined());
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;
  Result last;
  for (const Node& operand : node.args) {
    Result value = eval_node(operand, env);
    if (value.unknown) {
      unknown = true;
      missing |= value.missing;
      reads |= value.reads;
      continue;
    }
    if (truthy(value.json()) == is_or) return value;  // decided by this operand alone
    reads |= value.reads;
    last = std::move(value);
  }
  if (unknown) return Result::unknown_of(missing, reads);
  last.reads = reads;
  return last;
}

// map, filter, all, none, some: the second operand is evaluated with each element as the data.
Result iterate(const Node& node, const Env& env) {
  Result items = node.args.empty() ? Result::ref(js::undefined()) : eval_node(node.args[0], env);
  if (items.unknown) return items;
  const Node* logic = node.args.size() > 1 ? &node.args[1] : nullptr;
  const Json::array_t* array = items.json().get_ptr<const Json::array_t*>();
  const SymbolMask reads = items.reads;
  std::optional<Result> unknown;
  const auto apply = [&](const Json& item) {
    if (logic == nullptr) return Result::ref(js::undefined());
    const JsonScope element(item);
    Result result = eval_node(*logic, Env{element, env.budget});
    if (result.unknown && !unknown) unknown = Result::unknown_of(result.missing, reads);
    return result;
  };
  const auto test = [&](const Json& item) { return truthy(apply(item).json()); };

  switch (node.op) {
    case Op::map: {
      Json out = Json::array();
      if (array != nullptr) {
        for (const Json& item : *array) {
          if (env.budget.spent()) break;
          out.push_back(apply(item).take());
        }
      }
      return unknown ? *unknown : Result::of(std::move(out), reads);
    }
    case Op::filter: {
      Json out = Json::array();
      if (array != nullptr) {
        for (const Json& item : *array) {
          if (env.budget.spent()) break;
          if (test(item)) out.push_back(item);
        }
      }
      return unknown ? *unknown : Result::of(std::move(out), reads);
    }
    default:
      break;
  }
  // all, none, some: an empty or non-array collection gives all false, none true, some false.
  const bool looking_for = node.op != Op::all;  // the value that stops the walk
  bool stopped = false;
  if (array != nullptr) {
    for (const Json& item : *array) {
      if (env.budget.spent()) break;
      if (test(item) == looking_for) {
        stopped = true;
        break;
      }
    }
  }
  if (unknown) return *unknown;
  const bool empty = array == nullptr || array->empty();
  switch (node.op) {
    case Op::all:
      return Result::of(!empty && !stopped, reads);
    case Op::none:
      return Result::of(!stopped, reads);
    default:
      return Result::of(stopped, reads);
  }
}

Result reduce(const Node& node, const Env& env) {
  Result items = node.args.empty() ? Result::ref(js::undefined()) : eval_node(node.args[0], env);
  if (items.unknown) return items;
  Result initial = node.args.size() > 2 ? eval_node(node.args[2], env) : Result::ref(null_json());
  const SymbolMask reads = items.reads | initial.reads;
  if (initial.unknown) return Result::unknown_of(initial.missing, reads);
  const Json::array_t* array = items.json().get_ptr<const Json::array_t*>();
  if (array == nullptr) return Result::of(initial.take(), reads);
  // The data seen by the logic: {"current": element, "accumulator": value so far}.
  Json data = Json::object();
  Json& current = data["current"];
  Json& accumulator = data["accumulator"];
  accumulator = initial.take();
  const Node* logic = node.args.size() > 1 ? &node.args[1] : nullptr;
  const JsonScope step(data);
  for (const Json& item : *array) {
    if (!env.budget.step()) break;
    current = item;
    if (logic == nullptr) {
      accumulator = js::undefined();
      continue;
    }
    Result next = eval_node(*logic, Env{step, env.budget});
    if (next.unknown) return Result::unknown_of(next.missing, reads);
    accumulator = next.take();
  }
  return Result::of(std::move(accumulator), reads);
}

Result array(const Node& node, const Env& env) {
  Json out = Json::array();
  out.get_ptr<Json::array_t*>()->reserve(node.args.size());
  bool unknown = false;
  SymbolMask missing = 0;
  SymbolMask reads = 0;
  for (const Node& element : node.args) {
    Result value = eval_node(element, env);
    unknown = unknown || value.unknown;
    missing |= value.missing;
    reads |= value.reads;
    if (!unknown) out.push_back(value.take());
  }
  if (unknown) return Result::unknown_of(missing, reads);
  return Result::of(std::move(out), reads);
}

Json substring(const Json& source, const Json& start, const Json& length) {
  const std::string text = js::to_string(source);
  if (js::less_than(length, Json(0))) {
    // json-logic-js emulates PHP here: a negative length drops that many characters at the end.
    const std::string tail = js::substr(text, start, js::undefined());
    return js::substr(tail, Json(0), js::add(Json(js::utf16_length(tail)), length));
  }
  return js::substr(text, start, length);
}

Json concatenate(const std::vector<Result>& values) {
  std::string out;
  for (const Result& value : values) {
    if (!js::is_nullish(value.json())) js::append_to_string(out, value.json());
  }
  return out;
}

Json sum(const std::vector<Result>& values) {
  double total = 0;
  for (const Result& value : values) total += js::parse_float(value.json());
  return js::number(total);
}

Json merge(const std::vector<Result>& values) {
  Json out = Json::array();
  for (const Result& value : values) {
    if (value.json().is_array()) {
      for (const Json& element : *value.json().get_ptr<const Json::array_t*>()) {
        out.push_back(element);
      }
    } else {
      out.push_back(value.json());
    }
  }
  return out;
}

// Math.max / Math.min: NaN if any operand is, -Infinity / Infinity without operands, and +0 is
// greater than -0.
Json extremum(const std::vector<Result>& values, bool is_max) {
  double best =
      is_max ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  bool nan = false;
  for (const Result& value : values) {
    const double x = js::to_number(value.json());
    if (std::isnan(x)) {
      nan = true;
    } else if (is_max ? (x > best || (x == best && !std::signbit(x)))
                      : (x < best || (x == best && std::signbit(x)))) {
      best = x;
    }
  }
  return js::number(nan ? std::numeric_limits<double>::quiet_NaN() : best);
}

// `*` is a reduce without initial value: one operand comes back unchanged, none would throw in
// JavaScript (we answer null).
Result multiply(const Node& node, const Env& env) {
  AllOperands operands = evaluate_all(node, env);
  if (operands.unknown) return Result::unknown_of(operands.missing, operands.reads);
  if (operands.values.empty()) return Result::ref(null_json());
  if (operands.values.size() == 1) {
    Result only = std::move(operands.values[0]);
    return only;
  }
  double product = js::parse_float(operands.values[0].json());
  for (std::size_t i = 1; i < operands.values.size(); ++i) {
    // Each step parses the running product again (parseFloat turns -0 into 0).
    product = (product == 0 ? 0.0 : product) * js::parse_float(operands.values[i].json());
  }
  return Result::of(js::number(product), operands.reads);
}

Result dispatch(const Node& node, const Env& env) {
  using Two = Operands<2>;
  switch (node.op) {
    case Op::literal:
      return Result::ref(node.literal);
    case Op::array:
      return array(node, env);
    case Op::var:
      return var(node, env);
    case Op::missing:
      return missing(node, env);
    case Op::missing_some:
      return missing_some(node, env);
    case Op::if_:
      return if_then_else(node, env);
    case Op::and_:
      return and_or(node, env, false);
    case Op::or_:
      return and_or(node, env, true);
    case Op::map:
    case Op::filter:
    case Op::all:
    case Op::none:
    case Op::some:
      return iterate(node, env);
    case Op::reduce:
      return reduce(node, env);
    case Op::log: {
      // Returns its operand; printing is the host's business, not the core's.
      Operands<1> operands = evaluate_operands<1>(node, env);
      return std::move(operands.values[0]);
    }
    case Op::equal:
      return strict<2>(node, env, [](const Two& o) { return Json(js::loose_equal(o[0], o[1])); });
    case Op::not_equal:
      return strict<2>(node, env, [](const Two& o) { return Json(!js::loose_equal(o[0], o[1])); });
    case Op::strict_equal:
      return strict<2>(node, env, [](const Two& o) { return Json(js::strict_equal(o[0], o[1])); });
    case Op::strict_not_equal:
      return strict<2>(node, env, [](const Two& o) { return Json(!js::strict_equal(o[0], o[1])); });
    case Op::not_:
      return strict<1>(node, env, [](const Operands<1>& o) { return Json(!truthy(o[0])); });
    case Op::not_not:
      return strict<1>(node, env, [](const Operands<1>& o) { return Json(truthy(o[0])); });
    case Op::less:
      return strict<3>(node, env, [](const Operands<3>& o) {
        const bool first = js::less_than(o[0], o[1]);
        return Json(js::is_undefined(o[2]) ? first : first && js::less_than(o[1], o[2]));
      });
    case Op::less_equal:
      return strict<3>(node, env, [](const Operands<3>& o) {
        const bool first = js::less_equal(o[0], o[1]);
        return Json(js::is_undefined(o[2]) ? first : first && js::less_equal(o[1], o[2]));
      });
    case Op::greater:
      return strict<2>(node, env, [](const Two& o) { return Json(js::less_than(o[1], o[0])); });
    case Op::greater_equal:
      return strict<2>(node, env, [](const Two& o) { return Json(js::less_equal(o[1], o[0])); });
    case Op::max:
      return strict_all(node, env, [](const std::vector<Result>& v) { return extremum(v, true); });
    case Op::min:
      return strict_all(node, env, [](const std::vector<Result>& v) { return extremum(v, false); });
    case Op::add:
      return strict_all(node, env, sum);
    case Op::subtract:
      return strict<2>(node, env, [](const Two& o) {
        if (js::is_undefined(o[1])) return js::number(-js::to_number(o[0]));
        return js::number(js::to_number(o[0]) - js::to_number(o[1]));
      });
    case Op::multiply:
      return multiply(node, env);
    case Op::divide:
      return strict<2>(node, env, [](const Two& o) {
        return js::number(js::to_number(o[0]) / js::to_number(o[1]));
      });
    case Op::modulo:
      return strict<2>(node, env, [](const Two& o) {
        return js::number(std::fmod(js::to_number(o[0]), js::to_number(o[1])));
      });
    case Op::merge:
      return strict_all(node, env, merge);
    case Op::in:
      return strict<2>(node, env, [](const Two& o) { return Json(contains(o[0], o[1])); });
    case Op::cat:
      return strict_all(node, env, concatenate);
    case Op::substr:
      return strict<3>(node, env, [](const Operands<3>& o) { return substring(o[0], o[1], o[2]); });
  }
  return Result::ref(js::undefined());
}

// Every operation takes a step, and every value it gives is charged: the work of any operation is
// linear in its operands, so the budget bounds the time and the memory of the whole evaluation.
Result eval_node(const Node& node, const Env& env) {
  if (!env.budget.step()) return Result::ref(js::undefined());
  Result result = dispatch(node, env);
  if (!result.unknown) env.budget.charge(result.json());
  return result;
}

}  // namespace

namespace {

// Whether `text` holds `pattern`, in time linear in both (Knuth-Morris-Pratt): std::string::find
// and the standard searchers can take the product of the lengths, which hostile data can make huge.
bool holds(std::string_view text, std::string_view pattern) {
  if (pattern.empty()) return true;
  if (pattern.size() > text.size()) return false;
  std::vector<std::size_t> border(pattern.size(), 0);  // longest proper border of each prefix
  for (std::size_t i = 1, k = 0; i < pattern.size(); ++i) {
    while (k > 0 && pattern[i] != pattern[k]) k = border[k - 1];
    if (pattern[i] == pattern[k]) ++k;
    border[i] = k;
  }
  for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != pattern[k]) k = border[k - 1];
    if (text[i] == pattern[k]) ++k;
    if (k == pattern.size()) return true;
  }
  return false;
}

}  // namespace

bool contains(const Json& needle, const Json& haystack) {
  if (!js::to_boolean(haystack)) return false;
  if (haystack.is_string()) {
    return holds(*haystack.get_ptr<const Json::string_t*>(), js::to_string(needle));
  }
  if (haystack.is_array()) {
    for (const Json& element : *haystack.get_ptr<const Json::array_t*>()) {
      if (js::strict_equal(element, needle)) return true;
    }
  }
  return false;  // other values have no indexOf
}

Value Expression::evaluate(const Scope& scope, Budget& budget) const {
  if (!root_) return Value::known(nullptr);
  Result result = eval_node(*root_, Env{scope, budget});
  if (budget.spent()) return Value::unknown_of(0);
  if (result.unknown) return Value::unknown_of(result.missing, result.reads);
  Json json = result.take();
  js::normalise(json);
  return Value::known(std::move(json), result.reads);
}

}  // namespace pdp::logic
