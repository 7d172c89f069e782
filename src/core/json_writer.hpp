// Writes JSON text straight into a string, with no JSON tree in between: how a reply is made (the
// tree and its dump cost a third of an assessment). The text is byte for byte what nlohmann::json
// dumps for the same value, compact and with invalid UTF-8 replaced (dump(-1, ' ', false,
// error_handler_t::replace)), so that a tree built elsewhere and this text agree; but for a number
// with a fraction or an exponent, which it writes as JavaScript does (JSON.stringify: 2, 1e-7),
// where nlohmann writes 2.0 and 1e-07: the same number to any reader.
//
// The writer does not sort: nlohmann's objects are std::maps and dump their keys in byte order, so
// the caller writes each object's keys in that order (response.cpp; its test compares the two).
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace pdp {

class JsonWriter {
 public:
  // `capacity`: the bytes to reserve, so that a text of about that size is written in one piece.
  explicit JsonWriter(std::size_t capacity = 0) { out_.reserve(capacity); }

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next value of the object being written.
  void key(std::string_view name);
  // A key written in the code (a string literal), copied as it is: such keys are plain (see
  // plain()); scanning them for what to escape cost a tenth of writing a reply.
  template <std::size_t N>
  void key(const char (&name)[N]) {
    literal_key(name, N - 1);
  }

  void string(std::string_view text);
  // A text known to need no escaping (printable ASCII, no quote, no backslash), copied without
  // being scanned: an identifier of rules that passed their checks (rules_checks.cpp refuses any
  // other), a date, a name written in the code. Debug builds assert it; a text from a request
  // goes through string().
  void plain(std::string_view text);
  // Any integer (an int, a std::size_t: their widths differ in WebAssembly).
  template <
      typename Integer,
      std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>, int> = 0>
  void number(Integer value) {
    if constexpr (std::is_signed_v<Integer>) {
      signed_number(value);
    } else {
      unsigned_number(value);
    }
  }
  void boolean(bool value);
  void null();
  // A value already in JSON text (an answer, as the request had it).
  void raw(std::string_view json);
  void value(const nlohmann::json& json);

  // The text written so far; the writer is empty after take().
  std::string take();

 private:
  // Before a value: a comma unless it opens its array or follows its key.
  void separate();
  void literal_key(const char* name, std::size_t length);
  void quoted(const char* text, std::size_t length, char after);
  void signed_number(long long value);
  void unsigned_number(unsigned long long value);
  void float_number(double value);

  std::string out_;
  bool after_value_ = false;
};

// How nlohmann dumps `text` as a JSON string (quotes included), appended to `out`.
void append_json_string(std::string& out, std::string_view text);

// `json` as nlohmann dumps it, compact with broken UTF-8 replaced (dump(-1, ' ', false,
// error_handler_t::replace)), floats as JavaScript writes them, written by JsonWriter: the page's
// module carries no serializer.
std::string json_text(const nlohmann::json& json);

}  // namespace pdp
