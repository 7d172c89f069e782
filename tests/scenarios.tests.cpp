// Runs every persona of tests/scenarios: the questions asked in order, then the result.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "support.hpp"

using pdp::Json;
using namespace pdp::test;

namespace {

std::set<std::string> as_set(const std::vector<std::string>& ids) {
  return std::set<std::string>(ids.begin(), ids.end());
}

std::set<std::string> expected_set(const Json& list) {
  std::set<std::string> out;
  for (const auto& id : list) out.insert(id.get<std::string>());
  return out;
}

// The entry of a response list with this id, or nullptr.
const Json* find_by_id(const Json& list, const std::string& id) {
  for (const auto& entry : list) {
    if (entry.at("id") == id) return &entry;
  }
  return nullptr;
}

// "question=answer" (or "question=a|b" for one of several) for each change of a way.
std::vector<std::string> describe_way(const Json& way) {
  std::vector<std::string> out;
  for (const auto& change : way.at("changes")) {
    std::string answers;
    for (const auto& answer : change.at("answers")) {
      answers += (answers.empty() ? "" : "|") + answer.dump();
    }
    out.push_back(change.at("question").get<std::string>() + "=" + answers);
  }
  return out;
}

}  // namespace

TEST_CASE("every persona is asked the expected questions and gets the expected result",
          "[scenarios]") {
  const auto files = json_files_in(PDP_SOURCE_DIR "/tests/scenarios");
  REQUIRE(files.size() >= 10);
  for (const auto& file : files) {
    CAPTURE(file);
    const Json scenario = read_json(file);
    const std::string date = scenario.at("date").get<std::string>();
    Json answers = Json::object();
    for (const auto& step : scenario.at("steps")) {
      const Json response = assess_answers(answers, date);
      REQUIRE_FALSE(response.contains("error"));
      REQUIRE(response.at("next_question").is_object());
      CHECK(response.at("next_question").at("id") == step.at("question"));
      answers[step.at("question").get<std::string>()] = step.at("answer");
    }
    const Json response = assess_answers(answers, date);
    REQUIRE_FALSE(response.contains("error"));
    CHECK(response.at("next_question").is_null());
    // The reply gives back the path walked: each question in the order asked, with its answer.
    REQUIRE(response.at("steps").size() == scenario.at("steps").size());
    for (std::size_t i = 0; i < response.at("steps").size(); ++i) {
      const Json& step = response.at("steps")[i];
      const Json& question = scenario.at("steps")[i].at("question");
      CHECK(step.at("question") == question);
      CHECK(response.at("answers").at(question.get<std::string>()) ==
            scenario.at("steps")[i].at("answer"));
      // Asked, so it was open then: at least itself remained.
      CHECK(step.at("remaining_at_most").get<int>() >= 1);
    }
    CHECK(response.at("dropped").empty());

    const Json& expect = scenario.at("expect");
    CHECK(response.at("eligibility") == expect.at("eligibility"));
    if (expect.contains("criteria")) {
      for (const auto& [id, status] : expect.at("criteria").items()) {
        CAPTURE(id);
        const Json* criterion = find_by_id(response.at("criteria"), id);
        REQUIRE(criterion != nullptr);
        CHECK(criterion->at("status") == status);
      }
    }
    if (expect.contains("would_be_met_by")) {
      for (const auto& [id, ways] : expect.at("would_be_met_by").items()) {
        CAPTURE(id);
        const Json* criterion = find_by_id(response.at("criteria"), id);
        REQUIRE(criterion != nullptr);
        std::vector<std::vector<std::string>> actual;
        for (const auto& way : criterion->at("would_be_met_by"))
          actual.push_back(describe_way(way));
        std::vector<std::vector<std::string>> wanted =
            ways.get<std::vector<std::vector<std::string>>>();
        std::sort(actual.begin(), actual.end());
        std::sort(wanted.begin(), wanted.end());
        CHECK(actual == wanted);
      }
    }
    std::set<std::string> pending;
    if (expect.contains("pending")) pending = expected_set(expect.at("pending"));
    for (const char* list : {"programmes", "measures", "actors", "channels", "next_steps"}) {
      CAPTURE(list);
      if (!expect.contains(list)) continue;
      CHECK(as_set(ids(response, list)) == expected_set(expect.at(list)));
      for (const auto& item : response.at(list)) {
        CAPTURE(item.at("id"));
        const bool to_check = pending.count(item.at("id").get<std::string>()) != 0;
        CHECK(item.at("status") == (to_check ? "to_check" : "applies"));
      }
    }
    if (expect.contains("in_force")) {
      for (const auto& [id, in_force] : expect.at("in_force").items()) {
        CAPTURE(id);
        const Json* programme = find_by_id(response.at("programmes"), id);
        REQUIRE(programme != nullptr);
        CHECK(programme->at("in_force") == in_force);
      }
    }
    if (expect.contains("period_status")) {
      for (const auto& [id, status] : expect.at("period_status").items()) {
        CAPTURE(id);
        const Json* programme = find_by_id(response.at("programmes"), id);
        REQUIRE(programme != nullptr);
        CHECK(programme->at("period_status") == status);
      }
    }
    if (expect.contains("outcome")) CHECK(response.at("outcome").at("id") == expect.at("outcome"));
    if (expect.contains("variants")) {
      for (const auto& [id, variant] : expect.at("variants").items()) {
        CAPTURE(id);
        const Json* item = nullptr;
        for (const char* list : {"measures", "actors", "next_steps"}) {
          if (!item) item = find_by_id(response.at(list), id);
        }
        REQUIRE(item != nullptr);
        CHECK(item->value("variant", Json()) == variant);
      }
    }
    // What to check: the questions answered "je ne sais pas" and the criteria the sources leave
    // open for this person.
    std::set<std::string> to_check;
    for (const auto& entry : response.at("to_check")) {
      to_check.insert(entry.contains("criterion") ? entry.at("criterion") : entry.at("question"));
    }
    const std::set<std::string> expected_to_check =
        expect.contains("to_check") ? expected_set(expect.at("to_check")) : std::set<std::string>{};
    CHECK(to_check == expected_to_check);
  }
}

TEST_CASE("every persona names the source passages that decide it, and they exist", "[scenarios]") {
  const auto& rules = shipped_rules();
  for (const auto& file : json_files_in(PDP_SOURCE_DIR "/tests/scenarios")) {
    CAPTURE(file);
    const Json scenario = read_json(file);
    REQUIRE(scenario.contains("decided_by"));
    REQUIRE_FALSE(scenario.at("decided_by").empty());
    for (const auto& cited : scenario.at("decided_by")) {
      const std::string id = cited.at("document");
      CAPTURE(id);
      const pdp::Document* document = rules.document(id);
      REQUIRE(document != nullptr);
      const std::string text = read_text(PDP_SOURCE_DIR "/rules/sources/" + document->file);
      CHECK(text.find(cited.at("passage").get<std::string>()) != std::string::npos);
    }
  }
}
