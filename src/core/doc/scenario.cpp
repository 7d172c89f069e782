// Parsing a persona file into what the documentation shows of it.
#include "core/doc/scenario.hpp"

namespace pdp::doc {

std::optional<Scenario> scenario_from_json(const std::string& file, const Json& json) {
  if (!json.is_object()) return std::nullopt;
  const auto name = json.find("name");
  const auto date = json.find("date");
  const auto steps = json.find("steps");
  const auto expect = json.find("expect");
  if (name == json.end() || !name->is_string() || date == json.end() || !date->is_string() ||
      steps == json.end() || !steps->is_array() || expect == json.end() || !expect->is_object()) {
    return std::nullopt;
  }
  Scenario scenario{file, name->get<std::string>(), date->get<std::string>(), {}, *expect};
  for (const Json& step : *steps) {
    if (!step.is_object() || !step.contains("question") || !step["question"].is_string() ||
        !step.contains("answer")) {
      return std::nullopt;
    }
    scenario.steps.push_back({step["question"].get<std::string>(), step["answer"]});
  }
  return scenario;
}

}  // namespace pdp::doc
