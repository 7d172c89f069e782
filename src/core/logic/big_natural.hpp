// Natural numbers of any size, for exact conversions between binary and decimal numbers: only
// what those need (products by powers of 2, 5 and 10, comparison, decimal digits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pdp::logic {

class BigNatural {
 public:
  explicit BigNatural(std::uint64_t value = 0);
  static BigNatural from_digits(std::string_view digits);  // decimal digits, most significant first

  BigNatural& times_power_of_2(int exponent);
  BigNatural& times_power_of_5(int exponent);
  BigNatural& times_power_of_10(int exponent);

  std::string digits() const;  // decimal, no leading zero ("0" for zero)
  friend int compare(const BigNatural& a, const BigNatural& b);  // -1, 0 or 1

 private:
  void times(std::uint32_t factor);
  std::vector<std::uint32_t> limbs_;  // base 10^9, least significant first, no leading zero limb
};

}  // namespace pdp::logic
