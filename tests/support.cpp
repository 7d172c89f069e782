// Shared test fixtures; the only place the tests read files.
#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/rules_folder.hpp"
#include "core/assessment.hpp"
#include "core/reply_texts.hpp"

namespace pdp::test {

const RuleFiles& shipped_rule_files() {
  static const RuleFiles files = cli::read_rules_folder(PDP_SOURCE_DIR "/rules");
  return files;
}

const RuleSet& shipped_rules() {
  static const RuleSet rules = [] {
    LoadedRules loaded = load_rules(shipped_rule_files());
    if (!loaded.rules) {
      throw std::runtime_error("shipped rules invalid: " + loaded.problems.front().path + ": " +
                               loaded.problems.front().message);
    }
    return std::move(*loaded.rules);
  }();
  return rules;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Json read_json(const std::string& path) {
  return Json::parse(read_text(path));
}

std::vector<std::string> json_files_in(const std::string& folder) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Json assess_answers(const Json& answers, const std::string& date) {
  return assess(shipped_rules(), Json{{"answers", answers}, {"date", date}}, Date{2026, 11, 23});
}

Json worded(const Json& response, const std::string& locale) {
  auto words = with_texts(shipped_rules(), response, locale);
  if (!words) {
    throw std::runtime_error(words.error().code + " at " + words.error().path + ": " +
                             words.error().message);
  }
  return words.value();
}

std::vector<std::string> ids(const Json& response, const std::string& list) {
  std::vector<std::string> out;
  for (const auto& item : response.at(list)) out.push_back(item.at("id").get<std::string>());
  return out;
}

RuleFiles broken_rule_files(const Json& broken_case) {
  RuleFiles files = shipped_rule_files();
  const std::string file = broken_case.at("file").get<std::string>();
  if (broken_case.contains("text")) {
    files[file] = broken_case.at("text").get<std::string>();
    return files;
  }
  if (broken_case.value("delete_file", false)) {
    files.erase(file);
    return files;
  }
  Json content = Json::parse(files.at(file));
  if (broken_case.contains("set")) {
    for (const auto& [pointer, value] : broken_case.at("set").items()) {
      content[Json::json_pointer(pointer)] = value;
    }
  }
  if (broken_case.contains("remove")) {
    for (const auto& pointer_text : broken_case.at("remove")) {
      const Json::json_pointer pointer(pointer_text.get<std::string>());
      Json& parent = content.at(pointer.parent_pointer());
      if (parent.is_array()) {
        parent.erase(static_cast<std::size_t>(std::stoul(pointer.back())));
      } else {
        parent.erase(pointer.back());
      }
    }
  }
  files[file] = content.dump(2);
  return files;
}

std::size_t walk_stride() {
  static const std::size_t stride = [] {
    const char* text = std::getenv("PDP_WALK_STRIDE");
    const long value = text == nullptr ? 1 : std::strtol(text, nullptr, 10);
    return value > 0 ? static_cast<std::size_t>(value) : std::size_t{1};
  }();
  return stride;
}

}  // namespace pdp::test
