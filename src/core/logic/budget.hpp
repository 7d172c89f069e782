// What evaluations may spend, so that a hostile expression (or hostile data) costs bounded time
// and memory: a number of operations, and work units for the values read and built.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/logic/value.hpp"

namespace pdp::logic {

class Budget {
 public:
  // A fraction of a second natively; the costliest assessment of the shipped rules spends under
  // 0.2 % of it (bench/pdp_bench prints how much).
  static constexpr std::uint64_t kSteps = 1'000'000;
  static constexpr std::uint64_t kUnits = std::uint64_t{32} << 20;
  // Values built deeper than this (a `reduce` can nest without end) would break recursive code.
  static constexpr std::size_t kValueDepth = 512;
  // The units of any value, besides one per byte of its texts.
  static constexpr std::uint64_t kValueUnits = 16;

  Budget() = default;
  Budget(std::uint64_t steps, std::uint64_t units)
      : steps_limit_(steps), units_limit_(units), steps_(steps), units_(units) {}

  // Takes one operation; false once the budget is spent.
  bool step() {
    if (spent_ != Spent::no) return false;
    if (steps_ == 0) {
      spent_ = Spent::steps;
      return false;
    }
    --steps_;
    return true;
  }

  // Takes the size of a value read or built: about one unit per byte of its text, 16 per value.
  // False once the budget is spent, and for a value nested deeper than kValueDepth. Inline for
  // the scalars every condition reads and gives.
  bool charge(const Json& value) {
    if (value.is_structured()) return charge_structured(value);
    std::uint64_t units = kValueUnits;
    if (value.is_string()) units += value.get_ptr<const Json::string_t*>()->size();
    return take_units(units);
  }

  // The units charge(value) would take, or nothing when `value` nests deeper than kValueDepth.
  static std::optional<std::uint64_t> units_of(const Json& value);
  // Takes units measured beforehand (units_of): what charge() would do, without measuring again.
  bool take_units(std::uint64_t units) {
    if (spent_ != Spent::no) return false;
    if (units > units_) {
      units_ = 0;
      spent_ = Spent::units;
      return false;
    }
    units_ -= units;
    return true;
  }

  // Takes what an earlier evaluation spent (steps_used and units_used before and after it), when
  // both fit; else takes nothing and returns false (the caller evaluates again, and the budget
  // stops where it would have).
  bool spend(std::uint64_t steps, std::uint64_t units) {
    if (spent_ != Spent::no || steps > steps_ || units > units_) return false;
    steps_ -= steps;
    units_ -= units;
    return true;
  }

  bool spent() const { return spent_ != Spent::no; }
  std::uint64_t steps_used() const { return steps_limit_ - steps_; }
  std::uint64_t units_used() const { return units_limit_ - units_; }

  // Why it is spent, for a message: "more than … operations"...
  std::string reason() const;

  // The first caller that saw the budget spent may say where (a rule's path), for the message.
  void blame(const std::string& where) {
    if (spent() && where_.empty()) where_ = where;
  }
  const std::string& where() const { return where_; }

 private:
  enum class Spent : std::uint8_t { no, steps, units, depth };

  bool charge_structured(const Json& value);

  std::uint64_t steps_limit_ = kSteps;
  std::uint64_t units_limit_ = kUnits;
  std::uint64_t steps_ = kSteps;
  std::uint64_t units_ = kUnits;
  Spent spent_ = Spent::no;
  std::string where_;
};

}  // namespace pdp::logic
