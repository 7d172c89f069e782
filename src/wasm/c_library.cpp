// The page's module defines these C library functions itself, so that the linker takes them
// instead of Emscripten's libc: musl's strtod computes in 128-bit long double and its printf
// formats floating point, 10 KB brotli together for what nlohmann::json alone still calls (strtod
// in its lexer, for numbers with a fraction or an exponent; snprintf for "\u%04x" escapes and
// "<U+%.4X>" in parse errors). The core's own code calls neither (core/logic/decimal.hpp).
//
// strtod here reads decimal numbers only (what JSON has): "inf", "nan" and hexadecimal floats are
// not converted (nothing in the module reads them). snprintf formats unsigned numbers in
// hexadecimal, what nlohmann::json asks of it; any other conversion aborts the call (a trap that
// engine.js answers with an error), rather than writing something wrong.
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

// Appends a character to what fits of the buffer, counting every one as snprintf does.
struct Output {
  char* buffer;
  std::size_t size;
  std::size_t length = 0;
  void put(char c) {
    if (length + 1 < size) buffer[length] = c;
    ++length;
  }
};

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

// nlohmann::json's only calls: "\\u%04x" (a control character escaped in a reply; twice over,
// "\\u%04x\\u%04x", for a surrogate pair) and "<U+%.4X>" (a byte named in a parse error). Each
// conversion is an unsigned number in hexadecimal with at least the digits it says ("%04x" and
// "%.4X" alike); any other aborts.
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
    if (*f == '0' || *f == '.') ++f;
    int at_least = 0;
    for (; *f >= '0' && *f <= '9'; ++f) at_least = at_least * 10 + (*f - '0');
    if (*f != 'x' && *f != 'X') std::abort();  // a conversion nlohmann::json never asks for
    const char* digits = *f == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned value = va_arg(arguments, unsigned);
    char reversed[8];
    int length = 0;
    do {
      reversed[length++] = digits[value % 16];
      value /= 16;
    } while (value != 0);
    for (; at_least > length; --at_least) out.put('0');
    while (length > 0) out.put(reversed[--length]);
  }
  va_end(arguments);
  if (size > 0) buffer[out.length < size ? out.length : size - 1] = '\0';
  return static_cast<int>(out.length);
}

}  // extern "C"
