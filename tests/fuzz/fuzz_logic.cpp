// Fuzz target: the JsonLogic engine on any [rule, data] text (or a bare rule over {}).
// Invariants: compiling fails only on an unknown operator, at a path inside the rule; the paths
// that rule validation reads point at what they name; an evaluation ends within its budget and
// gives the same result with a bigger one; with one datum unknown, an unknown result depends on
// it alone and a known result never claims to have read it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/json_text.hpp"
#include "core/limits.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/javascript.hpp"
#include "core/logic/scope.hpp"
#include "invariants.hpp"

namespace {

using pdp::fuzz::expect;
using pdp::logic::Budget;
using pdp::logic::Json;
using pdp::logic::Value;

// The data, except that "u" (and anything under it, and the whole data) is still unknown: what
// an unanswered question is to the rules.
class OneUnknown final : public pdp::logic::Scope {
 public:
  static constexpr pdp::logic::SymbolMask kUnknown = 1;

  explicit OneUnknown(const Json& data) : known_(data) {}

  std::optional<Value> lookup(const Json& name) const override {
    const std::string text = name.is_string()                   ? name.get<std::string>()
                             : pdp::logic::js::is_nullish(name) ? std::string()
                                                                : pdp::logic::js::to_string(name);
    if (text.empty() || text == "u" || text.rfind("u.", 0) == 0) return Value::unknown_of(kUnknown);
    return known_.lookup(name);
  }

 private:
  pdp::logic::JsonScope known_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(bytes), size);
  const auto input =
      pdp::parse_json_text(text, "logic.invalid_json", "RULE",
                           {"logic", "RULE", pdp::limits::kLogicBytes, pdp::limits::kLogicDepth});
  if (!input) {
    pdp::fuzz::expect_error({{"code", input.error().code},
                             {"message", input.error().message},
                             {"path", input.error().path}},
                            {"logic."}, text.substr(0, 2000));
    return 0;
  }
  const Json& given = input.value();
  const bool paired = given.is_array() && !given.empty() && given.size() <= 3;
  const Json& rule = paired ? given[0] : given;
  const Json data = paired && given.size() > 1 ? given[1] : Json::object();
  const Json context = {{"rule", rule}, {"data", data}};

  const auto compiled = pdp::logic::Expression::compile(rule);
  if (!compiled) {
    expect(compiled.error().code == "logic.unknown_operator", "only operators fail to compile",
           context);
    const std::string& path = compiled.error().path;
    expect(pdp::fuzz::points_into(rule, path), "a compile error points into the rule", context);
    const Json& operation = rule.at(Json::json_pointer(path));
    expect(operation.is_object() && operation.size() == 1, "it points at an operation", context);
    return 0;
  }
  const pdp::logic::Expression& expression = compiled.value();

  for (const auto& use : expression.vars()) {
    expect(pdp::fuzz::points_into(rule, use.path), "a var's path points into the rule", context);
    const Json& var = rule.at(Json::json_pointer(use.path));
    expect(var.is_object() && var.contains("var"), "a var's path points at a var", context);
  }
  for (const auto& comparison : expression.comparisons()) {
    expect(pdp::fuzz::points_into(rule, comparison.path), "a comparison's path points into it",
           context);
  }

  // A small budget keeps the fuzzer fast; what fits in it must not change with a bigger one.
  const auto small = expression.apply(data, Budget(20'000, 2 << 20));
  if (!small) {
    expect(small.error().code == "logic.too_costly", "evaluating fails only on its budget",
           context);
    expect(!small.error().message.empty(), "the budget's error says why", context);
  } else {
    const auto full = expression.apply(data);
    expect(full.ok() && full.value() == small.value(), "a bigger budget gives the same result",
           context);
    const Json reread =
        Json::parse(small->dump(-1, ' ', false, Json::error_handler_t::replace), nullptr, false);
    expect(!reread.is_discarded(), "a result serialises as JSON", context);
  }

  Budget budget(20'000, 2 << 20);
  const Value partial = expression.evaluate(OneUnknown(data), budget);
  if (budget.spent()) return 0;
  if (partial.unknown) {
    expect(partial.missing == OneUnknown::kUnknown, "an unknown result depends on the unknown",
           context);
  } else {
    expect((partial.reads & OneUnknown::kUnknown) == 0, "a known result never read the unknown",
           context);
  }
  return 0;
}
