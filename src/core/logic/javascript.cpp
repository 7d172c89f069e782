// JavaScript's coercions, equality and ordering over JSON values, and JsonLogic truthiness.
#include "core/logic/javascript.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace pdp::logic {

bool truthy(const Json& value) {
  if (value.is_array()) return !value.empty();  // JsonLogic's one departure from JavaScript
  return js::to_boolean(value);
}

namespace js {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMaxSafe = 9007199254740992.0;  // 2^53: doubles are whole and exact up to here
constexpr std::int64_t kMaxSafeInteger = std::int64_t{1} << 53;

// ECMAScript's types, as far as JSON values go (arrays are objects).
enum class Kind { undefined, null, boolean, number, string, object };

Kind kind_of(const Json& value) {
  switch (value.type()) {
    case Json::value_t::discarded:
      return Kind::undefined;
    case Json::value_t::null:
      return Kind::null;
    case Json::value_t::boolean:
      return Kind::boolean;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return Kind::number;
    case Json::value_t::string:
      return Kind::string;
    default:
      return Kind::object;
  }
}

const std::string& string_of(const Json& value) {
  return *value.get_ptr<const Json::string_t*>();
}
bool boolean_of(const Json& value) {
  return *value.get_ptr<const Json::boolean_t*>();
}

}  // namespace

const Json& undefined() {
  static const Json value(Json::value_t::discarded);
  return value;
}

bool is_undefined(const Json& value) {
  return value.is_discarded();
}
bool is_nullish(const Json& value) {
  return value.is_null() || value.is_discarded();
}

double number_of(const Json& number) {
  switch (number.type()) {
    case Json::value_t::number_integer:
      return static_cast<double>(*number.get_ptr<const Json::number_integer_t*>());
    case Json::value_t::number_unsigned:
      return static_cast<double>(*number.get_ptr<const Json::number_unsigned_t*>());
    case Json::value_t::number_float:
      return *number.get_ptr<const Json::number_float_t*>();
    default:
      return kNaN;
  }
}

Json number(double value) {
  return Json(value);
}

bool to_boolean(const Json& value) {
  switch (kind_of(value)) {
    case Kind::undefined:
    case Kind::null:
      return false;
    case Kind::boolean:
      return boolean_of(value);
    case Kind::number: {
      const double number = number_of(value);
      return number != 0 && !std::isnan(number);
    }
    case Kind::string:
      return !string_of(value).empty();
    case Kind::object:
      return true;
  }
  return true;
}

double to_number(const Json& value) {
  switch (kind_of(value)) {
    case Kind::undefined:
      return kNaN;
    case Kind::null:
      return 0;
    case Kind::boolean:
      return boolean_of(value) ? 1 : 0;
    case Kind::number:
      return number_of(value);
    case Kind::string:
      return string_to_number(string_of(value));
    case Kind::object:
      return string_to_number(to_string(value));
  }
  return kNaN;
}

void append_to_string(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::discarded:
      out += "undefined";
      return;
    case Json::value_t::null:
      out += "null";
      return;
    case Json::value_t::boolean:
      out += boolean_of(value) ? "true" : "false";
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      out += number_to_string(number_of(value));
      return;
    case Json::value_t::string:
      out += string_of(value);
      return;
    case Json::value_t::array: {
      // Array#toString is join(","), where null and undefined elements are empty.
      bool first = true;
      for (const Json& element : *value.get_ptr<const Json::array_t*>()) {
        if (!first) out += ',';
        first = false;
        if (!is_nullish(element)) append_to_string(out, element);
      }
      return;
    }
    default:
      out += "[object Object]";
      return;
  }
}

std::string to_string(const Json& value) {
  if (value.is_string()) return string_of(value);
  std::string out;
  append_to_string(out, value);
  return out;
}

const Json& to_primitive(const Json& value, Json& storage) {
  if (kind_of(value) != Kind::object) return value;
  storage = to_string(value);
  return storage;
}

double to_integer_or_infinity(double value) {
  if (std::isnan(value)) return 0;
  const double whole = std::trunc(value);
  return whole == 0 ? 0 : whole;  // no -0
}

bool strict_equal(const Json& a, const Json& b) {
  const Kind kind = kind_of(a);
  if (kind != kind_of(b)) return false;
  switch (kind) {
    case Kind::undefined:
    case Kind::null:
      return true;
    case Kind::boolean:
      return boolean_of(a) == boolean_of(b);
    case Kind::number:
      return number_of(a) == number_of(b);
    case Kind::string:
      return string_of(a) == string_of(b);
    case Kind::object:
      // JavaScript compares objects by identity. Our values carry none: two arrays or objects are
      // never the same one (even {"var": "x"} twice, which json-logic-js would find identical).
      return false;
  }
  return false;
}

bool loose_equal(const Json& a, const Json& b) {
  // ECMAScript's IsLooselyEqual, step by step.
  const Kind kind_a = kind_of(a);
  const Kind kind_b = kind_of(b);
  if (kind_a == kind_b) return strict_equal(a, b);
  const bool nullish_a = kind_a == Kind::undefined || kind_a == Kind::null;
  const bool nullish_b = kind_b == Kind::undefined || kind_b == Kind::null;
  if (nullish_a || nullish_b) return nullish_a && nullish_b;
  if (kind_a == Kind::boolean) return loose_equal(number(to_number(a)), b);
  if (kind_b == Kind::boolean) return loose_equal(a, number(to_number(b)));
  Json storage;
  if (kind_a == Kind::object) return loose_equal(to_primitive(a, storage), b);
  if (kind_b == Kind::object) return loose_equal(a, to_primitive(b, storage));
  return to_number(a) == to_number(b);  // a number and a string
}

bool less_than(const Json& a, const Json& b) {
  Json storage_a;
  Json storage_b;
  const Json& primitive_a = to_primitive(a, storage_a);
  const Json& primitive_b = to_primitive(b, storage_b);
  if (primitive_a.is_string() && primitive_b.is_string()) {
    return utf16_compare(string_of(primitive_a), string_of(primitive_b)) < 0;
  }
  return to_number(primitive_a) < to_number(primitive_b);  // false when either is NaN
}

bool less_equal(const Json& a, const Json& b) {
  Json storage_a;
  Json storage_b;
  const Json& primitive_a = to_primitive(a, storage_a);
  const Json& primitive_b = to_primitive(b, storage_b);
  if (primitive_a.is_string() && primitive_b.is_string()) {
    return utf16_compare(string_of(primitive_a), string_of(primitive_b)) <= 0;
  }
  return to_number(primitive_a) <= to_number(primitive_b);
}

Json add(const Json& a, const Json& b) {
  Json storage_a;
  Json storage_b;
  const Json& primitive_a = to_primitive(a, storage_a);
  const Json& primitive_b = to_primitive(b, storage_b);
  if (primitive_a.is_string() || primitive_b.is_string()) {
    return to_string(primitive_a) + to_string(primitive_b);
  }
  return number(to_number(primitive_a) + to_number(primitive_b));
}

bool same_value(const Json& a, const Json& b) {
  const Kind kind = kind_of(a);
  if (kind != kind_of(b)) return false;
  switch (kind) {
    case Kind::number: {
      const double x = number_of(a);
      const double y = number_of(b);
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
      return x == y && std::signbit(x) == std::signbit(y);
    }
    case Kind::object: {
      if (a.type() != b.type() || a.size() != b.size()) return false;
      if (a.is_array()) {
        for (std::size_t i = 0; i < a.size(); ++i) {
          if (!same_value(a[i], b[i])) return false;
        }
        return true;
      }
      if (!a.is_object()) return a == b;
      for (auto it = a.begin(); it != a.end(); ++it) {
        const auto other = b.find(it.key());
        if (other == b.end() || !same_value(it.value(), *other)) return false;
      }
      return true;
    }
    default:
      return strict_equal(a, b);
  }
}

void normalise(Json& value) {
  switch (value.type()) {
    case Json::value_t::discarded:
      value = nullptr;
      return;
    case Json::value_t::number_float: {
      const double number = *value.get_ptr<const Json::number_float_t*>();
      if (!std::isfinite(number)) {
        value = nullptr;
      } else if (std::trunc(number) == number && std::fabs(number) <= kMaxSafe) {
        value = static_cast<std::int64_t>(number);
      }
      return;
    }
    case Json::value_t::number_integer: {
      // JavaScript would have read a larger integer as the nearest double.
      const std::int64_t number = *value.get_ptr<const Json::number_integer_t*>();
      if (number > kMaxSafeInteger || number < -kMaxSafeInteger) {
        value = number_of(value);
        normalise(value);  // may round to exactly 2^53
      }
      return;
    }
    case Json::value_t::number_unsigned:
      if (*value.get_ptr<const Json::number_unsigned_t*>() >
          static_cast<std::uint64_t>(kMaxSafeInteger)) {
        value = number_of(value);
        normalise(value);
      }
      return;
    case Json::value_t::array:
      for (Json& element : *value.get_ptr<Json::array_t*>()) normalise(element);
      return;
    case Json::value_t::object:
      for (auto& member : *value.get_ptr<Json::object_t*>()) normalise(member.second);
      return;
    default:
      return;
  }
}

}  // namespace js
}  // namespace pdp::logic
