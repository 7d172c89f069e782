// Field access on rule files that never throws and reports where a value is wrong.
#include "core/json_reader.hpp"

#include <algorithm>

#include "core/decimal_text.hpp"

namespace pdp {
namespace {

const nlohmann::json& null_json() {
  static const nlohmann::json kNull;
  return kNull;
}

const char* type_name(const nlohmann::json& value) {
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number()) return "a number";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "null";
}

}  // namespace

JsonReader JsonReader::at(const std::string& key) const {
  if (value_.is_object()) {
    auto found = value_.find(key);
    if (found != value_.end()) return JsonReader(*found, path_of(key), problems_);
  }
  return JsonReader(null_json(), path_of(key), problems_);
}

JsonReader JsonReader::at(std::size_t index) const {
  if (value_.is_array() && index < value_.size()) {
    return JsonReader(value_[index], path_of(index), problems_);
  }
  return JsonReader(null_json(), path_of(index), problems_);
}

bool JsonReader::has(const std::string& key) const {
  return value_.is_object() && value_.find(key) != value_.end();
}

bool JsonReader::expect_object() {
  if (value_.is_object()) return true;
  problem("rules.wrong_type", std::string("expected an object, found ") + type_name(value_));
  return false;
}

bool JsonReader::expect_array() {
  if (value_.is_array()) return true;
  problem("rules.wrong_type", std::string("expected an array, found ") + type_name(value_));
  return false;
}

void JsonReader::only_fields(std::initializer_list<const char*> allowed) {
  if (!value_.is_object()) return;
  for (auto it = value_.begin(); it != value_.end(); ++it) {
    if (it.key() == "$schema") continue;
    bool known = std::any_of(allowed.begin(), allowed.end(),
                             [&](const char* name) { return it.key() == name; });
    if (!known) {
      std::string list;
      for (const char* name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
      problem_at(path_of(it.key()), "rules.unknown_field",
                 "unknown field \"" + it.key() + "\" (allowed: " + list + ")");
    }
  }
}

std::optional<std::string> JsonReader::string(const std::string& key, bool required) {
  if (!has(key)) {
    if (required) {
      problem_at(path_of(key), "rules.missing_field", "missing field \"" + key + "\"");
    }
    return std::nullopt;
  }
  const auto& value = value_[key];
  if (!value.is_string()) {
    problem_at(path_of(key), "rules.wrong_type",
               "\"" + key + "\" must be a string, found " + type_name(value));
    return std::nullopt;
  }
  if (required && value.get_ref<const std::string&>().empty()) {
    problem_at(path_of(key), "rules.missing_field", "\"" + key + "\" must not be empty");
    return std::nullopt;
  }
  return value.get<std::string>();
}

std::optional<bool> JsonReader::boolean(const std::string& key) {
  if (!has(key)) return std::nullopt;
  const auto& value = value_[key];
  if (!value.is_boolean()) {
    problem_at(path_of(key), "rules.wrong_type",
               "\"" + key + "\" must be true or false, found " + type_name(value));
    return std::nullopt;
  }
  return value.get<bool>();
}

std::vector<std::string> JsonReader::strings(const std::string& key, bool required) {
  std::vector<std::string> out;
  if (!has(key)) {
    if (required) {
      problem_at(path_of(key), "rules.missing_field", "missing field \"" + key + "\"");
    }
    return out;
  }
  const auto& value = value_[key];
  if (!value.is_array()) {
    problem_at(path_of(key), "rules.wrong_type",
               "\"" + key + "\" must be an array of strings, found " + type_name(value));
    return out;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      problem_at(path_of(key) + "/" + decimal_text(i), "rules.wrong_type",
                 std::string("expected a string, found ") + type_name(value[i]));
      continue;
    }
    out.push_back(value[i].get<std::string>());
  }
  return out;
}

void JsonReader::problem(const std::string& code, const std::string& message) const {
  problem_at(path_, code, message);
}

void JsonReader::problem_at(const std::string& path, const std::string& code,
                            const std::string& message) const {
  problems_.push_back(Error{code, message, path});
}

}  // namespace pdp
