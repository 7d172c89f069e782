// A persona of tests/scenarios as the rules' documentation lists it: who, on what day, the
// answers given and the result expected. The command line reads the files; the core only parses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules.hpp"

namespace pdp::doc {

struct ScenarioStep {
  std::string question;
  Json answer;
};

struct Scenario {
  std::string file;  // the file name, how a reviewer finds it ("fonctionnaire.json")
  std::string name;
  std::string date;
  std::vector<ScenarioStep> steps;
  Json expect;  // as in the file (tests/scenarios/README.md): eligibility, criteria, measures…
};

// The scenario a file holds, or nullopt when the JSON is not shaped as one (a reviewer's document
// should not stop on a draft persona; the scenario tests refuse it).
std::optional<Scenario> scenario_from_json(const std::string& file, const Json& json);

}  // namespace pdp::doc
