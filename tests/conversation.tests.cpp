// The reply carries the conversation: the questions asked in order with their answers, and the
// answers the core did not keep, with the reason. The page replays nothing.
#include <algorithm>

#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/logic/budget.hpp"
#include "core/situation.hpp"
#include "core/walk.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

std::vector<std::string> step_ids(const Json& response) {
  std::vector<std::string> out;
  // A reply names the question by id; worded, the step holds the question as asked.
  for (const auto& step : response.at("steps")) {
    const Json& question = step.at("question");
    out.push_back(question.is_string() ? question : question.at("id"));
  }
  return out;
}

Json with_version(const Json& answers, const std::string& version) {
  return {{"answers", answers}, {"date", "2026-11-23"}, {"rules_version", version}};
}

const Json& dropped_entry(const Json& response, const std::string& question) {
  for (const auto& entry : response.at("dropped")) {
    if (entry.at("question") == question) return entry;
  }
  FAIL("no dropped answer for " << question);
  static const Json none;
  return none;
}

}  // namespace

TEST_CASE("the steps are the questions asked, in order, each as it was asked then",
          "[conversation]") {
  const Json first = worded(assess_answers(Json::object()));
  const Json response = worded(assess_answers(
      {{"situation_pro", "salarie"}, {"contrat_travail", true}, {"arret_travail", true}}));
  CHECK(step_ids(response) ==
        std::vector<std::string>{"situation_pro", "contrat_travail", "arret_travail"});
  const Json& step = response.at("steps")[0];
  // The first step is the first question exactly as the empty questionnaire asked it.
  CHECK(step.at("question") == first.at("next_question"));
  CHECK(step.at("progress") == first.at("progress"));
  CHECK(step.at("answer") == "salarie");
  for (const auto& choice : step.at("question").at("choices")) {
    if (choice.at("value") == "salarie") CHECK(step.at("answer_label") == choice.at("label"));
  }
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(response.at("steps")[i].at("progress").at("answered") == i);
  }
  CHECK(response.at("progress").at("answered") == 3);
  CHECK(response.at("next_question").at("id") == "motif_arret");
}

TEST_CASE("a boolean step offers yes and no, and 'je ne sais pas' where allowed",
          "[conversation]") {
  const Json response =
      worded(assess_answers({{"situation_pro", "salarie"}, {"contrat_travail", true}}));
  const Json& choices = response.at("steps")[1].at("question").at("choices");
  REQUIRE(choices.size() >= 2);
  CHECK(choices[0].at("value") == true);
  CHECK(choices[1].at("value") == false);
  CHECK(response.at("steps")[1].at("answer_label") == choices[0].at("label"));
}

TEST_CASE("answers that the earlier ones made useless are dropped as not needed",
          "[conversation]") {
  // Without a contract the status condition fails: nothing about the leave can change the result.
  const Json response = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", false},
                                        {"arret_travail", true},
                                        {"motif_arret", "maladie"}});
  CHECK(response.at("next_question").is_null());
  CHECK(step_ids(response) == std::vector<std::string>{"situation_pro", "contrat_travail"});
  CHECK(dropped_entry(response, "arret_travail").at("reason") == "not_needed");
  CHECK(dropped_entry(response, "motif_arret").at("reason") == "not_needed");
  CHECK_FALSE(response.at("answers").contains("arret_travail"));
}

TEST_CASE("an answer waiting beyond a newly opened question is kept and counted",
          "[conversation]") {
  // "Modifier" turned the leave on: its reason is asked next, the difficulties given before stay.
  const Json response = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"arret_travail", true},
                                        {"pension_invalidite", false},
                                        {"difficultes", {"reprise_difficile"}}});
  CHECK(response.at("next_question").at("id") == "motif_arret");
  CHECK(response.at("answers").at("difficultes") == Json::array({"reprise_difficile"}));
  CHECK(response.at("dropped").empty());
  // The path stops before the question to answer; what waits beyond it is not a step yet.
  CHECK(step_ids(response) ==
        std::vector<std::string>{"situation_pro", "contrat_travail", "arret_travail"});
  const Json answered = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"arret_travail", true},
                                        {"motif_arret", "maladie"},
                                        {"pension_invalidite", false},
                                        {"difficultes", {"reprise_difficile"}}});
  CHECK(step_ids(answered).back() == "difficultes");
}

TEST_CASE("answers saved under other rules that name what these rules lack are dropped",
          "[conversation]") {
  const Json answers = {
      {"situation_pro", "salarie"}, {"contrat_travail", "peut-etre"}, {"ancienne_question", true}};
  const Json response =
      pdp::assess(shipped_rules(), with_version(answers, "2020.1.0"), {2026, 11, 23});
  REQUIRE_FALSE(response.contains("error"));
  CHECK(response.at("answers") == Json{{"situation_pro", "salarie"}});
  CHECK(dropped_entry(response, "contrat_travail").at("reason") == "rules_changed");
  CHECK(dropped_entry(response, "contrat_travail").at("answer") == "peut-etre");
  CHECK(dropped_entry(response, "ancienne_question").at("reason") == "rules_changed");
  CHECK(dropped_entry(worded(response), "contrat_travail").contains("label"));
  CHECK_FALSE(dropped_entry(worded(response), "ancienne_question").contains("label"));
  CHECK(response.at("next_question").at("id") == "contrat_travail");
}

TEST_CASE("under the same rules such answers are refused, never dropped silently",
          "[conversation]") {
  const std::string version = shipped_rules().version;
  const Json response = pdp::assess(
      shipped_rules(), with_version({{"situation_pro", "pirate"}}, version), {2026, 11, 23});
  CHECK(response.at("error").at("code") == "answers.unknown_option");
  CHECK(response.at("error").at("path") == "/answers/situation_pro");
  const Json unversioned =
      pdp::assess(shipped_rules(), {{"answers", {{"ancienne_question", true}}}}, {2026, 11, 23});
  CHECK(unversioned.at("error").at("code") == "answers.unknown_question");
}

TEST_CASE("a rules_version that is not a text is refused", "[conversation]") {
  for (const Json& version : {Json(2026), Json(""), Json::array()}) {
    CAPTURE(version.dump());
    const Json response = pdp::assess(
        shipped_rules(), {{"answers", Json::object()}, {"rules_version", version}}, {2026, 11, 23});
    CHECK(response.at("error").at("code") == "request.wrong_type");
    CHECK(response.at("error").at("path") == "/rules_version");
  }
}

TEST_CASE("what the core remembers gives the reply and spends the budget as if evaluated anew",
          "[conversation][budget]") {
  // The longest path of the walk (the most steps, each remembered on the second call), and the
  // longest one that ends not eligible (what would meet each unmet criterion, remembered too).
  const pdp::Date date{2026, 11, 23};
  pdp::Answers longest;
  pdp::Answers longest_not_eligible;
  const auto count = [](const pdp::Answers& answers) {
    return std::count_if(answers.begin(), answers.end(),
                         [](const auto& a) { return a.has_value(); });
  };
  REQUIRE(
      pdp::walk_paths(
          shipped_rules(), date,
          [&](const pdp::WalkPath&, const pdp::Answers& answers, const pdp::Situation& situation) {
            if (count(answers) > count(longest)) longest = answers;
            if (std::string(pdp::eligibility_name(situation.eligibility)) == "not_eligible" &&
                count(answers) > count(longest_not_eligible)) {
              longest_not_eligible = answers;
            }
          })
          .ok());
  REQUIRE(count(longest) >= 6);
  REQUIRE(count(longest_not_eligible) >= 3);
  for (const auto* answers : {&longest, &longest_not_eligible}) {
    const pdp::Request request{*answers, date, "fr", date, {}};
    const pdp::RuleSet rules = shipped_rules();  // a copy: nothing remembered yet
    pdp::logic::Budget fresh;
    const Json first = pdp::respond(rules, request, fresh);
    pdp::logic::Budget remembered;
    const Json second = pdp::respond(rules, request, remembered);
    CHECK(second == first);
    CHECK(remembered.steps_used() == fresh.steps_used());
    CHECK(remembered.units_used() == fresh.units_used());

    // A budget one operation short runs out at the same rule, remembered or not.
    const pdp::RuleSet cold = shipped_rules();
    pdp::logic::Budget short_cold(fresh.steps_used() - 1, pdp::logic::Budget::kUnits);
    pdp::respond(cold, request, short_cold);
    pdp::logic::Budget short_warm(fresh.steps_used() - 1, pdp::logic::Budget::kUnits);
    pdp::respond(rules, request, short_warm);
    REQUIRE(short_cold.spent());
    CHECK(short_warm.spent());
    CHECK(short_warm.where() == short_cold.where());
  }
}
