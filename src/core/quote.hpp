// Quoting text of unknown origin in a message: valid UTF-8, and short.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pdp {

// `text` with each invalid UTF-8 byte replaced by U+FFFD, cut on a character boundary to at most
// `max_bytes` bytes (then ending with "..."), so that a message never breaks a JSON serialiser
// and never grows with the input.
std::string quoted_text(std::string_view text, std::size_t max_bytes);

// A short quote of a JSON value for a message (at most 60 bytes, valid UTF-8).
std::string quoted_value(const nlohmann::json& value);

// Identifiers listed for a message: "a", "b", "c".
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace pdp
