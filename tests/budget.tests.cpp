// The evaluation budget: a hostile expression stops with an error instead of running for hours or
// exhausting memory, and the rules' conditions are held to it in every host.
#include <algorithm>
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/logic/expression.hpp"
#include "core/response.hpp"
#include "core/walk.hpp"
#include "support.hpp"

using pdp::Json;
using pdp::logic::Budget;
using pdp::logic::Expression;
using namespace pdp::test;

namespace {

Expression compile(const Json& rule) {
  auto expression = Expression::compile(rule);
  REQUIRE(expression.ok());
  return std::move(expression).value();
}

Json numbers(int count) {
  Json list = Json::array();
  for (int i = 0; i < count; ++i) list.push_back(i);
  return list;
}

// accumulator + accumulator at each of 40 steps: 2^40 bytes if nothing stopped it.
const Json kDoubling = {
    {"reduce",
     {numbers(40), {{"cat", {{{"var", "accumulator"}}, {{"var", "accumulator"}}}}}, "ab"}}};

}  // namespace

TEST_CASE("logic: a reduce doubling a text at each step stops with logic.too_costly",
          "[logic][budget]") {
  const auto result = compile(kDoubling).apply(Json::object());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "logic.too_costly");
  CHECK(result.error().message.find("bytes") != std::string::npos);
}

TEST_CASE("logic: iterations nested over literal arrays stop before a hundred million operations",
          "[logic][budget]") {
  // Each level goes through all its elements, since every one of them passes.
  Json rule = true;
  for (int level = 0; level < 4; ++level) rule = {{"all", {numbers(100), rule}}};
  const auto result = compile(rule).apply(Json::object());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "logic.too_costly");
}

TEST_CASE("logic: each operation takes one step of the budget", "[logic][budget]") {
  const Expression sum = compile(Json::parse(R"({"+": [1, {"+": [2, 3]}, 4]})"));  // 6 nodes
  CHECK(sum.apply(Json::object(), Budget(6, 1 << 20)).value() == 10);
  const auto short_of_one = sum.apply(Json::object(), Budget(5, 1 << 20));
  REQUIRE_FALSE(short_of_one.ok());
  CHECK(short_of_one.error().message.find("more than 5 operations") != std::string::npos);
}

TEST_CASE("logic: a reduce nesting arrays deeper than the budget allows stops", "[logic][budget]") {
  // [accumulator] at each step: 1000 levels, which recursive code (dump) could not survive.
  const Json rule = {{"reduce", {{{"var", "xs"}}, Json::array({{{"var", "accumulator"}}}), 0}}};
  const auto result = compile(rule).apply({{"xs", numbers(1000)}});
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("nested more than 512 levels") != std::string::npos);
  // 100 levels are fine.
  const auto shallow = compile(rule).apply({{"xs", numbers(100)}});
  REQUIRE(shallow.ok());
  CHECK(shallow->dump().size() > 200);
}

TEST_CASE("logic: 'in' finds a text inside another whatever their repetitions", "[logic][budget]") {
  // The search is linear (Knuth-Morris-Pratt); these cases exercise its fall-backs.
  const auto in = [](const std::string& needle, const std::string& haystack) {
    return compile({{"in", {needle, haystack}}}).apply(Json::object()).value();
  };
  CHECK(in("aab", "aaab") == true);
  CHECK(in("abab", "abacabab") == true);
  CHECK(in("abac", "ababab") == false);
  CHECK(in("", "x") == true);
  CHECK(in("x", "") == false);
  CHECK(in(std::string(30000, 'a') + "b", std::string(60000, 'a')) == false);
  CHECK(in(std::string(30000, 'a') + "b", std::string(60000, 'a') + "b") == true);
}

TEST_CASE("an assessment whose rules spend the budget is refused with rules.too_costly",
          "[budget][rules]") {
  const Json broken = {{"file", "criteria.json"},
                       {"set", {{"/criteria/0/condition", {{"!!", kDoubling}}}}}};
  pdp::LoadedRules loaded = pdp::load_rules(broken_rule_files(broken));
  REQUIRE(loaded.rules.has_value());  // nothing wrong in the rule's shape
  const Json response = pdp::assess(*loaded.rules, Json::object(), {2026, 11, 23});
  REQUIRE(response.contains("error"));
  CHECK(response.size() == 1);
  CHECK(response.at("error").at("code") == "rules.too_costly");
  CHECK(response.at("error").at("path") == "criteria.json#/criteria/0/condition");
}

TEST_CASE("the costliest assessment of the shipped rules spends a small part of the budget",
          "[budget]") {
  // The walk's leaves are the longest answers; each response well within the budget (under 0.2 %
  // today), so that no real assessment comes near it.
  const auto& rules = shipped_rules();
  std::uint64_t most = 0;
  const auto walked = pdp::walk_paths(
      rules, pdp::Date{2026, 11, 23},
      [&](const pdp::WalkPath&, const pdp::Answers& answers, const pdp::Situation&) {
        Budget budget;
        pdp::respond(rules, {answers, {2026, 11, 23}, "fr", {2026, 11, 23}, {}}, budget);
        most = std::max(most, budget.steps_used());
      });
  REQUIRE(walked.ok());
  CHECK(most > 100);
  CHECK(most < Budget::kSteps / 100);
}
