// File-system side of rule loading, kept out of the core.
#include "cli/rules_folder.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/response.hpp"

namespace pdp::cli {

RuleFiles read_rules_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  RuleFiles files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    if (!it->is_regular_file() || it->path().extension() != ".json") continue;
    const std::string relative = fs::relative(it->path(), folder).generic_string();
    if (relative.rfind("schema/", 0) == 0) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[relative] = text.str();
  }
  return files;
}

std::optional<RuleSet> load_rules_folder(const std::string& folder, std::ostream& out) {
  if (!std::filesystem::is_directory(folder)) {
    out << error_response(Error{"rules.missing_file", "no rules folder at \"" + folder + "\"", ""})
               .dump(2, ' ', false, Json::error_handler_t::replace)
        << "\n";
    return std::nullopt;
  }
  LoadedRules loaded = load_rules(read_rules_folder(folder));
  if (loaded.rules) return std::move(loaded.rules);
  out << problems_response(loaded.problems).dump(2, ' ', false, Json::error_handler_t::replace)
      << "\n";
  return std::nullopt;
}

}  // namespace pdp::cli
