// Runs the examples written inside the rules: each situation gives its criterion the status said.
#include <catch2/catch.hpp>

#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

TEST_CASE("every example written in the criteria gives the status it states", "[rules][examples]") {
  const auto& rules = shipped_rules();
  std::size_t examples = 0;
  for (const auto& criterion : rules.criteria) {
    REQUIRE_FALSE(criterion.examples.empty());
    for (const auto& example : criterion.examples) {
      CAPTURE(criterion.id, example.answers.dump());
      const Json response = assess_answers(example.answers);
      REQUIRE_FALSE(response.contains("error"));
      bool found = false;
      for (const auto& status : response.at("criteria")) {
        if (status.at("id") == criterion.id) {
          found = true;
          CHECK(status.at("status") == example.status);
        }
      }
      CHECK(found);
      ++examples;
    }
  }
  CHECK(examples >= 15);
}
