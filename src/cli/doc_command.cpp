// The `doc` command: reads the rules and the personas of tests/scenarios, prints the document.
#include "cli/doc_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/rules_folder.hpp"
#include "core/doc/html_writer.hpp"
#include "core/doc/markdown_writer.hpp"
#include "core/doc/rules_document.hpp"

namespace {

namespace fs = std::filesystem;
using pdp::Json;

constexpr const char* kDocUsage =
    "usage: pdp-assess doc [--rules DIR] [--scenarios DIR] [--format md|html]\n";

int doc_usage_error(const std::string& message, std::ostream& err) {
  err << "pdp-assess: " << message << "\n" << kDocUsage;
  return 2;
}

// tests/scenarios of the repository the rules folder belongs to: <rules>/../tests/scenarios.
fs::path scenarios_beside(const std::string& rules) {
  fs::path folder = fs::absolute(rules).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();  // "rules/" ends with a separator
  return folder.parent_path() / "tests" / "scenarios";
}

// The scenarios of `folder`, sorted by file name so that the document never depends on the order
// the file system lists them in; nullopt (with the reason on `err`) when one cannot be read.
std::optional<std::vector<pdp::doc::Scenario>> read_scenarios(const fs::path& folder,
                                                              std::ostream& err) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (error) {
    err << "pdp-assess: cannot list the scenarios of " << folder.string() << "\n";
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  std::vector<pdp::doc::Scenario> scenarios;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const Json json = Json::parse(text.str(), nullptr, false);
    auto scenario = pdp::doc::scenario_from_json(file.filename().string(), json);
    if (!in || !scenario) {
      err << "pdp-assess: " << file.string()
          << " is not a scenario (see tests/scenarios/README.md)\n";
      return std::nullopt;
    }
    scenarios.push_back(std::move(*scenario));
  }
  return scenarios;
}

}  // namespace

int run_doc_command(const std::vector<std::string>& args, const std::string& default_rules,
                    std::ostream& out, std::ostream& err) {
  std::string rules_folder = default_rules;
  std::optional<std::string> scenarios_folder;
  std::string format = "md";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg != "--rules" && arg != "--scenarios" && arg != "--format") {
      return doc_usage_error(arg.rfind("-", 0) == 0 ? "unknown option " + arg
                                                    : "doc takes no FILE (it writes on stdout)",
                             err);
    }
    if (i + 1 >= args.size()) return doc_usage_error(arg + " needs a value", err);
    const std::string& value = args[++i];
    if (arg == "--rules") rules_folder = value;
    if (arg == "--scenarios") scenarios_folder = value;
    if (arg == "--format") format = value;
  }
  if (format != "md" && format != "html") {
    return doc_usage_error("--format is md or html, not \"" + format + "\"", err);
  }
  if (scenarios_folder && !fs::is_directory(*scenarios_folder)) {
    return doc_usage_error("no scenarios folder at \"" + *scenarios_folder + "\"", err);
  }

  auto rules = pdp::cli::load_rules_folder(rules_folder, err);
  if (!rules) return 1;
  // Without --scenarios, a rules folder outside a checkout simply has no scenarios to list.
  const fs::path folder =
      scenarios_folder ? fs::path(*scenarios_folder) : scenarios_beside(rules_folder);
  std::vector<pdp::doc::Scenario> scenarios;
  if (scenarios_folder || fs::is_directory(folder)) {
    auto read = read_scenarios(folder, err);
    if (!read) return 1;
    scenarios = std::move(*read);
  }

  const pdp::doc::Document document = pdp::doc::rules_document(*rules, scenarios);
  out << (format == "html" ? pdp::doc::html(document) : pdp::doc::markdown(document));
  return out ? 0 : 1;
}
