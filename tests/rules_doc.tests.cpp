// The rules' documentation for reviewers (pdp-assess doc): conditions in words, the document's
// completeness, and writers that neither break on a rule's text nor load anything.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/doc/condition_words.hpp"
#include "core/doc/html_writer.hpp"
#include "core/doc/markdown_writer.hpp"
#include "core/doc/rules_document.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::doc;
using namespace pdp::test;

namespace {

// The condition in words, its no-break spaces (French typography, before "?") made plain so that
// the expectations below stay readable.
std::string sentence(const Json& logic) {
  std::string out = condition_sentence(condition_words(logic, shipped_rules(), "fr"));
  for (auto at = out.find("\xC2\xA0"); at != std::string::npos; at = out.find("\xC2\xA0", at)) {
    out.replace(at, 2, " ");
  }
  return out;
}

const std::string kWork = "« Quelle est votre situation de travail ? »";
const std::string kEmployee = "« J'ai un employeur (je suis salarié) »";
const std::string kSelfEmployed =
    "« Je travaille à mon compte (artisan, commerçant, profession libérale…) »";

// Every heading anchor of the document.
std::set<std::string> anchors(const Document& document) {
  std::set<std::string> out;
  for (const Block& block : document.blocks) {
    if (block.kind == Block::Kind::heading && !block.anchor.empty()) out.insert(block.anchor);
  }
  return out;
}

std::string text_of(const Text& text) {
  std::string out;
  for (const Span& span : text) out += span.text;
  return out;
}

// The lines listed under "Scénarios qui l'exercent" of the entry whose heading has `anchor`.
std::vector<std::string> scenario_lines(const Document& document, const std::string& anchor) {
  bool in_entry = false;
  bool in_scenarios = false;
  std::vector<std::string> lines;
  for (const Block& block : document.blocks) {
    if (block.kind == Block::Kind::heading) {
      if (in_entry) break;
      in_entry = block.anchor == anchor;
      continue;
    }
    if (!in_entry) continue;
    if (block.kind == Block::Kind::paragraph) {
      in_scenarios = text_of(block.text) == "Scénarios qui l'exercent";
    } else if (block.kind == Block::Kind::list && in_scenarios) {
      for (const ListItem& item : block.items) lines.push_back(text_of(item.text));
    }
  }
  return lines;
}

// Every condition of the shipped rules, with where it stands.
const std::vector<std::pair<std::string, Json>>& shipped_conditions() {
  static const std::vector<std::pair<std::string, Json>> conditions = [] {
    const auto& rules = shipped_rules();
    std::vector<std::pair<std::string, Json>> out;
    const auto add = [&](const std::string& where, const pdp::Expression& condition) {
      out.emplace_back(where, condition.logic());
    };
    for (const auto& question : rules.questions) {
      add("question " + question.id + " asked_when", question.asked_when);
      for (const auto& [option, when] : question.options_when) {
        add("question " + question.id + " option " + option, when);
      }
    }
    for (const auto& criterion : rules.criteria) {
      add("criterion " + criterion.id, criterion.condition);
      if (criterion.to_check_when) {
        add("criterion " + criterion.id + " to_check_when", *criterion.to_check_when);
      }
      for (const auto& variant : criterion.variants) {
        add("criterion " + criterion.id + " variant", variant.when);
      }
    }
    for (const auto& outcome : rules.outcomes) add("outcome " + outcome.id, outcome.when);
    for (pdp::ItemKind kind : pdp::kItemKinds) {
      for (const auto& item : rules.items_of(kind)) {
        const std::string where = std::string(pdp::kind_name(kind)) + " " + item.id;
        add(where + " applies_when", item.applies_when);
        for (const auto& variant : item.variants) add(where + " variant", variant.when);
      }
    }
    return out;
  }();
  return conditions;
}

// The heading anchor each question, criterion, outcome and item should have in the document.
const std::vector<std::string>& expected_anchors() {
  static const std::vector<std::string> expected = [] {
    const auto& rules = shipped_rules();
    std::vector<std::string> out;
    for (const auto& question : rules.questions) out.push_back("question-" + question.id);
    for (const auto& criterion : rules.criteria) out.push_back("critere-" + criterion.id);
    for (const auto& outcome : rules.outcomes) out.push_back("resultat-" + outcome.id);
    for (pdp::ItemKind kind : pdp::kItemKinds) {
      for (const auto& item : rules.items_of(kind)) {
        out.push_back(std::string(pdp::kind_name(kind)) + "-" + item.id);
      }
    }
    return out;
  }();
  return expected;
}

const std::set<std::string>& shipped_document_anchors() {
  static const std::set<std::string> listed = anchors(rules_document(shipped_rules(), {}));
  return listed;
}

Scenario scenario(const std::string& file, const Json& steps, const Json& expect) {
  Json json = {
      {"name", "Persona " + file}, {"date", "2026-12-02"}, {"steps", steps}, {"expect", expect}};
  auto parsed = scenario_from_json(file, json);
  REQUIRE(parsed);
  return *parsed;
}

}  // namespace

TEST_CASE(
    "a condition on the work situation is written with the question's and the choice's "
    "labels",
    "[doc]") {
  CHECK(sentence(Json::parse(R"({"==": [{"var": "situation_pro"}, "salarie"]})")) ==
        "la réponse à " + kWork + " est " + kEmployee);
}

TEST_CASE("each operator the rules use is worded in plain French", "[doc]") {
  SECTION("in: one choice among several") {
    CHECK(sentence(
              Json::parse(R"({"in": [{"var": "situation_pro"}, ["salarie", "independant"]]})")) ==
          "la réponse à " + kWork + " est " + kEmployee + " ou " + kSelfEmployed);
  }
  SECTION("!= and a yes/no question: Oui and Non as the person reads them") {
    CHECK(sentence(Json::parse(R"({"!=": [{"var": "pension_invalidite"}, true]})")) ==
          "la réponse à « Recevez-vous une pension d'invalidité ? » n'est pas « Oui »");
  }
  SECTION("and, or: joined, nested joins in parentheses, the same join flattened") {
    const Json logic = Json::parse(R"({"or": [
      {"and": [{"==": [{"var": "situation_pro"}, "salarie"]},
               {"and": [{"==": [{"var": "contrat_travail"}, false]}]}]},
      {"or": [{"==": [{"var": "situation_pro"}, "autre"]}]}]})");
    CHECK(sentence(logic) ==
          "(la réponse à " + kWork + " est " + kEmployee +
              " et la réponse à « Avez-vous toujours un contrat de travail ? » est « Non ») ou la "
              "réponse à " +
              kWork + " est « Autre situation (sans emploi, retraite, études…) »");
    const ConditionWords words = condition_words(logic, shipped_rules(), "fr");
    CHECK(words.join == ConditionWords::Join::any);
    REQUIRE(words.parts.size() == 2);
    CHECK(words.parts[0].join == ConditionWords::Join::all);
  }
  SECTION("some over a multiple choice") {
    CHECK(sentence(Json::parse(
              R"({"some": [{"var": "difficultes"}, {"!=": [{"var": ""}, "aucune"]}]})")) ==
          "au moins une réponse cochée à « À cause de votre santé, qu'est-ce qui vous inquiète "
          "pour votre travail ? » n'est pas « Rien de tout cela »");
  }
  SECTION("the literal true: always") {
    CHECK(sentence(true) == "toujours");
  }
  SECTION("an operator the wording does not know: its JsonLogic, nothing dropped") {
    CHECK(sentence(Json::parse(R"({"<": [{"var": "x"}, 3]})")) ==
          R"(expression JsonLogic {"<":[{"var":"x"},3]})");
  }
}

TEST_CASE("every condition of the shipped rules is worded without falling back to JsonLogic",
          "[doc]") {
  const auto& [where, logic] = GENERATE(from_range(shipped_conditions()));
  DYNAMIC_SECTION(where << ": " << logic.dump()) {
    CHECK(sentence(logic).find("JsonLogic") == std::string::npos);
  }
}

TEST_CASE("an expression gives back the JSON it was compiled from", "[doc][logic]") {
  const char* text = GENERATE(R"({"var": "x"})", R"({"var": ["x", 1]})", R"([1, {"var": "a"}])",
                              R"({"in": [{"var": "q"}, ["a", "b"]]})", "true", R"({"!": [[]]})");
  DYNAMIC_SECTION(text) {
    const Json logic = Json::parse(text);
    auto expression = pdp::Expression::compile(logic);
    REQUIRE(expression);
    CHECK(expression.value().logic() == logic);
  }
}

TEST_CASE("an empty expression gives back null", "[doc][logic]") {
  CHECK(pdp::Expression().logic().is_null());
}

TEST_CASE("the document has an entry for every question, criterion, outcome and item of the rules",
          "[doc]") {
  const std::string& anchor = GENERATE(from_range(expected_anchors()));
  DYNAMIC_SECTION(anchor) {
    CHECK(shipped_document_anchors().count(anchor) == 1);
  }
}

TEST_CASE("the document names every source document of the rules", "[doc]") {
  const pdp::Document& source = GENERATE(from_range(shipped_rules().documents));
  DYNAMIC_SECTION(source.id) {
    static const std::string text = markdown(rules_document(shipped_rules(), {}));
    CHECK(text.find(source.title) != std::string::npos);
  }
}

TEST_CASE(
    "scenarios appear under the questions they answer and the items and criteria their "
    "result names",
    "[doc]") {
  const std::vector<Scenario> scenarios = {
      scenario("msa.json", Json::parse(R"([{"question": "situation_pro", "answer": "msa"}])"),
               Json::parse(R"({"eligibility": "not_eligible", "outcome": "autre_organisme",
                               "criteria": {"statut_professionnel": "unmet"},
                               "next_steps": ["contacter_msa"]})")),
      scenario("other.json", Json::parse(R"([{"question": "situation_pro", "answer": "autre"}])"),
               Json::parse(R"({"eligibility": "not_eligible", "next_steps": ["france_travail"],
                               "pending": ["france_travail"]})")),
  };
  const Document document = rules_document(shipped_rules(), scenarios);

  auto under = [&](const std::string& anchor) {
    std::string joined;
    for (const auto& line : scenario_lines(document, anchor)) joined += line + "\n";
    return joined;
  };
  CHECK_THAT(under("next_steps-contacter_msa"),
             Catch::Contains("msa.json") && !Catch::Contains("other.json"));
  CHECK_THAT(under("next_steps-france_travail"),
             Catch::Contains("other.json") && Catch::Contains("s'affiche, à vérifier"));
  CHECK_THAT(under("critere-statut_professionnel"),
             Catch::Contains("msa.json") && Catch::Contains("non rempli"));
  CHECK_THAT(under("resultat-autre_organisme"), Catch::Contains("msa.json"));
  CHECK_THAT(
      under("question-situation_pro"),
      Catch::Contains("msa.json") && Catch::Contains("other.json") &&
          Catch::Contains("répond « Je dépends de la MSA (salarié agricole ou exploitant) »"));
  CHECK(scenario_lines(document, "measures-rqth").empty());
}

TEST_CASE("the markdown writer escapes | and * so a rule's text never breaks a table", "[doc]") {
  Document document;
  Block table;
  table.kind = Block::Kind::table;
  table.table.header = {"Texte | brut", "Autre"};
  table.table.rows.push_back({{plain("a | b *c* _d_")}, {strong("fort : ")}});
  document.blocks.push_back(table);
  const std::string text = markdown(document);
  CHECK(text ==
        "| Texte \\| brut | Autre |\n| --- | --- |\n| a \\| b \\*c\\* \\_d\\_ | **fort :**  |\n");
}

TEST_CASE("the HTML page has no script and links only to regles.css", "[doc]") {
  Document document = rules_document(shipped_rules(), {});
  document.blocks.push_back(
      Block{Block::Kind::paragraph,
            0,
            "",
            {plain("<script>alert(1)</script>"), link("un lien", "javascript:alert(1)")},
            {},
            {}});
  const std::string page = html(document);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0) == 0);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("javascript:") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<link rel=\"stylesheet\" href=\"regles.css\">") != std::string::npos);
  CHECK(page.find("<link") == page.rfind("<link"));
  CHECK(page.find(" style=") == std::string::npos);
}
