// JSON text written as nlohmann::json dumps it, floats as JavaScript does: see json_writer.hpp.
#include "core/json_writer.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#include "core/decimal_text.hpp"
#include "core/logic/javascript.hpp"

namespace pdp {
namespace {

using Json = nlohmann::json;

// How many bytes of the UTF-8 sequence that starts at `i` are well formed (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF, as nlohmann's decoder), and whether they make a
// whole character. A lead byte that starts no sequence has 0 bytes well formed.
struct Utf8Prefix {
  std::size_t length;
  bool whole;
};

Utf8Prefix utf8_prefix_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the byte after the lead
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {0, false};
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return {k, false};
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if (byte < low || byte > high) return {k, false};
    low = 0x80, high = 0xBF;
  }
  return {length, true};
}

[[maybe_unused]] bool needs_no_escape(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      // Rules and answers are valid UTF-8 (checked when loaded, parsed from JSON) and kept as
      // they are. A broken sequence becomes one U+FFFD, as nlohmann's dump replaces it: the bytes
      // well formed so far and the lead are dropped, and the byte that broke it is read again.
      const Utf8Prefix prefix = utf8_prefix_at(text, i);
      if (prefix.whole) {
        i += prefix.length - 1;
        continue;
      }
      out.append(text.data() + plain_from, i - plain_from);
      out += "\xEF\xBF\xBD";
      const std::size_t dropped = prefix.length == 0 ? 1 : prefix.length;
      plain_from = i + dropped;
      i += dropped - 1;
      continue;
    }
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.append(text.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:  // the other control characters, as nlohmann's "\u%04x"
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
  }
  out.append(text.data() + plain_from, text.size() - plain_from);
  out += '"';
}

void JsonWriter::separate() {
  if (after_value_) out_ += ',';
}

void JsonWriter::begin_object() {
  separate();
  out_ += '{';
  after_value_ = false;
}

void JsonWriter::end_object() {
  out_ += '}';
  after_value_ = true;
}

void JsonWriter::begin_array() {
  separate();
  out_ += '[';
  after_value_ = false;
}

void JsonWriter::end_array() {
  out_ += ']';
  after_value_ = true;
}

void JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  after_value_ = false;  // its value follows the colon
}

void JsonWriter::literal_key(const char* name, std::size_t length) {
  assert(needs_no_escape(std::string_view(name, length)));
  quoted(name, length, ':');
  after_value_ = false;  // its value follows the colon
}

void JsonWriter::string(std::string_view text) {
  separate();
  append_json_string(out_, text);
  after_value_ = true;
}

void JsonWriter::plain(std::string_view text) {
  assert(needs_no_escape(text));
  quoted(text.data(), text.size(), '\0');
  after_value_ = true;
}

// The comma if one is due, `text` in quotes, then `after` unless it is '\0', appended at once:
// most of a reply is short keys and identifiers, and each append is a call into the library (in
// the page's module, libc++ is prebuilt), where a resize would also zero the bytes it adds.
void JsonWriter::quoted(const char* text, std::size_t length, char after) {
  char piece[64];
  if (length + 4 > sizeof piece) {  // a long text: piece by piece
    if (after_value_) out_ += ',';
    out_ += '"';
    out_.append(text, length);
    out_ += '"';
    if (after != '\0') out_ += after;
    return;
  }
  char* p = piece;
  if (after_value_) *p++ = ',';
  *p++ = '"';
  std::memcpy(p, text, length);
  p += length;
  *p++ = '"';
  if (after != '\0') *p++ = after;
  out_.append(piece, static_cast<std::size_t>(p - piece));
}

void JsonWriter::signed_number(long long value) {
  separate();
  if (value < 0) out_ += '-';
  // The magnitude as unsigned: -LLONG_MIN does not fit a long long.
  append_decimal(out_, value < 0 ? 0ull - static_cast<unsigned long long>(value)
                                 : static_cast<unsigned long long>(value));
  after_value_ = true;
}

void JsonWriter::unsigned_number(unsigned long long value) {
  separate();
  append_decimal(out_, value);
  after_value_ = true;
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  after_value_ = true;
}

void JsonWriter::null() {
  separate();
  out_ += "null";
  after_value_ = true;
}

void JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
  after_value_ = true;
}

void JsonWriter::value(const Json& json) {
  // Written here rather than dumped: nlohmann's serializer zeroes a 512-byte buffer on each dump,
  // which cost an assessment more than all its answers, and the page's module carries no copy of
  // it.
  switch (json.type()) {
    case Json::value_t::string:
      string(json.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean:
      boolean(json.get<bool>());
      return;
    case Json::value_t::number_integer:
      number(json.get<std::int64_t>());
      return;
    case Json::value_t::number_unsigned:
      number(json.get<std::uint64_t>());
      return;
    case Json::value_t::null:
      null();
      return;
    case Json::value_t::array:
      begin_array();
      for (const auto& element : json) value(element);
      end_array();
      return;
    case Json::value_t::object:  // a std::map: its keys in byte order, as nlohmann dumps them
      begin_object();
      for (const auto& [name, element] : json.items()) {
        key(name);
        value(element);
      }
      end_object();
      return;
    case Json::value_t::number_float:
      float_number(json.get<double>());
      return;
    default:  // binary or discarded: no parsed JSON holds them
      null();
  }
}

void JsonWriter::float_number(double value) {
  separate();
  if (!std::isfinite(value)) {
    out_ += "null";  // as nlohmann dumps infinities and NaN
  } else {
    // As JavaScript writes it (JSON.stringify): the evaluator has that code already, and
    // nlohmann's Grisu2, a second printer and its tables, was 2 KB of the page's module, brotli.
    out_ += logic::js::number_to_string(value);
  }
  after_value_ = true;
}

std::string json_text(const Json& json) {
  JsonWriter out;
  out.value(json);
  return out.take();
}

std::string JsonWriter::take() {
  after_value_ = false;
  std::string text = std::move(out_);
  out_.clear();
  return text;
}

}  // namespace pdp
