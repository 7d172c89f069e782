// Loading and validating rule sets: the shipped rules pass, each broken variant is refused where
// it is broken.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

std::string describe(const pdp::Errors& problems) {
  std::string out;
  for (const auto& p : problems) out += p.code + " at " + p.path + ": " + p.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("the shipped rules load without a single problem", "[rules]") {
  const auto loaded = pdp::load_rules(shipped_rule_files());
  INFO(describe(loaded.problems));
  REQUIRE(loaded.problems.empty());
  REQUIRE(loaded.rules.has_value());
  CHECK(loaded.rules->questions.size() == 10);
  CHECK(loaded.rules->criteria.size() == 3);
  CHECK(loaded.rules->items_of(pdp::ItemKind::measure).size() == 13);
  CHECK(loaded.rules->items_of(pdp::ItemKind::actor).size() == 7);
  CHECK(loaded.rules->items_of(pdp::ItemKind::next_step).size() == 10);
  CHECK(loaded.rules->outcomes.size() == 1);
  CHECK(loaded.rules->items_of(pdp::ItemKind::channel).size() == 2);
}

TEST_CASE("the identifiers fixed by the product contract are all defined", "[rules]") {
  const auto& rules = shipped_rules();
  for (const char* id : {"situation_pro", "contrat_travail", "arret_travail", "motif_arret",
                         "pension_invalidite", "difficultes", "arret_indemnise", "probleme_sante",
                         "solution_entreprise", "deja_contacte"}) {
    CAPTURE(id);
    CHECK(rules.question_index(id) >= 0);
  }
  auto has = [&](pdp::ItemKind kind, const std::string& id) {
    const auto& items = rules.items_of(kind);
    return std::any_of(items.begin(), items.end(), [&](const pdp::Item& i) { return i.id == id; });
  };
  for (const char* id :
       {"bilan_competences", "formation", "amenagement_poste", "essai_autre_poste", "reclassement",
        "temps_partiel_therapeutique", "reprise_travail_leger", "crpe", "essai_encadre",
        "reconversion", "consultation_medico_pro", "rqth", "cumul_pension_invalidite"}) {
    CAPTURE(id);
    CHECK(has(pdp::ItemKind::measure, id));
  }
  for (const char* id : {"medecin_conseil", "medecin_traitant", "medecin_travail", "service_social",
                         "partenaire_medico_pro", "cellule_pdp_spst", "cap_emploi"}) {
    CAPTURE(id);
    CHECK(has(pdp::ItemKind::actor, id));
  }
  for (const char* id :
       {"rendez_vous_liaison", "visite_pre_reprise", "visite_reprise", "visite_demande",
        "france_travail", "fonction_publique", "contacter_msa"}) {
    CAPTURE(id);
    CHECK(has(pdp::ItemKind::next_step, id));
  }
  const auto& situation =
      rules.questions[static_cast<std::size_t>(rules.question_index("situation_pro"))];
  for (const char* option : {"salarie", "independant", "fonctionnaire", "msa", "autre"}) {
    CAPTURE(option);
    CHECK(situation.has_option(option));
  }
  CHECK(has(pdp::ItemKind::channel, "compte_ameli"));
  CHECK(has(pdp::ItemKind::channel, "telephone_3646"));
  CHECK(has(pdp::ItemKind::programme, "pdp"));
  CHECK(has(pdp::ItemKind::programme, "pdp_ti"));
}

TEST_CASE("each broken rule file is refused with its code at its JSON path", "[rules][broken]") {
  const Json cases = read_json(PDP_SOURCE_DIR "/tests/rules-broken/cases.json");
  REQUIRE(cases.size() >= 15);
  for (const auto& broken : cases) {
    CAPTURE(broken.at("name").get<std::string>());
    const auto loaded = pdp::load_rules(broken_rule_files(broken));
    INFO(describe(loaded.problems));
    CHECK_FALSE(loaded.rules.has_value());
    const bool found = std::any_of(
        loaded.problems.begin(), loaded.problems.end(),
        [&](const auto& p) { return p.code == broken.at("code") && p.path == broken.at("path"); });
    CHECK(found);
    for (const auto& problem : loaded.problems) CHECK_FALSE(problem.message.empty());
  }
}

TEST_CASE("a rule set with several problems reports all of them", "[rules][broken]") {
  auto files = shipped_rule_files();
  Json measures = Json::parse(files.at("measures.json"));
  measures["measures"][0].erase("source");
  measures["measures"][1]["id"] = "Bad Id";
  files["measures.json"] = measures.dump();
  const auto loaded = pdp::load_rules(files);
  CHECK(loaded.problems.size() >= 2);
  CHECK_FALSE(loaded.rules.has_value());
}

TEST_CASE("the locales are the files locales/<code>.json, the default first", "[rules][locales]") {
  auto files = shipped_rule_files();
  CHECK(pdp::load_rules(files).rules->locales == std::vector<std::string>{"fr", "en"});
  Json german = Json::parse(files.at("locales/en.json"));
  german["locale"] = "de";
  german["name"] = "Deutsch";
  files["locales/de.json"] = german.dump();
  const auto loaded = pdp::load_rules(files);
  INFO(describe(loaded.problems));
  REQUIRE(loaded.rules.has_value());
  CHECK(loaded.rules->locales == std::vector<std::string>{"fr", "de", "en"});
  CHECK(loaded.rules->texts.at("de").at("name") == "Deutsch");
}

TEST_CASE("a bundle may leave a language out and name it, to be loaded when a person picks it",
          "[rules][locales]") {
  auto files = shipped_rule_files();
  const std::string english = files.at("locales/en.json");
  files.erase("locales/en.json");
  Json bundle = pdp::bundle_rule_files(files);
  bundle["separate_locales"] = {{"en", "English"}};

  const auto read = pdp::rule_files_from_bundle(bundle.dump());
  REQUIRE(read.ok());
  const auto light = pdp::load_rules(read.value());
  INFO(describe(light.problems));
  REQUIRE(light.rules.has_value());
  CHECK(light.rules->locales == std::vector<std::string>{"fr"});
  const Json info = pdp::rules_info(*light.rules, "fr");
  CHECK(info["locales"] == Json::parse(R"([{"id": "fr", "name": "Français", "loaded": true},
                                           {"id": "en", "name": "English", "loaded": false}])"));
  // Its texts are not there yet: a request in that language is refused, not answered in French.
  CHECK(pdp::rules_info(*light.rules, "en")["error"]["code"] == "request.unknown_locale");

  // The same bundle with the language's file added: loaded, listed once, in the same order.
  bundle["files"]["locales/en.json"] = english;
  const auto whole = pdp::load_rules(pdp::rule_files_from_bundle(bundle.dump()).value());
  REQUIRE(whole.rules.has_value());
  CHECK(whole.rules->separate_locales.empty());
  CHECK(pdp::rules_info(*whole.rules, "en")["locales"] ==
        Json::parse(R"([{"id": "fr", "name": "Français", "loaded": true},
                        {"id": "en", "name": "English", "loaded": true}])"));
  CHECK(pdp::rules_info(*whole.rules, "en")["locale"] == "en");
}

TEST_CASE("a bundle's separate locales are refused unless each is a language code with a name",
          "[rules][locales][broken]") {
  Json bundle = pdp::bundle_rule_files(shipped_rule_files());
  for (const auto& [separate, path] : std::vector<std::pair<Json, std::string>>{
           {Json::array({"en"}), "/separate_locales"},
           {{{"english", "English"}}, "/separate_locales/english"},
           {{{"en", ""}}, "/separate_locales/en"},
           {{{"en", 1}}, "/separate_locales/en"}}) {
    bundle["separate_locales"] = separate;
    const auto read = pdp::rule_files_from_bundle(bundle.dump());
    INFO(separate.dump());
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == "rules.invalid_bundle");
    CHECK(read.error().path == path);
  }
}

TEST_CASE("a locale missing a text is refused with its file and the key's path",
          "[rules][locales]") {
  auto files = shipped_rule_files();
  Json english = Json::parse(files.at("locales/en.json"));
  english["ui"].erase("restart");
  files["locales/en.json"] = english.dump();
  const auto loaded = pdp::load_rules(files);
  REQUIRE_FALSE(loaded.rules.has_value());
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].code == "rules.missing_text");
  CHECK(loaded.problems[0].path == "locales/en.json#/ui/restart");
  CHECK(loaded.problems[0].message.find("locales/en.json") != std::string::npos);
  CHECK(loaded.problems[0].message.find("locales/fr.json") != std::string::npos);
}

TEST_CASE("a rule file nested too deeply is refused where it goes too deep", "[rules][broken]") {
  auto files = shipped_rule_files();
  files["criteria.json"] = R"({"criteria": )" + std::string(300, '[') + std::string(300, ']') + "}";
  const auto loaded = pdp::load_rules(files);
  REQUIRE_FALSE(loaded.problems.empty());
  const auto& problem = loaded.problems.front();
  CHECK(problem.code == "rules.too_deep");
  // criteria.json#/criteria/0/0/… down to the 257th level.
  std::string path = "criteria.json#/criteria";
  for (int level = 2; level <= 256; ++level) path += "/0";
  CHECK(problem.path == path);
  CHECK(problem.message.find("criteria.json") != std::string::npos);
}

TEST_CASE("a rule file or a bundle larger than 2 MiB is refused before it is parsed",
          "[rules][broken]") {
  auto files = shipped_rule_files();
  files["measures.json"] += std::string(2 * 1024 * 1024, ' ');
  const auto loaded = pdp::load_rules(files);
  REQUIRE_FALSE(loaded.problems.empty());
  CHECK(loaded.problems.front().code == "rules.too_large");
  CHECK(loaded.problems.front().path == "measures.json#");
  CHECK(loaded.problems.front().message.find("measures.json") != std::string::npos);

  const auto bundle = pdp::rule_files_from_bundle(pdp::bundle_rule_files(files).dump());
  REQUIRE_FALSE(bundle.ok());
  CHECK(bundle.error().code == "rules.too_large");
  CHECK(bundle.error().message.find("bundle") != std::string::npos);
}
