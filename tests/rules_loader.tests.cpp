// Loading and validating rule sets: the shipped rules pass, each broken variant is refused where
// it is broken.
#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/compiled_rules.hpp"
#include "core/response.hpp"
#include "core/walk.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

std::string describe(const pdp::Errors& problems) {
  std::string out;
  for (const auto& p : problems) out += p.code + " at " + p.path + ": " + p.message + "\n";
  return out;
}

// tests/rules-broken/cases.json, one case a row.
const std::vector<Json>& broken_cases() {
  static const std::vector<Json> cases =
      read_json(PDP_SOURCE_DIR "/tests/rules-broken/cases.json").get<std::vector<Json>>();
  return cases;
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

namespace {

// Whether the rules define `id` among `where`: "questions", "situation_pro options", or a list of
// items ("measures", "actors", …).
bool defined(const pdp::RuleSet& rules, const std::string& where, const std::string& id) {
  if (where == "questions") return rules.question_index(id) >= 0;
  if (where == "situation_pro options") {
    return rules.questions[static_cast<std::size_t>(rules.question_index("situation_pro"))]
        .has_option(id);
  }
  const std::map<std::string, pdp::ItemKind> lists = {{"programmes", pdp::ItemKind::programme},
                                                      {"measures", pdp::ItemKind::measure},
                                                      {"actors", pdp::ItemKind::actor},
                                                      {"next_steps", pdp::ItemKind::next_step},
                                                      {"channels", pdp::ItemKind::channel}};
  const auto& items = rules.items_of(lists.at(where));
  return std::any_of(items.begin(), items.end(), [&](const pdp::Item& i) { return i.id == id; });
}

// The identifiers fixed by the product contract, each with where it is defined.
const std::vector<std::pair<std::string, std::string>>& contract_ids() {
  static const std::vector<std::pair<std::string, std::string>> ids = [] {
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&](const char* where, std::initializer_list<const char*> names) {
      for (const char* name : names) out.emplace_back(where, name);
    };
    add("questions", {"situation_pro", "contrat_travail", "arret_travail", "motif_arret",
                      "pension_invalidite", "difficultes", "arret_indemnise", "probleme_sante",
                      "solution_entreprise", "deja_contacte"});
    add("situation_pro options", {"salarie", "independant", "fonctionnaire", "msa", "autre"});
    add("measures",
        {"bilan_competences", "formation", "amenagement_poste", "essai_autre_poste", "reclassement",
         "temps_partiel_therapeutique", "reprise_travail_leger", "crpe", "essai_encadre",
         "reconversion", "consultation_medico_pro", "rqth", "cumul_pension_invalidite"});
    add("actors", {"medecin_conseil", "medecin_traitant", "medecin_travail", "service_social",
                   "partenaire_medico_pro", "cellule_pdp_spst", "cap_emploi"});
    add("next_steps", {"rendez_vous_liaison", "visite_pre_reprise", "visite_reprise",
                       "visite_demande", "france_travail", "fonction_publique", "contacter_msa"});
    add("channels", {"compte_ameli", "telephone_3646"});
    add("programmes", {"pdp", "pdp_ti"});
    return out;
  }();
  return ids;
}

}  // namespace

TEST_CASE("the identifiers fixed by the product contract are all defined", "[rules]") {
  const auto& [where, id] = GENERATE(from_range(contract_ids()));
  DYNAMIC_SECTION(id << " among the " << where) {
    CHECK(defined(shipped_rules(), where, id));
  }
}

TEST_CASE("each broken rule file is refused with its code at its JSON path", "[rules][broken]") {
  const Json broken = GENERATE(from_range(broken_cases()));
  DYNAMIC_SECTION(broken.at("name").get<std::string>()) {
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

TEST_CASE("the table of broken rule files holds 15 cases at least", "[rules][broken]") {
  CHECK(broken_cases().size() >= 15);
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
  const auto [separate, path] = GENERATE(table<const char*, const char*>({
      {R"(["en"])", "/separate_locales"},
      {R"({"english": "English"})", "/separate_locales/english"},
      {R"({"en": ""})", "/separate_locales/en"},
      {R"({"en": 1})", "/separate_locales/en"},
  }));
  DYNAMIC_SECTION(separate) {
    Json bundle = pdp::bundle_rule_files(shipped_rule_files());
    bundle["separate_locales"] = Json::parse(separate);
    const auto read = pdp::rule_files_from_bundle(bundle.dump());
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

TEST_CASE("rules the build has checked are read without the checks, and answer as if checked",
          "[rules][checked]") {
  const auto files = shipped_rule_files();
  const auto checked = pdp::load_rules(files);
  const auto read = pdp::read_checked_rules(files);
  REQUIRE(checked.rules.has_value());
  REQUIRE(read.rules.has_value());
  const Json request = {{"answers", {{"situation_pro", "salarie"}, {"contrat_travail", true}}},
                        {"date", "2026-11-23"}};
  const pdp::Date today{2026, 11, 23};
  CHECK(pdp::assess(*read.rules, request, today) == pdp::assess(*checked.rules, request, today));
}

TEST_CASE("reading checked rules skips the checks, never the structure", "[rules][checked]") {
  const Json broken = GENERATE(from_range(broken_cases()));
  DYNAMIC_SECTION(broken.at("name").get<std::string>()) {
    const auto read = pdp::read_checked_rules(broken_rule_files(broken));
    const auto loaded = pdp::load_rules(broken_rule_files(broken));
    // Whatever the reading refuses, the checked loading refuses too, with the same problem (but
    // a condition the flat form leaves out: only the page's module goes without the tree
    // evaluator).
    for (const auto& problem : read.problems) {
      if (problem.code == "rules.not_flat") continue;
      const bool also = std::any_of(
          loaded.problems.begin(), loaded.problems.end(),
          [&](const auto& p) { return p.code == problem.code && p.path == problem.path; });
      CHECK(also);
    }
    CHECK(read.rules.has_value() == read.problems.empty());
  }
}

TEST_CASE("a condition the flat form leaves out loads natively but is refused for the page",
          "[rules][checked]") {
  auto files = shipped_rule_files();
  Json criteria = Json::parse(files.at("criteria.json"));
  Json& condition = criteria["criteria"][0]["condition"];
  condition = {{"if", {true, condition, false}}};  // the same value, by an `if`
  files["criteria.json"] = criteria.dump(2);

  const auto loaded = pdp::load_rules(files);
  REQUIRE(loaded.rules.has_value());
  const Json request = {{"answers", {{"situation_pro", "salarie"}, {"contrat_travail", true}}},
                        {"date", "2026-11-23"}};
  const pdp::Date today{2026, 11, 23};
  CHECK(pdp::assess(*loaded.rules, request, today) == pdp::assess(shipped_rules(), request, today));

  const auto read = pdp::read_checked_rules(files);
  CHECK_FALSE(read.rules.has_value());
  REQUIRE(read.problems.size() == 1);
  CHECK(read.problems.front().code == "rules.not_flat");
  CHECK(read.problems.front().path == "criteria.json#/criteria/0/condition");
}

TEST_CASE("a text that is not JSON is refused even as checked rules", "[rules][checked]") {
  auto files = shipped_rule_files();
  files["questions.json"] = "{ \"questions\": [";
  const auto read = pdp::read_checked_rules(files);
  CHECK_FALSE(read.rules.has_value());
  REQUIRE_FALSE(read.problems.empty());
  CHECK(read.problems.front().code == "rules.invalid_json");
}

namespace {

Json date_json(const std::optional<pdp::Date>& date) {
  return date ? Json(date->iso()) : Json();
}

Json variants_json(const std::vector<pdp::TextVariant>& variants) {
  Json out = Json::array();
  for (const auto& v : variants) out.push_back({v.id, date_json(v.valid_from)});
  return out;
}

// All a rule set holds that the page's module uses: what decides, not the words (the texts, the
// documents and the passages cited are the page's, from the info the build wrote) nor a
// criterion's examples (the build's tests). Its conditions are their flat programs: the module
// reads those the build wrote, not the trees.
Json rule_set_json(const pdp::RuleSet& rules) {
  Json out = {{"version", rules.version},
              {"information_date", rules.information_date.iso()},
              {"default_locale", rules.default_locale},
              {"locales", rules.locales},
              {"separate_locales", rules.separate_locales},
              {"tree_conditions", rules.tree_conditions != nullptr},
              {"programs", pdp::flat_programs_json(rules)},
              {"all_flat", pdp::compiled(rules).all_flat}};
  for (const auto& q : rules.questions) {
    Json options_when = Json::object();
    for (const auto& entry : q.options_when) options_when[entry.first] = true;
    out["questions"].push_back({q.id, q.path, static_cast<int>(q.type), q.options, q.exclusive,
                                options_when, q.allows_unknown});
  }
  for (const auto& c : rules.criteria) {
    out["criteria"].push_back(
        {c.id, c.path, c.to_check_when.has_value(), variants_json(c.variants)});
  }
  for (const auto& o : rules.outcomes) {
    out["outcomes"].push_back({o.id, o.path, o.eligibility});
  }
  for (const pdp::ItemKind kind : pdp::kItemKinds) {
    for (const auto& i : rules.items_of(kind)) {
      out["items"].push_back({static_cast<int>(kind), i.id, i.path, static_cast<int>(i.kind),
                              i.requires_eligibility, i.programme, variants_json(i.variants),
                              date_json(i.valid_from), date_json(i.valid_until),
                              date_json(i.information_date), date_json(i.last_seen)});
    }
  }
  return out;
}

}  // namespace

TEST_CASE(
    "the module's trusting reader reads what decides in the checked bundles as the checks read it, "
    "and no words",
    "[rules][checked]") {
  auto files = shipped_rule_files();
  const std::string english = files.at("locales/en.json");
  for (const bool separate_english : {false, true}) {
    CAPTURE(separate_english);
    Json bundle = pdp::bundle_rule_files(files);
    if (separate_english) {
      // As the page's rules.json: English in its own bundle.
      bundle["files"].erase("locales/en.json");
      bundle["separate_locales"] = {{"en", "English"}};
    }
    const auto read = pdp::rule_files_from_bundle(bundle.dump());
    REQUIRE(read.ok());
    const auto checked = pdp::read_checked_rules(read.value());
    REQUIRE(checked.rules.has_value());
    bundle["conditions"] = pdp::flat_programs_json(*checked.rules);  // as `pdp-assess bundle`
    const auto trusted = pdp::read_trusted_rules(bundle.dump());
    REQUIRE(trusted.rules.has_value());
    CHECK(trusted.problems.empty());
    CHECK(rule_set_json(*trusted.rules) == rule_set_json(*checked.rules));
    // No words: the page reads them, with the rest of the info, from the bundle.
    CHECK(trusted.rules->texts.empty());
    CHECK(trusted.rules->documents.empty());
    for (const auto& criterion : trusted.rules->criteria) CHECK(criterion.source.empty());
    for (const pdp::ItemKind kind : pdp::kItemKinds) {
      for (const auto& item : trusted.rules->items_of(kind)) CHECK(item.source.empty());
    }
    const pdp::Date today{2026, 11, 23};
    std::size_t compared = 0;
    const auto walked = pdp::walk_paths(
        *checked.rules, today, [&](const pdp::WalkPath& path, const auto&, const auto&) {
          Json answers = Json::object();
          for (const auto& step : path) {
            answers[checked.rules->questions[step.question].id] = step.answer;
          }
          const std::string request = Json{{"answers", answers}}.dump();
          CHECK(pdp::assess_text(*trusted.rules, request, today) ==
                pdp::assess_text(*checked.rules, request, today));
          ++compared;
        });
    REQUIRE(walked.ok());
    CHECK(compared > 1000);
  }

  // Without the programs the build writes, no condition of the trusted rules is flat: the module
  // refuses such rules when it loads them (bindings.cpp), having no tree evaluator.
  {
    const Json bare = pdp::bundle_rule_files(files);
    const auto without_programs = pdp::read_trusted_rules(bare.dump());
    REQUIRE(without_programs.rules.has_value());
    CHECK_FALSE(pdp::compiled(*without_programs.rules).all_flat);
    Json broken = bare;
    broken["conditions"] = Json::array({Json::array({Json::array({0, -1, 0, nullptr, 0})})});
    CHECK_FALSE(pdp::compiled(*pdp::read_trusted_rules(broken.dump()).rules).all_flat);
  }

  // The other bundle the build checks, one language's texts, is no rules: refused alike.
  const std::string language = Json{{"files", {{"locales/en.json", english}}}}.dump();
  const auto language_files = pdp::rule_files_from_bundle(language);
  REQUIRE(language_files.ok());
  const auto checked = pdp::read_checked_rules(language_files.value());
  const auto trusted = pdp::read_trusted_rules(language);
  CHECK_FALSE(trusted.rules.has_value());
  CHECK(pdp::problems_response(trusted.problems) == pdp::problems_response(checked.problems));
  REQUIRE(trusted.problems.size() == 1);
  CHECK(trusted.problems.front().code == "rules.missing_file");
}

TEST_CASE("the module adds a checked language's code trusting it, as the checked one is added",
          "[rules][checked]") {
  const auto& files = shipped_rule_files();
  Json light = pdp::bundle_rule_files(files);
  light["files"].erase("locales/en.json");
  light["separate_locales"] = {{"en", "English"}};
  const std::string language =
      Json{{"files", {{"locales/en.json", files.at("locales/en.json")}}}}.dump();
  auto checked = *pdp::read_checked_rules(pdp::rule_files_from_bundle(light.dump()).value()).rules;
  light["conditions"] = pdp::flat_programs_json(checked);
  auto trusted = *pdp::read_trusted_rules(light.dump()).rules;
  // The language, then the language again, then the rules' bundle as if it were a language.
  for (const std::string& bundle : {language, language, light.dump()}) {
    const auto by_checks = pdp::add_checked_locale(checked, bundle);
    const auto trusting = pdp::add_trusted_locale(trusted, bundle);
    CHECK(trusting.code == by_checks.code);
    CHECK(describe(trusting.problems) == describe(by_checks.problems));
    CHECK(rule_set_json(trusted) == rule_set_json(checked));
  }
  CHECK(trusted.locales == std::vector<std::string>{"fr", "en"});
  CHECK(trusted.separate_locales.empty());
  CHECK(trusted.texts.empty());
  CHECK(checked.texts.count("en") == 1);
}
