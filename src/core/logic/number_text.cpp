// Numbers to text and back exactly as JavaScript does it (Number#toString, ToNumber, parseFloat).
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "core/decimal_text.hpp"
#include "core/logic/decimal.hpp"
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
  // Shortest digits that round-trip, the nearest, as ECMAScript's Number::toString requires.
  const ShortestDecimal shortest = shortest_decimal(value);
  const std::string& digits = shortest.digits;
  const int k = static_cast<int>(digits.size());
  const int n = shortest.point;  // position of the decimal point relative to the digits
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
    out += decimal_text(n - 1 >= 0 ? n - 1 : 1 - n);
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
  return decimal_to_double(text);
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
  return decimal_to_double(text.substr(0, length));
}

}  // namespace pdp::logic::js
