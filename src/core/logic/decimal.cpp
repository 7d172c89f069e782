// Exact conversions with BigNatural: the value of a double is m × 2^q, of a decimal D × 10^E;
// comparing the two is comparing two products of natural numbers.
#include "core/logic/decimal.hpp"

#include <cstdint>
#include <cstring>
#include <limits>

#include "core/decimal_text.hpp"
#include "core/logic/big_natural.hpp"

namespace pdp::logic {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::uint64_t bits_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

double double_of(std::uint64_t bits) {
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// A positive finite double as m × 2^q, m an integer below 2^53.
struct Binary {
  std::uint64_t m;
  int q;
};
Binary binary_of(double value) {
  const std::uint64_t bits = bits_of(value);
  const int biased = static_cast<int>((bits >> 52) & 0x7ff);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased == 0) return {fraction, -1074};
  return {fraction | (std::uint64_t{1} << 52), biased - 1075};
}

// A decimal as digits D (no leading zero) and E: D × 10^E.
struct Decimal {
  std::string digits;
  int exponent = 0;
};

// Digits beyond these only decide on which side of a midpoint the value is: a midpoint between two
// doubles has at most 768 significant digits, so a nonzero tail can stand as one '1'.
constexpr std::size_t kKeptDigits = 800;

Decimal read_literal(std::string_view literal, bool& negative) {
  std::size_t i = 0;
  negative = false;
  if (i < literal.size() && (literal[i] == '+' || literal[i] == '-'))
    negative = literal[i++] == '-';
  Decimal decimal;
  bool dropped_nonzero = false;
  long long exponent = 0;
  auto take = [&](char c) {
    if (decimal.digits.empty() && c == '0') return;  // leading zero
    if (decimal.digits.size() < kKeptDigits) {
      decimal.digits += c;
    } else {
      ++exponent;
      dropped_nonzero = dropped_nonzero || c != '0';
    }
  };
  for (; i < literal.size() && is_digit(literal[i]); ++i) take(literal[i]);
  if (i < literal.size() && literal[i] == '.') {
    for (++i; i < literal.size() && is_digit(literal[i]); ++i) {
      if (!decimal.digits.empty() || literal[i] != '0') take(literal[i]);
      --exponent;
    }
  }
  if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) {
    ++i;
    bool minus = false;
    if (i < literal.size() && (literal[i] == '+' || literal[i] == '-')) minus = literal[i++] == '-';
    long long written = 0;
    for (; i < literal.size() && is_digit(literal[i]); ++i) {
      if (written < 100000000)
        written = written * 10 + (literal[i] - '0');  // far beyond any double
    }
    exponent += minus ? -written : written;
  }
  if (dropped_nonzero) {
    decimal.digits += '1';
    --exponent;
  }
  // Bounded so that the products below stay small; beyond these the value is 0 or infinite anyway.
  if (exponent > 100000) exponent = 100000;
  if (exponent < -100000) exponent = -100000;
  decimal.exponent = static_cast<int>(exponent);
  return decimal;
}

// -1, 0 or 1 as D × 10^E is below, at or above M × 2^t.
int compare_exactly(const Decimal& decimal, std::uint64_t m, int t) {
  BigNatural left = BigNatural::from_digits(decimal.digits);
  BigNatural right(m);
  left.times_power_of_10(decimal.exponent > 0 ? decimal.exponent : 0);
  right.times_power_of_10(decimal.exponent < 0 ? -decimal.exponent : 0);
  left.times_power_of_2(t < 0 ? -t : 0);
  right.times_power_of_2(t > 0 ? t : 0);
  return compare(left, right);
}

// A first guess within a few units in the last place: 19 digits, then exact powers of ten.
double estimate(const Decimal& decimal) {
  std::uint64_t leading = 0;
  const std::size_t used = decimal.digits.size() < 19 ? decimal.digits.size() : 19;
  for (std::size_t i = 0; i < used; ++i)
    leading = leading * 10 + static_cast<std::uint64_t>(decimal.digits[i] - '0');
  int exponent = decimal.exponent + static_cast<int>(decimal.digits.size() - used);
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  double value = static_cast<double>(leading);
  // Exact while the digits and the power are exact (below 2^53 and 10^22): then this is the answer.
  for (; exponent > 22 && value != 0 && value < 1e308; exponent -= 22) value *= 1e22;
  for (; exponent < -22 && value != 0; exponent += 22) value /= 1e22;
  value =
      exponent >= 0 ? value * kPowers[exponent > 22 ? 22 : exponent] : value / kPowers[-exponent];
  return value;
}

constexpr double kLargest = std::numeric_limits<double>::max();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

std::size_t decimal_prefix(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && is_digit(text[j])) {
      while (j < text.size() && is_digit(text[j])) ++j;
      i = j;
    }
  }
  return i;
}

double decimal_to_double(std::string_view literal) {
  bool negative = false;
  const Decimal decimal = read_literal(literal, negative);
  const double sign = negative ? -1.0 : 1.0;
  if (decimal.digits.empty()) return sign * 0.0;
  const long long magnitude = static_cast<long long>(decimal.digits.size()) + decimal.exponent;
  if (magnitude > 310) return sign * kInfinity;  // at least 10^309
  if (magnitude < -324) return sign * 0.0;       // below 10^-325, under half the least subnormal
  if (decimal.digits.size() <= 15 && decimal.exponent >= -22 && decimal.exponent <= 22) {
    return sign * estimate(decimal);  // exact operands, one correctly rounded operation
  }

  double value = estimate(decimal);
  if (value > kLargest) value = kLargest;
  if (value == 0) value = double_of(1);  // the least subnormal
  // Step by one unit in the last place until the decimal lies between the midpoints around value.
  for (;;) {
    const Binary at = binary_of(value);
    // Above the midpoint with the next double up (or the overflow threshold above the largest).
    const int above = compare_exactly(decimal, 2 * at.m + 1, at.q - 1);
    if (above > 0 || (above == 0 && at.m % 2 == 1)) {
      if (value == kLargest) return sign * kInfinity;
      value = double_of(bits_of(value) + 1);
      if (above == 0) return sign * value;  // a tie goes to the even neighbour
      continue;
    }
    // Below the midpoint with the next double down (0 below the least subnormal).
    const double below_value = double_of(bits_of(value) - 1);
    const Binary below = below_value > 0 ? binary_of(below_value) : Binary{0, at.q};
    const int shift = at.q - below.q;  // 0, or 1 where the spacing halves at a power of two
    const int under = compare_exactly(decimal, (at.m << shift) + below.m, below.q - 1);
    if (under < 0 || (under == 0 && at.m % 2 == 1)) {
      value = below_value;
      if (under == 0 || value == 0) return sign * value;
      continue;
    }
    return sign * value;
  }
}

ShortestDecimal shortest_decimal(double positive) {
  // The exact value, m × 2^q, as decimal digits and the place of the point.
  const Binary at = binary_of(positive);
  BigNatural exact(at.m);
  int point = 0;
  if (at.q >= 0) {
    exact.times_power_of_2(at.q);
  } else {
    exact.times_power_of_5(-at.q);  // m × 2^q = m × 5^-q × 10^q
    point = at.q;
  }
  const std::string digits = exact.digits();
  point += static_cast<int>(digits.size());

  // The fewest digits, rounded half to even, that read back as the same double.
  for (std::size_t count = 1;; ++count) {
    ShortestDecimal candidate{digits.substr(0, count), point};
    if (count < digits.size()) {
      const char next = digits[count];
      const bool rest_nonzero = digits.find_first_not_of('0', count + 1) != std::string::npos;
      const bool odd = (candidate.digits.back() - '0') % 2 == 1;
      if (next > '5' || (next == '5' && (rest_nonzero || odd))) {
        std::size_t i = candidate.digits.size();
        while (i > 0 && candidate.digits[i - 1] == '9') candidate.digits[--i] = '0';
        if (i == 0) {
          candidate.digits.insert(candidate.digits.begin(), '1');
          candidate.digits.pop_back();
          ++candidate.point;
        } else {
          ++candidate.digits[i - 1];
        }
      }
    }
    const std::size_t last = candidate.digits.find_last_not_of('0');
    candidate.digits.erase(last + 1);
    const std::string literal = "0." + candidate.digits + "e" + decimal_text(candidate.point);
    if (count >= digits.size() || decimal_to_double(literal) == positive) return candidate;
  }
}

}  // namespace pdp::logic
