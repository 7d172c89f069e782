// Validation of requests: bad input is refused with a stable code and the path of the value.
#include <catch2/catch.hpp>

#include "core/assessment.hpp"
#include "core/request.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

// The reply to a request's text (the text API, as the page's module calls it), read back.
Json assess_text(const std::string& text) {
  return Json::parse(pdp::assess_text(shipped_rules(), text, {2026, 11, 23}));
}

}  // namespace

TEST_CASE("each bad request is refused with its code, its path and nothing else", "[request]") {
  const Json cases = read_json(PDP_SOURCE_DIR "/tests/bad-requests.json");
  REQUIRE(cases.size() >= 15);
  for (const auto& bad : cases) {
    CAPTURE(bad.at("name").get<std::string>());
    // "padding": that many spaces after the request's text, to make it too long.
    const Json response =
        bad.contains("text") ? assess_text(bad.at("text").get<std::string>())
        : bad.contains("padding")
            ? assess_text(bad.at("request").dump() + std::string(bad.at("padding"), ' '))
            : pdp::assess(shipped_rules(), bad.at("request"), {2026, 11, 23});
    REQUIRE(response.contains("error"));
    CHECK(response.size() == 1);  // never a partial result beside the error
    CHECK(response.at("error").at("code") == bad.at("code"));
    CHECK(response.at("error").at("path") == bad.at("path"));
    CHECK(response.at("error").at("message").get<std::string>().size() > 10);
    // The same request as text: the parser's limits give the same code and path as the checks
    // of a request built in memory.
    if (bad.contains("request") && !bad.contains("padding")) {
      const Json from_text = assess_text(bad.at("request").dump());
      CHECK(from_text == response);
    }
  }
}

TEST_CASE("an unknown option is refused with a message listing the allowed options", "[request]") {
  const Json response = assess_answers({{"situation_pro", "retraite"}});
  const std::string message = response.at("error").at("message");
  CHECK(message.find("retraite") != std::string::npos);
  CHECK(message.find("\"salarie\", \"independant\", \"fonctionnaire\", \"msa\", \"autre\"") !=
        std::string::npos);
}

TEST_CASE("an empty request starts the questionnaire on today's date in French", "[request]") {
  const Json response = pdp::assess(shipped_rules(), Json::object(), {2026, 11, 23});
  REQUIRE_FALSE(response.contains("error"));
  CHECK(response.at("date") == "2026-11-23");
  CHECK(response.at("locale") == "fr");
  CHECK(response.at("next_question").at("id") == "situation_pro");
}

TEST_CASE("'ne_sait_pas' is an ordinary option where the question lists it", "[request]") {
  const Json response = assess_answers({{"situation_pro", "salarie"},
                                        {"contrat_travail", true},
                                        {"solution_entreprise", "ne_sait_pas"}});
  REQUIRE_FALSE(response.contains("error"));
  CHECK(response.at("answers").at("solution_entreprise") == "ne_sait_pas");
}

TEST_CASE("a long answer with accented letters is quoted without breaking its characters",
          "[request]") {
  // 40 two-byte letters: the message quotes the value cut short, never inside a letter.
  std::string value = "a";  // shifts the letters so that byte 57 falls inside one
  for (int i = 0; i < 40; ++i) value += "é";
  const Json response = assess_answers({{"arret_travail", value}});
  REQUIRE(response.contains("error"));
  CHECK(response.at("error").at("code") == "answers.wrong_type");
  CHECK(response.at("error").at("message").get<std::string>().find("...") != std::string::npos);
  CHECK_NOTHROW(response.dump());
}

TEST_CASE("issue #6 - a request that is not UTF-8 is refused with a message that is", "[request]") {
  // The parser's message repeats the bytes it last read: quoted as they were, they made the
  // response itself invalid UTF-8, which a strict serialiser refuses.
  const std::string text = "{\"answers\": \xff\xfe}";
  const Json response = assess_text(text);
  REQUIRE(response.contains("error"));
  CHECK(response.at("error").at("code") == "request.invalid_json");
  // The reply's text replaces what is not UTF-8 anyway: the message must already be UTF-8.
  const auto parsed = pdp::parse_request_text(text);
  REQUIRE_FALSE(parsed);
  CHECK_NOTHROW(Json(parsed.error().message).dump());
  CHECK(response.at("error").at("message").get<std::string>().find("\xef\xbf\xbd") !=
        std::string::npos);
}

TEST_CASE("issue #6 - a parse error's message stays short whatever the text read", "[request]") {
  // An unterminated string of 60,000 characters: the message quotes the start of it only.
  const Json response = assess_text("{\"answers\": \"" + std::string(60000, 'a'));
  REQUIRE(response.contains("error"));
  CHECK(response.at("error").at("code") == "request.invalid_json");
  CHECK(response.at("error").at("message").get<std::string>().size() < 300);
}
