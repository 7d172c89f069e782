// A language left out of the page's bundle is added later by its own file, checked as strictly as
// if it had come with the rules.
#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/reply_texts.hpp"
#include "core/rules_loader.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

// The shipped rules without their English texts, as the page loads them first.
pdp::RuleSet rules_without_english() {
  auto files = shipped_rule_files();
  files.erase("locales/en.json");
  pdp::RulesBundle bundle{files, {{"en", "English"}}};
  auto loaded = pdp::load_rules(bundle);
  REQUIRE(loaded.rules.has_value());
  return std::move(*loaded.rules);
}

std::string english_bundle(const std::string& text) {
  return Json{{"files", {{"locales/en.json", text}}}}.dump();
}

}  // namespace

TEST_CASE("a language left out is added by its own file, then answered in", "[locales]") {
  pdp::RuleSet rules = rules_without_english();
  const auto added =
      pdp::add_locale(rules, english_bundle(shipped_rule_files().at("locales/en.json")));
  REQUIRE(added.problems.empty());
  CHECK(added.code == "en");
  CHECK(rules.separate_locales.empty());
  const Json info = pdp::rules_info(rules, "en");
  CHECK(info.at("locale") == "en");
  CHECK(info.at("locales")[1] == Json{{"id", "en"}, {"name", "English"}, {"loaded", true}});
  const Json response =
      pdp::assess(rules, {{"answers", Json::object()}, {"locale", "en"}}, {2026, 11, 23});
  CHECK(response.at("locale") == "en");
  const auto english = pdp::with_texts(rules, response, "en");
  const auto french =
      pdp::with_texts(rules, pdp::assess(rules, Json::object(), {2026, 11, 23}), "fr");
  REQUIRE(english);
  REQUIRE(french);
  CHECK(english.value().at("next_question").at("label") !=
        french.value().at("next_question").at("label"));
}

TEST_CASE("an incomplete language is refused and the rules stay as they were", "[locales]") {
  pdp::RuleSet rules = rules_without_english();
  Json english = Json::parse(shipped_rule_files().at("locales/en.json"));
  english["ui"].erase("recap_title");
  const auto added = pdp::add_locale(rules, english_bundle(english.dump()));
  REQUIRE_FALSE(added.problems.empty());
  CHECK(added.problems.front().code == "rules.missing_text");
  CHECK(added.problems.front().path == "locales/en.json#/ui/recap_title");
  CHECK(rules.locales == std::vector<std::string>{"fr"});
  CHECK(pdp::rules_info(rules, "en").at("error").at("code") == "request.unknown_locale");
}

TEST_CASE("a language's file must be one locale file, not already loaded", "[locales]") {
  pdp::RuleSet rules = rules_without_english();
  const std::string french = shipped_rule_files().at("locales/fr.json");
  const auto check = [&](const std::string& bundle, const std::string& code) {
    INFO(bundle.substr(0, 80));
    const auto added = pdp::add_locale(rules, bundle);
    REQUIRE_FALSE(added.problems.empty());
    CHECK(added.problems.front().code == code);
  };
  check("not json", "rules.invalid_bundle");
  check(Json{{"files", {{"questions.json", "{}"}}}}.dump(), "rules.invalid_bundle");
  check(Json{{"files", {{"locales/fr.json", french}}}}.dump(), "rules.invalid_bundle");
  CHECK(rules.locales == std::vector<std::string>{"fr"});
}

TEST_CASE("a language the build has checked is added without checking it again", "[locales]") {
  pdp::RuleSet rules = rules_without_english();
  const auto added =
      pdp::add_checked_locale(rules, english_bundle(shipped_rule_files().at("locales/en.json")));
  REQUIRE(added.problems.empty());
  CHECK(added.code == "en");
  CHECK(rules.locales == std::vector<std::string>{"fr", "en"});
  // The structure is still read: a bundle that is not one locale file is refused.
  const auto refused = pdp::add_checked_locale(rules, "not json");
  REQUIRE_FALSE(refused.problems.empty());
  CHECK(refused.problems.front().code == "rules.invalid_bundle");
}
