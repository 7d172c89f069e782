// Calendar dates as the requests and rules write them.
#include <catch2/catch.hpp>

#include "core/date.hpp"

TEST_CASE("a date must be a real day written YYYY-MM-DD", "[date]") {
  CHECK(pdp::Date::parse("2026-11-23").has_value());
  CHECK(pdp::Date::parse("2024-02-29").has_value());
  CHECK_FALSE(pdp::Date::parse("2026-02-29").has_value());
  CHECK_FALSE(pdp::Date::parse("2100-02-29").has_value());
  CHECK(pdp::Date::parse("2000-02-29").has_value());
  CHECK_FALSE(pdp::Date::parse("2026-13-01").has_value());
  CHECK_FALSE(pdp::Date::parse("2026-04-31").has_value());
  CHECK_FALSE(pdp::Date::parse("23/11/2026").has_value());
  CHECK_FALSE(pdp::Date::parse("2026-1-23").has_value());
  CHECK_FALSE(pdp::Date::parse("2026-11-23T00:00").has_value());
  CHECK_FALSE(pdp::Date::parse("+026-11-23").has_value());
  CHECK_FALSE(pdp::Date::parse("").has_value());
}

TEST_CASE("dates compare in calendar order and print back as written", "[date]") {
  const auto a = *pdp::Date::parse("2022-12-31");
  const auto b = *pdp::Date::parse("2023-01-01");
  CHECK(a < b);
  CHECK_FALSE(b < a);
  CHECK(a <= a);
  CHECK(a.iso() == "2022-12-31");
}
