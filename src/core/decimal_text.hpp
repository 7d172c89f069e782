// A whole number written in decimal, as std::to_string writes it. The core's own, so that the
// page's module carries less of libc++'s number formatting (157 bytes brotli; nlohmann::json's
// messages still call std::to_string).
#pragma once

#include <string>
#include <type_traits>

namespace pdp {

// Appends the digits of `value` to `out`.
void append_decimal(std::string& out, unsigned long long value);

template <typename Integer>
std::string decimal_text(Integer value) {
  static_assert(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>);
  std::string out;
  if constexpr (std::is_signed_v<Integer>) {
    if (value < 0) {
      out += '-';
      // The magnitude as unsigned: -LLONG_MIN does not fit a long long.
      append_decimal(out, 0ull - static_cast<unsigned long long>(value));
      return out;
    }
  }
  append_decimal(out, static_cast<unsigned long long>(value));
  return out;
}

}  // namespace pdp
