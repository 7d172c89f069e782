// Parses JSON text without exceptions, saying where it is broken and bounding its nesting.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace pdp {

struct JsonTextLimits {
  std::size_t max_depth = 64;
};

// On failure the error has `code` (e.g. "request.invalid_json"), a message giving the line and
// column, and `path` as given.
Expected<nlohmann::json> parse_json_text(const std::string& text, const std::string& code,
                                         const std::string& path, JsonTextLimits limits = {});

}  // namespace pdp
