// with_texts: a reply (ids and values) worded in one language, as `pdp-assess assess --texts`
// prints it. Every id of every reply has its words; a missing text or a broken reply is an error.
#include <catch2/catch.hpp>

#include <string>

#include "core/assessment.hpp"
#include "core/reply_texts.hpp"
#include "core/walk.hpp"
#include "support.hpp"

using namespace pdp::test;
using pdp::Json;

namespace {

// Every string of `value` that words something (its texts), each non-empty.
void expect_worded(const Json& value, const std::string& where) {
  if (value.is_array()) {
    for (const auto& entry : value) expect_worded(entry, where);
  }
  if (!value.is_object()) return;
  for (auto it = value.begin(); it != value.end(); ++it) {
    for (const char* text : {"label", "help", "title", "text", "how", "role", "short", "period",
                             "date_note", "answer_label", "question_label", "now"}) {
      if (it.key() != text) continue;
      INFO(where << " " << it.key());
      CHECK(it.value().is_string());
      CHECK_FALSE(it.value().get<std::string>().empty());
    }
    expect_worded(it.value(), where);
  }
}

const Json kEmployee = {{"situation_pro", "salarie"},
                        {"contrat_travail", true},
                        {"arret_travail", true},
                        {"motif_arret", "maladie"},
                        {"pension_invalidite", false}};

}  // namespace

TEST_CASE("every id of every reply of the walk has its words, in French and in English",
          "[texts]") {
  const auto& rules = shipped_rules();
  auto request = pdp::read_request(rules, Json::object(), {2026, 11, 23});
  REQUIRE(request);
  std::size_t visited = 0;
  std::size_t worded_replies = 0;
  const auto count = pdp::walk_paths(
      rules, {2026, 11, 23},
      [&](const pdp::WalkPath&, const pdp::Answers& answers, const pdp::Situation&) {
        // One path in seven, in both languages: every outcome and item is met (the machine is
        // shared; the page's test, tests/wasm/reply-texts.test.mjs, words every path).
        if (visited++ % 7 != 0) return;
        pdp::Request at_leaf = request.value();
        at_leaf.answers = answers;
        pdp::logic::Budget budget;
        const Json reply = pdp::respond(rules, at_leaf, budget);
        for (const char* locale : {"fr", "en"}) {
          const auto words = pdp::with_texts(rules, reply, locale);
          REQUIRE(words);
          expect_worded(words.value(), locale);
          CHECK(words.value().at("notices").size() == 4);
        }
        ++worded_replies;
      });
  REQUIRE(count);
  CHECK(worded_replies > 100);
}

TEST_CASE("a question is worded with its choices, and an answer with its label", "[texts]") {
  const Json reply = assess_answers(kEmployee);
  // The reply names the choices by value only.
  CHECK(reply.at("next_question").at("choices") ==
        Json{"reprise_difficile", "risque_rupture_contrat", "aucune"});
  CHECK_FALSE(reply.at("next_question").contains("label"));
  const auto french = pdp::with_texts(shipped_rules(), reply, "fr");
  const auto english = pdp::with_texts(shipped_rules(), reply, "en");
  REQUIRE(french);
  REQUIRE(english);
  const Json& fr = french.value();
  const Json& en = english.value();
  const Json& texts = shipped_rules().texts.at("en");
  CHECK(en.at("next_question").at("label") == texts.at("questions").at("difficultes").at("label"));
  CHECK(en.at("next_question").at("choices")[2] ==
        Json{{"value", "aucune"},
             {"label", texts.at("questions").at("difficultes").at("options").at("aucune")}});
  CHECK(en.at("steps")[2].at("answer_label") == texts.at("answers").at("yes"));
  CHECK(fr.at("steps")[2].at("answer_label") == "Oui");
  CHECK(fr.at("steps")[0].at("question").at("label") !=
        en.at("steps")[0].at("question").at("label"));
}

TEST_CASE("a text the locale lacks is an error naming it, never a crash or a blank", "[texts]") {
  pdp::RuleSet rules = shipped_rules();
  rules.texts.at("en").at("questions").at("difficultes").erase("help");
  const auto words = pdp::with_texts(rules, assess_answers(kEmployee), "en");
  REQUIRE_FALSE(words);
  CHECK(words.error().code == "texts.missing");
  CHECK(words.error().path == "/questions/difficultes/help");
  CHECK(words.error().message.find("/questions/difficultes/help") != std::string::npos);
  // French still has it.
  CHECK(pdp::with_texts(rules, assess_answers(kEmployee), "fr"));
}

TEST_CASE("a locale the rules lack, or something that is not a reply, is refused", "[texts]") {
  const auto& rules = shipped_rules();
  const Json reply = assess_answers(kEmployee);
  CHECK(pdp::with_texts(rules, reply, "de").error().code == "request.unknown_locale");
  CHECK(pdp::with_texts(rules, Json::object(), "fr").error().code == "reply.invalid");
  CHECK(pdp::with_texts(rules, Json::array(), "fr").error().code == "reply.invalid");
  Json unknown_question = reply;
  unknown_question["next_question"]["id"] = "pas_une_question";
  CHECK(pdp::with_texts(rules, unknown_question, "fr").error().code == "reply.invalid");
  Json wrong_type = reply;
  wrong_type["steps"] = "none";
  CHECK(pdp::with_texts(rules, wrong_type, "fr").error().code == "reply.invalid");
  Json unknown_item = assess_answers({{"situation_pro", "msa"}}, "2026-12-02");
  REQUIRE_FALSE(unknown_item.at("next_steps").empty());
  unknown_item["next_steps"][0]["id"] = "nulle_part";
  CHECK(pdp::with_texts(rules, unknown_item, "fr").error().code == "reply.invalid");
}
