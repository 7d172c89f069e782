// JSON pointers (RFC 6901): how every error names the value at fault.
#pragma once

#include <string>

namespace pdp {

// `key` as one token of a JSON pointer: "~" written "~0", "/" written "~1".
std::string pointer_token(const std::string& key);

// Appends "/" and `key` as a token to `pointer`.
inline void append_pointer_token(std::string& pointer, const std::string& key) {
  pointer += '/';
  pointer += pointer_token(key);
}

}  // namespace pdp
