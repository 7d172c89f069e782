// Runs the examples written inside the rules: each situation gives its criterion the status said.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

// An example of the rules with the criterion it illustrates.
struct CriterionExample {
  std::string criterion;
  const pdp::Example* example;
};

const std::vector<CriterionExample>& all_examples() {
  static const std::vector<CriterionExample> examples = [] {
    std::vector<CriterionExample> out;
    for (const auto& criterion : shipped_rules().criteria) {
      for (const auto& example : criterion.examples) out.push_back({criterion.id, &example});
    }
    return out;
  }();
  return examples;
}

}  // namespace

TEST_CASE("the criteria carry 15 examples at least, each criterion some", "[rules][examples]") {
  CHECK(all_examples().size() >= 15);
  const std::size_t criterion = GENERATE(range(std::size_t{0}, shipped_rules().criteria.size()));
  DYNAMIC_SECTION(shipped_rules().criteria[criterion].id) {
    CHECK_FALSE(shipped_rules().criteria[criterion].examples.empty());
  }
}

TEST_CASE("every example written in the criteria gives the status it states", "[rules][examples]") {
  const CriterionExample& row = GENERATE(from_range(all_examples()));
  DYNAMIC_SECTION(row.criterion << " " << row.example->status << " for "
                                << row.example->answers.dump()) {
    const Json response = assess_answers(row.example->answers);
    REQUIRE_FALSE(response.contains("error"));
    const Json* found = nullptr;
    for (const auto& status : response.at("criteria")) {
      if (status.at("id") == row.criterion) found = &status;
    }
    REQUIRE(found != nullptr);
    CHECK(found->at("status") == row.example->status);
  }
}
