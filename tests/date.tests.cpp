// Calendar dates as the requests and rules write them.
#include <catch2/catch.hpp>

#include "core/date.hpp"

TEST_CASE("a date must be a real day written YYYY-MM-DD", "[date]") {
  const auto [text, valid] = GENERATE(table<const char*, bool>({
      {"2026-11-23", true},
      {"2024-02-29", true},
      {"2026-02-29", false},
      {"2100-02-29", false},
      {"2000-02-29", true},
      {"2026-13-01", false},
      {"2026-04-31", false},
      {"23/11/2026", false},
      {"2026-1-23", false},
      {"2026-11-23T00:00", false},
      {"+026-11-23", false},
      {"", false},
  }));
  DYNAMIC_SECTION('"' << text << '"' << (valid ? " is a date" : " is not a date")) {
    CHECK(pdp::Date::parse(text).has_value() == valid);
  }
}

TEST_CASE("dates compare in calendar order and print back as written", "[date]") {
  const auto a = *pdp::Date::parse("2022-12-31");
  const auto b = *pdp::Date::parse("2023-01-01");
  CHECK(a < b);
  CHECK_FALSE(b < a);
  CHECK(a <= a);
  CHECK(a.iso() == "2022-12-31");
}
