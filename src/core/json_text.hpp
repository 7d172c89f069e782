// Parses JSON text without exceptions, saying where it is broken and bounding its size and nesting.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace pdp {

// Bounds on one text, so that hostile input costs bounded time and memory (core/limits.hpp).
struct JsonTextLimits {
  std::string scope;  // prefix of the codes: "request" refuses with "request.too_large"...
  std::string name;   // how messages call the text: "the request", "RULE", "questions.json"
  std::size_t max_bytes;
  std::size_t max_depth;
};

// On failure the error's `path` starts with `path`: a text longer than `max_bytes` gives
// "<scope>.too_large"; an array or object nested deeper than `max_depth` gives "<scope>.too_deep"
// with the JSON pointer of that value appended to the path; a text that is not JSON gives
// `invalid_code` with a message giving the line and column. Messages are valid UTF-8 and short.
Expected<nlohmann::json> parse_json_text(const std::string& text, const std::string& invalid_code,
                                         const std::string& path, const JsonTextLimits& limits);

}  // namespace pdp
