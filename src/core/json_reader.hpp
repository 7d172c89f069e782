// Walks a JSON document field by field, recording each problem with the JSON path where it is.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/json_pointer.hpp"

namespace pdp {

class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string path, Errors& problems)
      : value_(value), path_(std::move(path)), problems_(problems) {}

  const nlohmann::json& json() const { return value_; }
  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const { return path_ + "/" + pointer_token(key); }
  std::string path_of(std::size_t index) const { return path_ + "/" + std::to_string(index); }

  JsonReader at(const std::string& key) const;
  JsonReader at(std::size_t index) const;
  bool has(const std::string& key) const;

  // Each returns false (and records "rules.wrong_type" or "rules.missing_field") on mismatch.
  bool expect_object();
  bool expect_array();
  // Records "rules.unknown_field" for any key outside `allowed` ("$schema" is always allowed).
  void only_fields(std::initializer_list<const char*> allowed);
  std::optional<std::string> string(const std::string& key, bool required = true);
  std::optional<bool> boolean(const std::string& key);
  std::vector<std::string> strings(const std::string& key, bool required = true);

  void problem(const std::string& code, const std::string& message) const;
  void problem_at(const std::string& path, const std::string& code,
                  const std::string& message) const;

 private:
  const nlohmann::json& value_;
  std::string path_;
  Errors& problems_;
};

}  // namespace pdp
