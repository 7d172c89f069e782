// The page's module defines these C library functions itself, so that the linker takes them
// instead of Emscripten's libc: musl's strtod computes in 128-bit long double and its printf
// formats floating point, 10 KB brotli together for what nlohmann::json alone still calls (strtod
// in its lexer, for numbers with a fraction or an exponent; snprintf for "\u%04x" escapes and
// "<U+%.4X>" in parse errors). The core's own code calls neither (core/logic/decimal.hpp).
//
// strtod here reads decimal numbers only (what JSON has): "inf", "nan" and hexadecimal floats are
// not converted (nothing in the module reads them). snprintf formats integers, characters and
// strings; any other conversion aborts the call (a trap that engine.js answers with an error),
// rather than writing something wrong.
#include <cstdarg>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/logic/decimal.hpp"

namespace {

bool is_c_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// Appends `text` to what fits of the buffer, counting every character as snprintf does.
struct Output {
  char* buffer;
  std::size_t size;
  std::size_t length = 0;
  void put(char c) {
    if (length + 1 < size) buffer[length] = c;
    ++length;
  }
  void put(std::string_view text) {
    for (char c : text) put(c);
  }
};

std::string digits_of(unsigned long long value, unsigned base, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[value % base]);
    value /= base;
  } while (value != 0);
  return out;
}

}  // namespace

extern "C" {

double strtod(const char* text, char** end) {
  const char* start = text;
  while (is_c_space(*text)) ++text;
  const std::string_view rest(text);
  const std::size_t length = pdp::logic::decimal_prefix(rest);
  if (end != nullptr) *end = const_cast<char*>(length == 0 ? start : text + length);
  return length == 0 ? 0.0 : pdp::logic::decimal_to_double(rest.substr(0, length));
}

// In the same object of musl as strtod (the C++ library refers to them): defined here too, or the
// linker would take musl's object and find strtod twice.
float strtof(const char* text, char** end) {
  return static_cast<float>(strtod(text, end));
}

long double strtold(const char* text, char** end) {
  return strtod(text, end);
}

int snprintf(char* buffer, std::size_t size, const char* format, ...) {
  Output out{buffer, size};
  va_list arguments;
  va_start(arguments, format);
  for (const char* f = format; *f != '\0'; ++f) {
    if (*f != '%') {
      out.put(*f);
      continue;
    }
    ++f;
    bool left = false;
    bool zeros = false;
    for (;; ++f) {
      if (*f == '-') {
        left = true;
      } else if (*f == '0') {
        zeros = true;
      } else {
        break;
      }
    }
    std::size_t width = 0;
    for (; *f >= '0' && *f <= '9'; ++f) width = width * 10 + static_cast<std::size_t>(*f - '0');
    int precision = -1;
    if (*f == '.') {
      precision = 0;
      for (++f; *f >= '0' && *f <= '9'; ++f) precision = precision * 10 + (*f - '0');
    }
    int longs = 0;
    for (; *f == 'l' || *f == 'h' || *f == 'z'; ++f) longs += *f == 'h' ? 0 : 1;
    std::string text;
    bool numeric = true;
    switch (*f) {
      case 'd':
      case 'i': {
        const long long value = longs > 0 ? va_arg(arguments, long long) : va_arg(arguments, int);
        text = digits_of(value < 0 ? 0ULL - static_cast<unsigned long long>(value)
                                   : static_cast<unsigned long long>(value),
                         10, false);
        if (precision >= 0 && text.size() < static_cast<std::size_t>(precision)) {
          text.insert(0, static_cast<std::size_t>(precision) - text.size(), '0');
        }
        if (value < 0) text.insert(text.begin(), '-');
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        const unsigned long long value =
            longs > 0 ? va_arg(arguments, unsigned long long) : va_arg(arguments, unsigned);
        text = digits_of(value, *f == 'u' ? 10 : 16, *f == 'X');
        if (precision >= 0 && text.size() < static_cast<std::size_t>(precision)) {
          text.insert(0, static_cast<std::size_t>(precision) - text.size(), '0');
        }
        break;
      }
      case 'c':
        text = std::string(1, static_cast<char>(va_arg(arguments, int)));
        numeric = false;
        break;
      case 's': {
        const char* value = va_arg(arguments, const char*);
        text = value == nullptr ? "(null)" : value;
        if (precision >= 0 && text.size() > static_cast<std::size_t>(precision)) {
          text.resize(static_cast<std::size_t>(precision));
        }
        numeric = false;
        break;
      }
      case '%':
        text = "%";
        numeric = false;
        break;
      default:
        std::abort();  // a conversion this module never uses (floating point above all)
    }
    const std::size_t padding = text.size() < width ? width - text.size() : 0;
    if (left) {
      out.put(text);
      for (std::size_t i = 0; i < padding; ++i) out.put(' ');
    } else if (zeros && numeric && precision < 0) {
      const bool sign = !text.empty() && text[0] == '-';
      if (sign) out.put('-');
      for (std::size_t i = 0; i < padding; ++i) out.put('0');
      out.put(std::string_view(text).substr(sign ? 1 : 0));
    } else {
      for (std::size_t i = 0; i < padding; ++i) out.put(' ');
      out.put(text);
    }
  }
  va_end(arguments);
  if (size > 0) buffer[out.length < size ? out.length : size - 1] = '\0';
  return static_cast<int>(out.length);
}

}  // extern "C"
