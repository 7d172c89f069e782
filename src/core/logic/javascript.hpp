// JavaScript's value semantics over JSON values, the ones json-logic-js relies on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/logic/value.hpp"

namespace pdp::logic::js {

// JavaScript's `undefined` (a missing operand, `{"and": []}`...) is a discarded Json internally;
// it never leaves the evaluator (normalise() turns it into null, as JSON.stringify does in arrays).
const Json& undefined();
bool is_undefined(const Json& value);
bool is_nullish(const Json& value);  // null or undefined

double number_of(const Json& number);  // the double of a Json number (any representation)
Json number(double value);

// Abstract operations of ECMAScript.
bool to_boolean(const Json& value);        // ToBoolean: JavaScript truthiness
double to_number(const Json& value);       // ToNumber (arrays and objects via strings)
std::string to_string(const Json& value);  // String(value)
void append_to_string(std::string& out, const Json& value);
const Json& to_primitive(const Json& value, Json& storage);  // arrays/objects -> their string
double to_integer_or_infinity(double value);

bool loose_equal(const Json& a, const Json& b);   // ==
bool strict_equal(const Json& a, const Json& b);  // ===
bool less_than(const Json& a, const Json& b);     // <
bool less_equal(const Json& a, const Json& b);    // <=
Json add(const Json& a, const Json& b);           // binary + (concatenates if a string is involved)

// Whether two values are the same JSON (arrays and objects compared by content, NaN equal to
// NaN, 0 distinct from -0): how the three-valued `if` decides that its candidate branches agree.
bool same_value(const Json& a, const Json& b);

// Number <-> string, as Number.prototype.toString, ToNumber(string) and parseFloat do it.
std::string number_to_string(double value);
double string_to_number(std::string_view text);
double parse_float(const Json& value);

// Strings as JavaScript sees them: sequences of UTF-16 code units. Inputs are UTF-8; a lone
// surrogate that a cut would produce comes back as U+FFFD, since UTF-8 cannot hold it.
std::size_t utf16_length(std::string_view text);
std::string utf16_slice(std::string_view text, std::size_t begin, std::size_t end);
int utf16_compare(std::string_view a, std::string_view b);
std::string substr(const std::string& text, const Json& start,
                   const Json& length);  // String#substr

// What JSON.stringify would make of an evaluation result, as a JSON value: NaN and infinities
// become null, undefined becomes null, whole numbers up to 2^53 become integers (so -0 is 0).
void normalise(Json& value);

}  // namespace pdp::logic::js
