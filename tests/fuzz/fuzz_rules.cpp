// Fuzz target: rule loading. The first byte picks one shipped rule file (or, past the last, the
// whole bundle); the rest of the input replaces it.
// Invariants: a rule set loads with no problem at all, or is refused with every problem a
// documented rules.* code at a path in the file at fault; a rule set that loads answers the first
// request of a person with a complete response.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/rules_folder.hpp"
#include "core/assessment.hpp"
#include "core/rules_loader.hpp"
#include "invariants.hpp"

namespace {

using pdp::Json;
using pdp::fuzz::expect;

const pdp::RuleFiles& shipped() {
  static const pdp::RuleFiles files = pdp::cli::read_rules_folder(PDP_SOURCE_DIR "/rules");
  return files;
}

const std::vector<std::string>& names() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> out;
    for (const auto& [name, text] : shipped()) out.push_back(name);
    return out;
  }();
  return list;
}

Json problems_json(const pdp::Errors& problems) {
  Json out = Json::array();
  for (const auto& p : problems) {
    out.push_back({{"code", p.code}, {"message", p.message}, {"path", p.path}});
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t pick = data[0] % (names().size() + 1);
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

  pdp::RuleFiles files = shipped();
  std::string changed = "bundle";
  if (pick < names().size()) {
    changed = names()[pick];
    files[changed] = text;
  } else {
    auto unbundled = pdp::rule_files_from_bundle(text);
    if (!unbundled) {
      pdp::fuzz::expect_error(problems_json({unbundled.error()})[0], {"rules."},
                              text.substr(0, 2000));
      return 0;
    }
    files = std::move(unbundled).value().files;
  }

  const pdp::LoadedRules loaded = pdp::load_rules(files);
  const Json context = {{"file", changed},
                        {"text", text.substr(0, 2000)},
                        {"problems", problems_json(loaded.problems)}};
  expect(loaded.rules.has_value() == loaded.problems.empty(),
         "rules load exactly when there is no problem", context);
  for (const Json& problem : problems_json(loaded.problems)) {
    pdp::fuzz::expect_error(problem, {"rules."}, context);
    // The path starts with the name of a file of the rule set (or of the one missing).
    const std::string& path = problem["path"].get_ref<const std::string&>();
    const std::string file = path.substr(0, path.find('#'));
    expect(files.count(file) == 1 || problem["code"] == "rules.missing_file",
           "a problem's path names a rule file", context);
  }
  if (!loaded.rules) return 0;

  const pdp::RuleSet& rules = *loaded.rules;
  const Json info = pdp::rules_info(rules, rules.default_locale);
  expect(!info.contains("error") && pdp::fuzz::serialises(info), "loaded rules give their info",
         context);
  const Json first = pdp::assess(rules, Json::object(), rules.information_date);
  if (first.contains("error")) {
    // Only a budget spent by the rules' own conditions may stop a valid rule set.
    pdp::fuzz::expect_error(first["error"], {"rules.too_costly"}, context);
    return 0;
  }
  expect(pdp::fuzz::serialises(first), "a response is valid UTF-8", context);
  const std::string eligibility = first["eligibility"];
  expect(eligibility == "eligible" || eligibility == "not_eligible" || eligibility == "incomplete",
         "eligibility is one of three", context);
  expect(first["criteria"].size() == rules.criteria.size(), "every criterion is reported", context);
  if (!first["next_question"].is_null()) {
    expect(rules.question_index(first["next_question"]["id"]) >= 0,
           "the next question is a question", context);
  }
  return 0;
}
