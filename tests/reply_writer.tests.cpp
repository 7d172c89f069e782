// The reply is written as JSON text directly (json_writer.hpp, response.cpp), with no JSON tree:
// the text must be byte for byte what nlohmann::json dumps for the same value, as every host sent
// it when the reply was a tree (compact, keys in byte order, the same escapes).
#include <limits>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/conversation.hpp"
#include "core/json_writer.hpp"
#include "core/response.hpp"
#include "core/walk.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

std::string dumped(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string written_string(const std::string& text) {
  std::string out;
  pdp::append_json_string(out, text);
  return out;
}

// The text as a tree, dumped again: the same bytes only if the text was already in nlohmann's form.
std::string tree_dump_of(const std::string& text) {
  const Json tree = Json::parse(text, nullptr, false);
  REQUIRE_FALSE(tree.is_discarded());
  return dumped(tree);
}

}  // namespace

TEST_CASE("a string is escaped exactly as nlohmann dumps it", "[reply writer]") {
  SECTION("quotes, backslashes and the control characters with a short escape") {
    const std::string text = "say \"hi\" \\ \b\t\n\f\r end";
    CHECK(written_string(text) == R"("say \"hi\" \\ \b\t\n\f\r end")");
    CHECK(written_string(text) == dumped(Json(text)));
  }
  SECTION("every other control character as \\u00xx in lower case, DEL and '/' as they are") {
    for (int c = 0; c < 0x20; ++c) {
      const std::string text = "a" + std::string(1, static_cast<char>(c)) + "b";
      CAPTURE(c);
      CHECK(written_string(text) == dumped(Json(text)));
    }
    CHECK(written_string("\x1f") == R"("\u001f")");
    CHECK(written_string("\x7f/") == "\"\x7f/\"");
  }
  SECTION("letters beyond ASCII kept as UTF-8, never escaped") {
    for (const std::string text : {"é", "Prévention de la désinsertion", "€ 𝄞 中文", "\xc2\x80"}) {
      CAPTURE(text);
      CHECK(written_string(text) == "\"" + text + "\"");
      CHECK(written_string(text) == dumped(Json(text)));
    }
  }
  SECTION("bytes that are not UTF-8 replaced as nlohmann replaces them") {
    for (const std::string text : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                   "\xe2\x82", "x\xe2\x82y", "\xf0\x9d\x84"}) {
      CAPTURE(text);
      CHECK(written_string(text) == dumped(Json(text)));
    }
  }
  SECTION("the empty string") {
    CHECK(written_string("") == "\"\"");
  }
}

TEST_CASE("objects, arrays, numbers, booleans, null and dumped values are written as dumped",
          "[reply writer]") {
  pdp::JsonWriter out;
  out.begin_object();
  out.key("a");
  out.begin_array();
  out.number(0);
  out.number(-12);
  out.number(std::numeric_limits<long long>::min());
  out.number(std::size_t{18446744073709551615u});
  out.boolean(true);
  out.boolean(false);
  out.null();
  out.begin_object();
  out.end_object();
  out.begin_array();
  out.end_array();
  out.end_array();
  out.key("b \"key\"");
  out.value(Json{{"z", 1.5}, {"y", {"é", nullptr}}});
  out.key("c");
  out.raw("[1,2]");
  out.end_object();
  const std::string text = out.take();
  CHECK(
      text ==
      R"({"a":[0,-12,-9223372036854775808,18446744073709551615,true,false,null,{},[]],"b \"key\"":{"y":["é",null],"z":1.5},"c":[1,2]})");
  CHECK(text == tree_dump_of(text));
}

TEST_CASE(
    "the reply written directly is byte for byte the JSON tree's dump on every path of the walk",
    "[reply writer][walk]") {
  const auto& rules = shipped_rules();
  const pdp::Date today{2026, 11, 23};
  std::size_t replies = 0;
  for (const char* date : {"2021-06-15", "2026-11-23"}) {
    const pdp::Date on = *pdp::Date::parse(date);
    // Every prefix of every path is a reply the page shows (a question asked); the walk reaches
    // each many times, so each is written once.
    std::set<std::string> prefixes_seen;
    const auto count = pdp::walk_paths(
        rules, on, [&](const pdp::WalkPath& path, const pdp::Answers&, const pdp::Situation&) {
          pdp::Answers answers(rules.questions.size());
          std::string prefix;
          for (std::size_t k = 0; k <= path.size(); ++k) {
            // Each new prefix, or every walk_stride()-th of them (the sanitizer build).
            if (prefixes_seen.insert(prefix).second &&
                (prefixes_seen.size() - 1) % walk_stride() == 0) {
              for (const char* locale : {"fr", "en"}) {
                CAPTURE(date, locale, prefix);
                const pdp::Request request{answers, on, locale, today, {}};
                pdp::logic::Budget budget;
                const pdp::Conversation conversation =
                    pdp::converse(rules, request.answers, request.date, budget);
                const std::string text = pdp::write_response(rules, request, conversation, budget);
                REQUIRE_FALSE(budget.spent());
                CHECK(text == tree_dump_of(text));
                ++replies;
              }
            }
            if (k == path.size()) break;
            const auto& question = rules.questions[path[k].question];
            answers[path[k].question] = pdp::read_answer(question, path[k].answer, "").value();
            prefix += question.id + "=" + path[k].answer.dump() + ";";
          }
        });
    REQUIRE(count);
  }
  CHECK(replies * walk_stride() > 10000);
}

TEST_CASE(
    "answers dropped, kept in part or named by other rules are written as the tree dumps them",
    "[reply writer]") {
  const auto& rules = shipped_rules();
  const pdp::Date today{2026, 11, 23};
  const Json requests = {
      // Saved under other rules: a question these rules lack, with a key and an answer that need
      // escaping, and an answer of the wrong type.
      {{"rules_version", "2020.1.0"},
       {"answers",
        {{"situation_pro", "salarie"},
         {"contrat_travail", "peut-être"},
         {"ancienne \"question\"\n\t\x01 é", {{"z", {1.5, -2, "\x1f"}}, {"a", nullptr}}}}}},
      // Answers made useless by the earlier ones ("not_needed"), or beyond the next question.
      {{"answers",
        {{"situation_pro", "autre"}, {"arret_travail", true}, {"motif_arret", "maladie"}}}},
      {{"answers", {{"situation_pro", "salarie"}, {"deja_contacte", false}}}, {"locale", "en"}},
      {{"answers", Json::object()}, {"date", "2021-06-15"}}};
  for (const auto& request : requests) {
    CAPTURE(request.dump());
    const std::string text = pdp::assess_text(rules, request.dump(), today);
    CHECK(text == tree_dump_of(text));
    CHECK(text == dumped(pdp::assess(rules, request, today)));
  }
}

TEST_CASE("an error reply is the same text as before, through the text API", "[reply writer]") {
  const std::string text =
      pdp::assess_text(shipped_rules(), R"({"answers": {"situation_pro": 1}})", {2026, 11, 23});
  CHECK(text == dumped(pdp::assess(shipped_rules(), {{"answers", {{"situation_pro", 1}}}},
                                   {2026, 11, 23})));
  CHECK(Json::parse(text).at("error").at("code") == "answers.wrong_type");
}
