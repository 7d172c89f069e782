// Numbers to text and back exactly as JavaScript does it (Number#toString, ToNumber, parseFloat).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

#include "core/logic/javascript.hpp"
#include "core/logic/utf8.hpp"

namespace pdp::logic::js {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// ECMAScript's StrWhiteSpaceChar: WhiteSpace and LineTerminator.
bool is_js_space(char32_t c) {
  switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

std::string_view trim_start(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    if (!is_js_space(utf8::decode(text, next))) break;
    i = next;
  }
  return text.substr(i);
}

std::string_view trim_end(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0) {
    std::size_t start = utf8::previous(text, end);
    std::size_t at = start;
    if (!is_js_space(utf8::decode(text, at))) break;
    end = start;
  }
  return text.substr(0, end);
}

// Length of the longest prefix of `text` that is a StrDecimalLiteral other than Infinity
// ([+-] digits [. digits] [e [+-] digits], or [+-] . digits [...]); 0 when there is none.
std::size_t decimal_prefix(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && is_digit(text[j])) {
      while (j < text.size() && is_digit(text[j])) ++j;
      i = j;
    }
  }
  return i;
}

// strtod on a validated decimal literal; it needs a terminated copy. The C locale is assumed (the
// core never changes it), so '.' is the decimal point.
double parse_decimal(std::string_view literal) {
  const std::string copy(literal);
  return std::strtod(copy.c_str(), nullptr);
}

// "0x1F", "0o17", "0b101" (no sign allowed, as in JavaScript); NaN if a digit is invalid.
double parse_radix(std::string_view digits, int radix) {
  if (digits.empty()) return kNaN;
  double value = 0;
  for (char c : digits) {
    int digit = radix;
    if (is_digit(c)) {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'z') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'Z') {
      digit = c - 'A' + 10;
    }
    if (digit >= radix) return kNaN;
    value = value * radix + digit;
  }
  return value;
}

}  // namespace

std::string number_to_string(double value) {
  if (std::isnan(value)) return "NaN";
  if (value == 0) return "0";  // both zeros
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  std::string out;
  if (value < 0) {
    out += '-';
    value = -value;
  }
  // Shortest digits that round-trip, as ECMAScript's Number::toString requires, in scientific form
  // ("d.ddde+XX"). printf rounds correctly at each precision, so the first precision that reads
  // back exactly gives the shortest, nearest digits. (std::to_chars for doubles would do the same,
  // but Emscripten's libc++ lacks it.)
  char buffer[64];
  int length = 0;
  for (int precision = 0; precision < 17; ++precision) {
    length = std::snprintf(buffer, sizeof buffer, "%.*e", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  const std::string_view text(buffer, static_cast<std::size_t>(length));
  const std::size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  const std::string_view exponent_text = text.substr(e + 1);
  const char* exponent_begin = exponent_text.data() + (exponent_text.front() == '+' ? 1 : 0);
  std::from_chars(exponent_begin, exponent_text.data() + exponent_text.size(), exponent);

  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // position of the decimal point relative to the digits
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(digits, static_cast<std::size_t>(n), std::string::npos);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += n - 1 >= 0 ? "e+" : "e-";
    out += std::to_string(n - 1 >= 0 ? n - 1 : 1 - n);
  }
  return out;
}

double string_to_number(std::string_view text) {
  text = trim_end(trim_start(text));
  if (text.empty()) return 0;
  if (text == "Infinity" || text == "+Infinity") return kInfinity;
  if (text == "-Infinity") return -kInfinity;
  if (text.size() > 2 && text[0] == '0') {
    switch (text[1]) {
      case 'x':
      case 'X':
        return parse_radix(text.substr(2), 16);
      case 'o':
      case 'O':
        return parse_radix(text.substr(2), 8);
      case 'b':
      case 'B':
        return parse_radix(text.substr(2), 2);
      default:
        break;
    }
  }
  if (decimal_prefix(text) != text.size()) return kNaN;
  return parse_decimal(text);
}

double parse_float(const Json& value) {
  // parseFloat(x) parses String(x); for a number that gives the number back, except -0 -> 0.
  if (value.is_number()) {
    const double number = number_of(value);
    return number == 0 ? 0 : number;
  }
  std::string storage;
  std::string_view text;
  if (value.is_string()) {
    text = *value.get_ptr<const Json::string_t*>();
  } else {
    storage = to_string(value);
    text = storage;
  }
  text = trim_start(text);
  std::string_view unsigned_text = text;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) unsigned_text.remove_prefix(1);
  if (unsigned_text.substr(0, 8) == "Infinity") return text[0] == '-' ? -kInfinity : kInfinity;
  const std::size_t length = decimal_prefix(text);
  if (length == 0) return kNaN;
  return parse_decimal(text.substr(0, length));
}

}  // namespace pdp::logic::js
