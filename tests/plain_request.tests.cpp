// The plain request read straight from its text gives what the long way gives, or leaves it to it.
#include <catch2/catch.hpp>

#include "core/plain_request.hpp"
#include "core/request.hpp"
#include "core/walk.hpp"
#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

const pdp::Date kToday{2026, 11, 23};

// The request as read_request reads the same text, or nothing when it refuses it.
std::optional<pdp::Request> the_long_way(const std::string& text) {
  auto json = pdp::parse_request_text(text);
  if (!json) return std::nullopt;
  auto read = pdp::read_request(shipped_rules(), json.value(), kToday);
  if (!read) return std::nullopt;
  return std::move(read).value();
}

// Both requests, side by side, as JSON (answers by question, date, today, locale, dropped).
Json described(const pdp::Request& request) {
  Json answers = Json::object();
  for (std::size_t q = 0; q < request.answers.size(); ++q) {
    if (request.answers[q])
      answers[shipped_rules().questions[q].id] = request.answers[q]->to_json();
  }
  return {{"answers", answers},
          {"date", request.date.iso()},
          {"today", request.today.iso()},
          {"locale", request.locale},
          {"dropped", request.dropped.size()}};
}

}  // namespace

TEST_CASE("every request of the walk is read straight from its text as the long way reads it",
          "[request][walk]") {
  const auto& rules = shipped_rules();
  std::size_t read = 0;
  for (const char* date : {"2021-06-15", "2026-11-23"}) {
    const auto count =
        pdp::walk_paths(rules, *pdp::Date::parse(date),
                        [&](const pdp::WalkPath& path, const pdp::Answers&, const pdp::Situation&) {
                          Json answers = Json::object();
                          for (const auto& step : path)
                            answers[rules.questions[step.question].id] = step.answer;
                          for (const Json& request :
                               {Json{{"answers", answers}, {"date", date}, {"locale", "en"}},
                                Json{{"answers", answers}, {"rules_version", rules.version}}}) {
                            const std::string text = request.dump();
                            CAPTURE(text);
                            const auto plain = pdp::read_plain_request(rules, text, kToday);
                            const auto long_way = the_long_way(text);
                            REQUIRE(plain);
                            REQUIRE(long_way);
                            CHECK(described(*plain) == described(*long_way));
                            ++read;
                          }
                        });
    REQUIRE(count);
  }
  CHECK(read > 7000);
}

TEST_CASE("a request that is not plain, or is refused, is left to the long way", "[request]") {
  const auto& rules = shipped_rules();
  const std::string long_text(300, 'x');
  const std::string other_version = "{\"rules_version\": \"1900.1.0\", \"answers\": {}}";
  for (const std::string& text : {
           std::string("{\"answers\": {\"situation_pro\": \"salarie\", \"situation_pro\": "
                       "\"independant\"}}"),  // an answer given twice
           std::string("{\"date\": \"2026-11-23\", \"date\": \"2026-11-24\"}"),  // a field twice
           std::string("{\"answers\": {\"arret_travail\": 1}}"),                 // a number
           std::string("{\"answers\": {\"arret_travail\": null}}"),              // null
           std::string("{\"answers\": {\"difficultes\": [[\"aucune\"]]}}"),      // nested lists
           std::string("{\"answers\": {\"situation_pro\": \"" + long_text + "\"}}"),
           std::string("{\"answers\": {\"" + long_text + "\": true}}"),
           std::string("{\"answers\": {\"nope\": true}}"),                     // no such question
           std::string("{\"answers\": {\"situation_pro\": \"astronaute\"}}"),  // no such option
           std::string("{\"answers\": [], \"date\": \"2026-11-23\"}"),
           std::string("{\"date\": \"2026-02-30\"}"), std::string("{\"locale\": \"de\"}"),
           std::string("{\"extra\": true}"), std::string("[]"),
           std::string("{\"answers\": {}} trailing"),
           other_version,  // answers saved under other rules may be dropped
       }) {
    CAPTURE(text);
    CHECK_FALSE(pdp::read_plain_request(rules, text, kToday));
  }
  // The long way reads some of them (the last value of a key given twice, other rules' answers).
  CHECK(the_long_way(other_version));
  // Each bad request of tests/bad-requests.json is refused by the long way, never read plainly.
  const Json cases = read_json(PDP_SOURCE_DIR "/tests/bad-requests.json");
  for (const auto& bad : cases) {
    if (!bad.contains("request") || bad.contains("padding")) continue;  // padding: spaces after it
    CAPTURE(bad.at("name").get<std::string>());
    CHECK_FALSE(pdp::read_plain_request(rules, bad.at("request").dump(), kToday));
  }
}
