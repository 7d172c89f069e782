// Fuzz target: any text as a request, through parsing, validation and the whole assessment.
// Invariants: the answer is either exactly a documented error, or a complete response whose parts
// agree with each other, that carries ids and values only and is worded in its language by
// with_texts; assessing the answers it used gives the same response again. And the input's bytes
// as a JSON string are written by json_text as nlohmann dumps them.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "cli/rules_folder.hpp"
#include "core/assessment.hpp"
#include "core/json_writer.hpp"
#include "core/reply_texts.hpp"
#include "invariants.hpp"

namespace {

using pdp::Json;
using pdp::fuzz::expect;

const pdp::RuleSet& rules() {
  static const pdp::RuleSet loaded = [] {
    pdp::LoadedRules result = pdp::load_rules(pdp::cli::read_rules_folder(PDP_SOURCE_DIR "/rules"));
    if (!result.rules) pdp::fuzz::fail("the shipped rules do not load");
    return std::move(*result.rules);
  }();
  return loaded;
}

bool is_question(const std::string& id) {
  return rules().question_index(id) >= 0;
}

// The reply carries ids and values: no words of the locale anywhere in it.
bool carries_no_text(const Json& value) {
  if (value.is_array()) {
    for (const auto& entry : value)
      if (!carries_no_text(entry)) return false;
  }
  if (!value.is_object()) return true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    for (const char* text : {"label", "help", "title", "text", "how", "role", "short", "period",
                             "date_note", "notices", "answer_label", "question_label"}) {
      if (it.key() == text) return false;
    }
    if (!carries_no_text(it.value())) return false;
  }
  return true;
}

void expect_complete(const Json& response, const Json& context) {
  for (const char* field :
       {"rules", "date", "locale", "eligibility", "criteria", "steps", "next_question", "progress",
        "answers", "dropped", "outcome", "to_check", "programmes", "measures", "actors", "channels",
        "next_steps"}) {
    expect(response.contains(field), std::string("a response has ") + field, context);
  }
  const std::string eligibility = response["eligibility"];
  const bool finished = response["next_question"].is_null();
  // The steps are answers kept, each once, in the order asked; all of them once finished.
  expect(response["steps"].size() <= response["answers"].size(), "a step is an answer kept",
         context);
  expect(!finished || response["steps"].size() == response["answers"].size(),
         "once finished, every answer kept is a step", context);
  for (const auto& step : response["steps"]) {
    const std::string& id = step["question"].get_ref<const std::string&>();
    expect(response["answers"].contains(id), "a step's question has its answer kept", context);
  }

  // Eligibility is the Kleene conjunction of the criteria, all of them, in the rules' order.
  const Json& criteria = response["criteria"];
  expect(criteria.size() == rules().criteria.size(), "every criterion is reported", context);
  bool any_unmet = false;
  bool all_met = true;
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    const std::string status = criteria[c]["status"];
    expect(criteria[c]["id"] == rules().criteria[c].id, "criteria in the rules' order", context);
    expect(status == "met" || status == "unmet" || status == "unknown", "a criterion's status",
           context);
    expect((status == "unmet") == criteria[c].contains("would_be_met_by"),
           "an unmet criterion, and only it, says what would meet it", context);
    any_unmet = any_unmet || status == "unmet";
    all_met = all_met && status == "met";
  }
  const std::string expected = any_unmet ? "not_eligible" : all_met ? "eligible" : "incomplete";
  expect(eligibility == expected, "eligibility follows the criteria", context);

  // The answers used are answers to questions, and the next question is not one of them.
  const Json& answers = response["answers"];
  expect(answers.is_object(), "answers is an object", context);
  for (auto it = answers.begin(); it != answers.end(); ++it) {
    expect(is_question(it.key()), "an answer used answers a question", context);
  }
  expect(response["progress"]["answered"] == response["steps"].size(), "progress counts the steps",
         context);
  if (!finished) {
    const std::string next = response["next_question"]["id"];
    expect(is_question(next) && !answers.contains(next), "the next question is still open",
           context);
    expect(response["progress"]["remaining_at_most"] >= 1, "an open question remains", context);
    expect(response["outcome"].is_null(), "no outcome before the end", context);
  } else {
    expect(response["outcome"].is_object(), "an outcome at the end", context);
  }
  for (const char* list : {"programmes", "measures", "actors", "channels", "next_steps"}) {
    for (const Json& item : response[list]) {
      const std::string status = item["status"];
      expect(status == "applies" || (status == "to_check" && finished),
             std::string("an item of ") + list + " applies, or is to check at the end", context);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const pdp::Date today{2026, 11, 23};
  // Any bytes as a JSON string are written as nlohmann dumps them (broken UTF-8 replaced alike):
  // the module writes every text of its replies with json_text, having no serializer of its own.
  expect(
      pdp::json_text(Json(text)) == Json(text).dump(-1, ' ', false, Json::error_handler_t::replace),
      "json_text writes a text as nlohmann dumps it", {{"bytes", text.substr(0, 200)}});
  // The reply is text, as the page's module sends it; nlohmann's parser checks that it is UTF-8.
  const std::string reply = pdp::assess_text(rules(), text, today);
  const Json response = Json::parse(reply, nullptr, false);
  expect(!response.is_discarded(), "a response is JSON text, valid UTF-8",
         {{"request", text.substr(0, 2000)}, {"reply", reply.substr(0, 2000)}});
  const Json context = {{"request", text.substr(0, 2000)}, {"response", response}};
  expect(response.is_object(), "a response is an object", context);
  expect(pdp::fuzz::serialises(response), "a response is valid UTF-8", context);

  if (response.contains("error")) {
    expect(response.size() == 1, "an error comes alone, never beside a result", context);
    pdp::fuzz::expect_error(response["error"], {"request.", "answers."}, context);
    // The path names a value of the request (unless the text was refused whole).
    const std::string& code = response["error"]["code"].get_ref<const std::string&>();
    const std::string& path = response["error"]["path"].get_ref<const std::string&>();
    if (code != "request.too_large" && code != "request.invalid_json") {
      // Nesting is refused where it goes too deep, maybe before a later syntax error.
      const Json request = Json::parse(text, nullptr, false);
      expect(!request.is_discarded() || code == "request.too_deep",
             "only a text that is not JSON is invalid JSON", context);
      if (!request.is_discarded()) {
        expect(pdp::fuzz::points_into(request, path), "the error's path names a value", context);
      }
    }
    return 0;
  }

  expect_complete(response, context);
  expect(carries_no_text(response), "a reply carries ids and values, no texts", context);
  // Every id of the reply has its words in the reply's language.
  const auto worded = pdp::with_texts(rules(), response, response["locale"].get<std::string>());
  expect(worded.ok(), "every reply can be worded in its language", context);
  // The answers the response used are a fixed point: assessing them again changes nothing (and
  // drops nothing).
  const Json again = pdp::assess(rules(),
                                 {{"answers", response["answers"]},
                                  {"date", response["date"]},
                                  {"locale", response["locale"]}},
                                 today);
  Json expected = response;
  expected["dropped"] = Json::array();
  expect(again == expected, "assessing the answers used gives the same response", context);
  return 0;
}
