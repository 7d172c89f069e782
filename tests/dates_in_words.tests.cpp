// Dates in the texts a person reads: French writes the first day of a month "1er" (R9).
#include <catch2/catch.hpp>

#include <string>

#include "core/assessment.hpp"
#include "support.hpp"

using namespace pdp::test;
using pdp::Json;

namespace {

const Json kSelfEmployedOnPaidLeave = {{"situation_pro", "independant"},
                                       {"arret_travail", true},
                                       {"motif_arret", "maladie"},
                                       {"pension_invalidite", false},
                                       {"arret_indemnise", true},
                                       {"difficultes", {"reprise_difficile"}},
                                       {"probleme_sante", {"maladie_invalidante"}},
                                       {"deja_contacte", false}};

std::string pdp_ti_note(const Json& response) {
  const Json words = worded(response, response.at("locale"));
  for (const auto& programme : words.at("programmes")) {
    if (programme.at("id") == "pdp_ti") return programme.at("date_note").get<std::string>();
  }
  FAIL("no pdp_ti programme in the response");
  return {};
}

}  // namespace

TEST_CASE("the day before the PDP TI offer, its start is written as the 1er décembre 2020",
          "[texts][dates]") {
  const std::string note = pdp_ti_note(assess_answers(kSelfEmployedOnPaidLeave, "2020-11-30"));
  CHECK(note.find("1er décembre 2020") != std::string::npos);
  CHECK(note.find(" 1 décembre") == std::string::npos);
}

TEST_CASE("a day other than the first keeps its number: the offer's end is the 31 décembre 2022",
          "[texts][dates]") {
  const std::string note = pdp_ti_note(assess_answers(kSelfEmployedOnPaidLeave, "2023-01-01"));
  CHECK(note.find("31 décembre 2022") != std::string::npos);
}

TEST_CASE("English writes the first day of a month as a plain number", "[texts][dates]") {
  const Json response = pdp::assess(
      shipped_rules(),
      Json{{"answers", kSelfEmployedOnPaidLeave}, {"date", "2020-11-30"}, {"locale", "en"}},
      pdp::Date{2026, 11, 23});
  const std::string note = pdp_ti_note(response);
  CHECK(note.find("1 December 2020") != std::string::npos);
}
