// Decimal text to binary numbers and back, exactly (IEEE 754 doubles, round half to even), without
// the C library's strtod and printf: the page's module would carry them and their 128-bit long
// double arithmetic (10 KB brotli), and the results must be JavaScript's to the last bit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pdp::logic {

// Length of the longest prefix of `text` that is a decimal literal, [+-] digits [. digits]
// [(e|E) [+-] digits] or [+-] . digits [...]; 0 when there is none. An exponent without digits is
// left out of the prefix.
std::size_t decimal_prefix(std::string_view text);

// The double nearest to a decimal literal (the whole of `literal` is one, see decimal_prefix):
// ties to even, beyond the largest double infinity, below the smallest half subnormal zero.
double decimal_to_double(std::string_view literal);

// A positive finite double as the fewest significant digits that read back as it, the nearest
// to it when several do (ECMAScript's Number::toString): value = 0.digits × 10^point.
struct ShortestDecimal {
  std::string digits;  // no leading or trailing zero
  int point = 0;
};
ShortestDecimal shortest_decimal(double positive);

}  // namespace pdp::logic
