// The questionnaire as a specification: what is asked, when, and what each answer settles.
#include <catch2/catch.hpp>

#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

std::string status_of(const Json& response, const std::string& criterion) {
  for (const auto& c : response.at("criteria")) {
    if (c.at("id") == criterion) return c.at("status");
  }
  return "absent";
}

Json next_id(const Json& response) {
  return response.at("next_question").is_null() ? Json() : response.at("next_question").at("id");
}

}  // namespace

TEST_CASE("the questionnaire always starts with the work situation", "[questionnaire]") {
  const Json response = assess_answers(Json::object());
  CHECK(next_id(response) == "situation_pro");
  CHECK(response.at("eligibility") == "incomplete");
  CHECK(response.at("steps").empty());
  CHECK(response.at("outcome").is_null());
}

TEST_CASE("an employee without a contract does not meet the status condition", "[questionnaire]") {
  const Json response = assess_answers({{"situation_pro", "salarie"}, {"contrat_travail", false}});
  CHECK(status_of(response, "statut_professionnel") == "unmet");
  CHECK(response.at("eligibility") == "not_eligible");
  CHECK(response.at("next_question").is_null());
}

TEST_CASE("the situation 'autre' ends the questionnaire at once", "[questionnaire]") {
  const Json response = assess_answers({{"situation_pro", "autre"}});
  CHECK(response.at("eligibility") == "not_eligible");
  CHECK(response.at("next_question").is_null());
  CHECK(response.at("progress").at("remaining_at_most") == 0);
}

TEST_CASE("a self-employed worker is never asked about an employment contract", "[questionnaire]") {
  const Json response = assess_answers({{"situation_pro", "independant"}});
  CHECK(status_of(response, "statut_professionnel") == "met");
  CHECK(next_id(response) == "arret_travail");
}

TEST_CASE("the invalidity pension is asked only when it can still change the result",
          "[questionnaire]") {
  // On leave, the pension no longer decides eligibility, but it decides what helps: the RQTH
  // without a pension, working with the pension and Cap emploi with one.
  const Json on_leave = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"arret_travail", true},
                                        {"motif_arret", "maladie"}});
  CHECK(next_id(on_leave) == "pension_invalidite");
  const Json not_on_leave = assess_answers(
      {{"situation_pro", "salarie"}, {"contrat_travail", true}, {"arret_travail", false}});
  CHECK(next_id(not_on_leave) == "pension_invalidite");
  // Without a contract nothing it could change is left: it is never asked.
  const Json without_contract =
      assess_answers({{"situation_pro", "salarie"}, {"contrat_travail", false}});
  CHECK(without_contract.at("next_question").is_null());
}

TEST_CASE("an employee on leave who reports difficulties meets all three conditions",
          "[questionnaire]") {
  const Json response = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"arret_travail", true},
                                        {"motif_arret", "maladie"},
                                        {"pension_invalidite", false},
                                        {"difficultes", {"reprise_difficile"}},
                                        {"solution_entreprise", "oui"},
                                        {"deja_contacte", false}});
  CHECK(response.at("eligibility") == "eligible");
  CHECK(ids(response, "actors") == std::vector<std::string>{"medecin_conseil", "medecin_traitant",
                                                            "medecin_travail", "service_social",
                                                            "cellule_pdp_spst"});
}

TEST_CASE("choosing only 'aucune' difficulty does not meet the difficulty condition",
          "[questionnaire]") {
  const Json response = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"arret_travail", true},
                                        {"motif_arret", "maladie"},
                                        {"difficultes", {"aucune"}}});
  CHECK(status_of(response, "difficulte_reprise") == "unmet");
  CHECK(response.at("eligibility") == "not_eligible");
  CHECK(response.at("next_question").is_null());
}

TEST_CASE("answers that no longer apply are dropped and named, the others kept",
          "[questionnaire]") {
  // The person first said "employee", answered about the contract, then changed to self-employed.
  const Json response =
      assess_answers({{"situation_pro", "independant"},
                      {"contrat_travail", true},
                      {"arret_travail", true},
                      {"difficultes", {"risque_rupture_contrat", "reprise_difficile"}}});
  REQUIRE_FALSE(response.contains("error"));
  CHECK_FALSE(response.at("answers").contains("contrat_travail"));
  CHECK(response.at("answers").at("arret_travail") == true);
  // An option offered only to employees is dropped; the rest of the selection is kept.
  CHECK(response.at("answers").at("difficultes") == Json::array({"reprise_difficile"}));
  const Json& dropped = response.at("dropped");
  REQUIRE(dropped.size() == 2);
  CHECK(dropped[0].at("question") == "contrat_travail");
  CHECK(dropped[0].at("reason") == "not_asked");
  CHECK(dropped[0].at("answer") == true);
  CHECK(dropped[1].at("question") == "difficultes");
  CHECK(dropped[1].at("reason") == "not_offered");
  CHECK(dropped[1].at("kept") == Json::array({"reprise_difficile"}));
}

TEST_CASE("the options offered depend on the work situation", "[questionnaire]") {
  const Json employee = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"arret_travail", true},
                                        {"motif_arret", "maladie"},
                                        {"pension_invalidite", false}});
  REQUIRE(next_id(employee) == "difficultes");
  std::vector<std::string> offered;
  for (const auto& choice : employee.at("next_question").at("choices"))
    offered.push_back(choice.get<std::string>());
  CHECK(offered ==
        std::vector<std::string>{"reprise_difficile", "risque_rupture_contrat", "aucune"});
}

TEST_CASE("'je ne sais pas' moves on and ends with a point to check with the caisse",
          "[questionnaire]") {
  Json answers = {{"situation_pro", "salarie"}, {"contrat_travail", "ne_sait_pas"}};
  const Json midway = assess_answers(answers);
  CHECK(status_of(midway, "statut_professionnel") == "unknown");
  CHECK(next_id(midway) == "arret_travail");
  answers.update({{"arret_travail", true},
                  {"motif_arret", "maladie"},
                  {"pension_invalidite", false},
                  {"difficultes", {"reprise_difficile"}},
                  {"solution_entreprise", "non"},
                  {"deja_contacte", false}});
  const Json end = worded(assess_answers(answers));
  CHECK(end.at("next_question").is_null());
  CHECK(end.at("eligibility") == "incomplete");
  REQUIRE(end.at("to_check").size() == 1);
  CHECK(end.at("to_check")[0].at("question") == "contrat_travail");
  CHECK_FALSE(end.at("to_check")[0].at("text").get<std::string>().empty());
  CHECK(end.at("outcome").at("title") == "À vérifier avec votre caisse");
}

TEST_CASE("a 'je ne sais pas' is not enough to stop: a condition not met still decides",
          "[questionnaire]") {
  const Json response = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", "ne_sait_pas"},
                                        {"arret_travail", false},
                                        {"pension_invalidite", false}});
  CHECK(response.at("eligibility") == "not_eligible");
  // The contract is still worth checking: it decides whether to ask to see the occupational
  // doctor, or to turn to France Travail.
  REQUIRE(response.at("to_check").size() == 1);
  CHECK(response.at("to_check")[0].at("question") == "contrat_travail");
  CHECK(ids(response, "next_steps") ==
        std::vector<std::string>{"france_travail", "visite_demande"});
  for (const auto& step : response.at("next_steps")) CHECK(step.at("status") == "to_check");
}

TEST_CASE("progress counts the answers given and bounds what is left", "[questionnaire]") {
  const Json start = assess_answers(Json::object());
  CHECK(start.at("progress").at("answered") == 0);
  const int at_start = start.at("progress").at("remaining_at_most");
  const Json later = assess_answers({{"situation_pro", "salarie"}, {"contrat_travail", true}});
  CHECK(later.at("progress").at("answered") == 2);
  CHECK(later.at("progress").at("remaining_at_most").get<int>() < at_start);
  CHECK(later.at("progress").at("remaining_at_most").get<int>() >= 4);
}
