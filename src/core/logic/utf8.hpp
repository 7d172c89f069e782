// UTF-8 decoding and encoding, tolerant of invalid bytes (each decodes as U+FFFD).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pdp::logic::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

inline bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Decodes the code point starting at text[i] and moves i past it.
inline char32_t decode(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  std::size_t length = 1;
  char32_t code = lead;
  if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = lead <= 0xEF ? 3 : 1;
    code = lead & 0x0F;
  } else if (lead >= 0xC2) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0x80) {
    ++i;
    return kReplacement;
  }
  if (length == 1) {
    ++i;
    return lead < 0x80 ? code : kReplacement;
  }
  if (i + length > text.size()) {
    ++i;
    return kReplacement;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(text[i + k])) {
      ++i;
      return kReplacement;
    }
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return code;
}

// Start of the code point that ends at `end` (end > 0).
inline std::size_t previous(std::string_view text, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && is_continuation(text[start])) --start;
  return start;
}

inline void encode(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

}  // namespace pdp::logic::utf8
