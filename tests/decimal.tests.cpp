// Decimal text to doubles and back without the C library (the page's module has neither strtod
// nor printf): natively, every result is compared with glibc's, which rounds exactly.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "core/logic/decimal.hpp"

using pdp::logic::decimal_to_double;
using pdp::logic::shortest_decimal;

namespace {

double from_bits(std::uint64_t bits) {
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Random finite positive doubles spread over every exponent, subnormals included.
double random_double(std::mt19937_64& random) {
  for (;;) {
    const double value = from_bits(random() & 0x7fffffffffffffffULL);
    if (std::isfinite(value) && value > 0) return value;
  }
}

// The decimal literal of `value` with `digits` significant digits, as printf rounds it.
std::string printed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
  return buffer;
}

}  // namespace

TEST_CASE("decimal literals read as the nearest double, as strtod reads them", "[decimal]") {
  const std::string literal =
      GENERATE(as<std::string>{}, "0", "-0", "1", "0.1", "0.3", "1e23", "9007199254740993",
               "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324",
               "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
               "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "1e-400", "123.456e-2",
               ".5", "5.", "-.25e+2", "0.000000000000000000000000000000000000001",
               "17976931348623158079372897140530341507993413271003782693617377898044496829276475094"
               "66490179775872070963302864166928879109465555478519404026306574886715058206819089020"
               "00708383676273854845817711531764475730270069855571366959622842914819860834936475292"
               "719074168444365510704342711559699508093042880177904174497791."
               "9999999999999999999999999999999999999999999999999999999999999999999999",
               "4.35679719856077856111934454685632e-310", "9.8813129168249309e-324");
  CAPTURE(literal);
  CHECK(same_bits(decimal_to_double(literal), std::strtod(literal.c_str(), nullptr)));
}

TEST_CASE("a tie between two doubles goes to the even one", "[decimal]") {
  // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2; 2^53 + 3 between 2^53 + 2 and 2^53 + 4.
  CHECK(decimal_to_double("9007199254740993") == 9007199254740992.0);
  CHECK(decimal_to_double("9007199254740995") == 9007199254740996.0);
  // The same with a long tail of zeros, and just above the tie.
  CHECK(decimal_to_double("9007199254740993.000000000000000000000000") == 9007199254740992.0);
  CHECK(decimal_to_double("9007199254740993.000000000000000000000001") == 9007199254740994.0);
}

TEST_CASE("the digits of random doubles at every precision read back as strtod reads them",
          "[decimal]") {
  std::mt19937_64 random(20261203);
  for (int i = 0; i < 20000; ++i) {
    const double value = random_double(random);
    for (int digits : {1, 5, 15, 16, 17, 18, 25}) {
      const std::string literal = printed(value, digits);
      INFO(literal);
      REQUIRE(same_bits(decimal_to_double(literal), std::strtod(literal.c_str(), nullptr)));
    }
  }
}

TEST_CASE("random decimal literals, long and short, read as strtod reads them", "[decimal]") {
  std::mt19937_64 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string literal = std::to_string(random() % 1000000007);
    const int length = static_cast<int>(random() % 40);
    for (int d = 0; d < length; ++d) literal += static_cast<char>('0' + random() % 10);
    literal += "e" + std::to_string(static_cast<int>(random() % 700) - 360);
    INFO(literal);
    REQUIRE(same_bits(decimal_to_double(literal), std::strtod(literal.c_str(), nullptr)));
  }
}

TEST_CASE("the shortest digits of a double are printf's at the first precision that reads back",
          "[decimal]") {
  std::mt19937_64 random(42);
  for (int i = 0; i < 20000; ++i) {
    const double value = i < 1000 ? (i + 1) / 10.0 : random_double(random);
    std::string expected;
    int point = 0;
    for (int digits = 1; digits <= 17; ++digits) {
      const std::string literal = printed(value, digits);
      if (std::strtod(literal.c_str(), nullptr) != value) continue;
      for (char c : literal.substr(0, literal.find('e'))) {
        if (c != '.') expected += c;
      }
      point = std::atoi(literal.c_str() + literal.find('e') + 1) + 1;
      break;
    }
    while (expected.size() > 1 && expected.back() == '0') expected.pop_back();
    const auto shortest = shortest_decimal(value);
    INFO(printed(value, 17));
    REQUIRE(shortest.digits == expected);
    REQUIRE(shortest.point == point);
  }
}

TEST_CASE("the extremes of the doubles have their shortest digits", "[decimal]") {
  CHECK(shortest_decimal(std::numeric_limits<double>::max()).digits == "17976931348623157");
  CHECK(shortest_decimal(std::numeric_limits<double>::max()).point == 309);
  CHECK(shortest_decimal(std::numeric_limits<double>::denorm_min()).digits == "5");
  CHECK(shortest_decimal(std::numeric_limits<double>::denorm_min()).point == -323);
  CHECK(shortest_decimal(0.1).digits == "1");
  CHECK(shortest_decimal(0.1).point == 0);
  CHECK(shortest_decimal(1e21).digits == "1");
  CHECK(shortest_decimal(1e21).point == 22);
}
