// The reply is written as JSON text directly (json_writer.hpp, response.cpp), with no JSON tree:
// the text must be byte for byte what nlohmann::json dumps for the same value, as every host sent
// it when the reply was a tree (compact, keys in byte order, the same escapes).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/conversation.hpp"
#include "core/decimal_text.hpp"
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

TEST_CASE("every broken UTF-8 sequence of up to three bytes is replaced as nlohmann replaces it",
          "[reply writer]") {
  // The bytes where UTF-8's rules change (the lead bytes' ranges, the ranges of the byte after
  // E0, ED, F0 and F4, ASCII), each alone, by twos and by threes, with ASCII around.
  const std::vector<unsigned char> bytes = {0x00, 0x22, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0,
                                            0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
                                            0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
  std::size_t compared = 0;
  for (unsigned char a : bytes) {
    for (int b = -1; b < static_cast<int>(bytes.size()); ++b) {
      for (int c = -1; c < static_cast<int>(bytes.size()); ++c) {
        std::string text = "x";
        text += static_cast<char>(a);
        if (b >= 0) text += static_cast<char>(bytes[b]);
        if (c >= 0) text += static_cast<char>(bytes[c]);
        for (const std::string& whole : {text, text + "\x80\x80y"}) {
          const std::string expected = dumped(Json(whole));
          if (written_string(whole) != expected) {
            CAPTURE(whole);
            CHECK(written_string(whole) == expected);
          }
          ++compared;
        }
      }
    }
  }
  CHECK(compared == 2 * bytes.size() * (bytes.size() + 1) * (bytes.size() + 1));
}

TEST_CASE("four-byte sequences broken at each byte, and random bytes, are replaced as dumped",
          "[reply writer]") {
  for (const std::string text : {"\xf0\x9d\x84\x9e", "\xf0\x9d\x84",
                                 "\xf0\x9d\x84"
                                 "A",
                                 "\xf0\x9d"
                                 "A",
                                 "\xf0"
                                 "A",
                                 "\xf0\x8f\x84\x9e", "\xf4\x8f\xbf\xbf", "\xf4\x90\xbf\xbf",
                                 "\xf0\x9d\x84\xf0\x9d\x84\x9e"}) {
    CAPTURE(text);
    CHECK(written_string(text) == dumped(Json(text)));
  }
  std::uint32_t state = 12345;
  const auto next_byte = [&state] {
    state = state * 1664525u + 1013904223u;
    return static_cast<char>(state >> 24);
  };
  for (int n = 0; n < 20000; ++n) {
    std::string text(static_cast<std::size_t>(n % 9), '\0');
    for (char& c : text) c = next_byte();
    if (written_string(text) != dumped(Json(text))) {
      CAPTURE(text);
      CHECK(written_string(text) == dumped(Json(text)));
    }
  }
}

TEST_CASE("a float is written as JavaScript writes it, infinities and NaN as null",
          "[reply writer]") {
  // JSON.stringify's text of each value (node -p), where nlohmann writes 2.0, -0.0, 1e-07…
  const std::vector<std::pair<double, std::string>> examples = {
      {0.0, "0"},
      {-0.0, "0"},
      {2.0, "2"},
      {-1.5, "-1.5"},
      {0.1, "0.1"},
      {1e21, "1e+21"},
      {1e20, "100000000000000000000"},
      {1e-7, "1e-7"},
      {0.000001, "0.000001"},
      {123456789.125, "123456789.125"},
      {5e-324, "5e-324"},
      {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
      {std::numeric_limits<double>::lowest(), "-1.7976931348623157e+308"},
      {std::numeric_limits<double>::infinity(), "null"},
      {-std::numeric_limits<double>::infinity(), "null"},
      {std::numeric_limits<double>::quiet_NaN(), "null"}};
  for (const auto& [value, text] : examples) {
    CAPTURE(value);
    CHECK(pdp::json_text(Json(value)) == text);
  }
  // Any finite double: a JSON number that reads back as the same double.
  std::uint64_t bits = 0x3ff0000000000000u;
  for (int n = 0; n < 5000; ++n) {
    bits = bits * 6364136223846793005u + 1442695040888963407u;
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isfinite(value)) continue;
    const std::string text = pdp::json_text(Json(value));
    CAPTURE(value, text);
    const Json back = Json::parse(text, nullptr, false);
    REQUIRE(back.is_number());
    CHECK(back.get<double>() == value);
  }
}

TEST_CASE("a whole number is written in decimal as std::to_string writes it", "[reply writer]") {
  for (const long long value : {0LL, 7LL, -7LL, 1000000007LL, std::numeric_limits<long long>::min(),
                                std::numeric_limits<long long>::max()}) {
    CHECK(pdp::decimal_text(value) == std::to_string(value));
    CHECK(pdp::decimal_text(static_cast<int>(value % 100000)) ==
          std::to_string(static_cast<int>(value % 100000)));
  }
  for (const unsigned long long value :
       {0ULL, 9ULL, 10ULL, std::numeric_limits<unsigned long long>::max()}) {
    CHECK(pdp::decimal_text(value) == std::to_string(value));
  }
  CHECK(pdp::decimal_text(std::size_t{42}) == "42");
}

TEST_CASE("json_text writes any parsed value as nlohmann dumps it", "[reply writer]") {
  const Json value = Json::parse(
      R"({"b":[1,-2,3.25,"\u00e9\n",true,null,{}],"a":{"z":[],"y":18446744073709551615},"":0})");
  CHECK(pdp::json_text(value) == dumped(value));
  CHECK(pdp::json_text(Json("\xff")) == "\"\xEF\xBF\xBD\"");
}

TEST_CASE("identifiers, dates and keys written in the code are copied between quotes as they are",
          "[reply writer]") {
  pdp::JsonWriter out;
  out.begin_array();
  out.plain("salarie");
  out.plain("2026-12-06");
  out.begin_object();
  out.key("next_question");
  out.plain("arret_travail");
  out.key("remaining_at_most");
  out.number(3);
  out.end_object();
  out.plain("");
  out.end_array();
  const std::string text = out.take();
  CHECK(text ==
        R"(["salarie","2026-12-06",{"next_question":"arret_travail","remaining_at_most":3},""])");
  CHECK(text == tree_dump_of(text));
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
  out.key(std::string_view("b \"key\""));  // a key from data is escaped
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
