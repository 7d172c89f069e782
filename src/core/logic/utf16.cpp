// UTF-8 strings as JavaScript sees them, in UTF-16 code units: length, slices, order, substr.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "core/logic/javascript.hpp"
#include "core/logic/utf8.hpp"

namespace pdp::logic::js {
namespace {

std::size_t units_of(char32_t code) {
  return code >= 0x10000 ? 2 : 1;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The UTF-16 code units of one code point, the second one 0 for the Basic Multilingual Plane.
std::pair<char32_t, char32_t> units(char32_t code) {
  if (code < 0x10000) return {code, 0};
  code -= 0x10000;
  return {0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)};
}

}  // namespace

std::size_t utf16_length(std::string_view text) {
  if (is_ascii(text)) return text.size();
  std::size_t length = 0;
  for (std::size_t i = 0; i < text.size();) length += units_of(utf8::decode(text, i));
  return length;
}

std::string utf16_slice(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end) return {};
  if (is_ascii(text)) {
    if (begin >= text.size()) return {};
    return std::string(text.substr(begin, end - begin));
  }
  std::string out;
  std::size_t unit = 0;
  for (std::size_t i = 0; i < text.size() && unit < end;) {
    const std::size_t start = i;
    const char32_t code = utf8::decode(text, i);
    const std::size_t width = units_of(code);
    const std::size_t low = std::max(begin, unit);
    const std::size_t high = std::min(end, unit + width);
    if (high > low && high - low == width) {
      out.append(text, start, i - start);
    } else if (high > low) {
      utf8::encode(out, utf8::kReplacement);  // half of a surrogate pair
    }
    unit += width;
  }
  return out;
}

int utf16_compare(std::string_view a, std::string_view b) {
  // UTF-8 byte order is code point order, which is UTF-16 order except between supplementary
  // characters and U+E000..U+FFFF: compare bytes, then settle the first difference by code units.
  const auto [in_a, in_b] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (in_a == a.end() && in_b == b.end()) return 0;
  if (in_a == a.end()) return -1;
  if (in_b == b.end()) return 1;
  std::size_t at = static_cast<std::size_t>(in_a - a.begin());
  while (at > 0 && utf8::is_continuation(a[at])) --at;
  std::size_t at_b = at;
  const auto units_a = units(utf8::decode(a, at));
  const auto units_b = units(utf8::decode(b, at_b));
  return units_a < units_b ? -1 : (units_b < units_a ? 1 : 0);
}

std::string substr(const std::string& text, const Json& start, const Json& length) {
  // String.prototype.substr (ECMAScript Annex B.2.2.1).
  const double size = static_cast<double>(utf16_length(text));
  double from = to_integer_or_infinity(to_number(start));
  if (from < 0) {
    from = std::max(size + from, 0.0);  // -Infinity gives 0 too
  } else {
    from = std::min(from, size);
  }
  double count = is_undefined(length) ? size : to_integer_or_infinity(to_number(length));
  count = std::clamp(count, 0.0, size);
  const double to = std::min(from + count, size);
  return utf16_slice(text, static_cast<std::size_t>(from), static_cast<std::size_t>(to));
}

}  // namespace pdp::logic::js
