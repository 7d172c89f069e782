// What evaluations may spend, so that a hostile expression (or hostile data) costs bounded time
// and memory: a number of operations, and work units for the values read and built.
#pragma once

#include <cstdint>
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
  // False once the budget is spent, and for a value nested deeper than kValueDepth.
  bool charge(const Json& value);

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

  std::uint64_t steps_limit_ = kSteps;
  std::uint64_t units_limit_ = kUnits;
  std::uint64_t steps_ = kSteps;
  std::uint64_t units_ = kUnits;
  Spent spent_ = Spent::no;
  std::string where_;
};

}  // namespace pdp::logic
