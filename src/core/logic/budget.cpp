// Measuring values for the budget: linear in their size, and never deeper than the limit.
#include "core/logic/budget.hpp"

#include "core/decimal_text.hpp"

namespace pdp::logic {
namespace {

constexpr std::uint64_t kValueUnits = Budget::kValueUnits;

// Adds the units of `value` to `total`; false if it nests deeper than `depth_left`.
bool measure(const Json& value, std::size_t depth_left, std::uint64_t& total) {
  total += kValueUnits;
  if (value.is_string()) {
    total += value.get_ptr<const Json::string_t*>()->size();
    return true;
  }
  if (!value.is_structured()) return true;
  if (depth_left == 0) return false;
  if (value.is_array()) {
    for (const Json& element : *value.get_ptr<const Json::array_t*>()) {
      if (!measure(element, depth_left - 1, total)) return false;
    }
    return true;
  }
  for (const auto& [key, member] : *value.get_ptr<const Json::object_t*>()) {
    total += key.size();
    if (!measure(member, depth_left - 1, total)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::uint64_t> Budget::units_of(const Json& value) {
  std::uint64_t units = 0;
  if (!measure(value, kValueDepth, units)) return std::nullopt;
  return units;
}

bool Budget::charge_structured(const Json& value) {
  if (spent_ != Spent::no) return false;
  std::uint64_t units = 0;
  if (!measure(value, kValueDepth, units)) {
    spent_ = Spent::depth;
    return false;
  }
  return take_units(units);
}

std::string Budget::reason() const {
  switch (spent_) {
    case Spent::steps:
      return "needs more than " + decimal_text(steps_limit_) + " operations";
    case Spent::units:
      return "reads or builds more than " + decimal_text(units_limit_) + " bytes of values in all";
    case Spent::depth:
      return "builds values nested more than " + decimal_text(kValueDepth) + " levels deep";
    case Spent::no:
      break;
  }
  return "is within its budget";
}

}  // namespace pdp::logic
