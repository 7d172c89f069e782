// The JsonLogic engine: conformance, JavaScript coercions, unknowns, compile errors, analysis.
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/logic/expression.hpp"

using pdp::logic::Expression;
using pdp::logic::Json;
using pdp::logic::JsonScope;
using pdp::logic::Scope;
using pdp::logic::SymbolMask;
using pdp::logic::Value;

namespace {

Expression compile(const std::string& rule) {
  auto expression = Expression::compile(Json::parse(rule));
  INFO("rule " << rule);
  REQUIRE(expression.ok());
  return std::move(expression).value();
}

Json apply(const std::string& rule, const std::string& data = "{}") {
  auto result = compile(rule).apply(Json::parse(data));
  INFO("rule " << rule);
  REQUIRE(result.ok());
  return std::move(result).value();
}

// A row of a table: the rule applied to the data gives the expected JSON.
struct Case {
  const char* rule;
  const char* data;
  const char* expected;
};

// The row GENERATE picked (each row runs on its own), in a section named after it so that a
// failing row names itself. Compares serialisations, so that 2 and 2.0 differ: whole results must
// come back as integers.
void check_case(const Case& c) {
  DYNAMIC_SECTION(c.rule << " on " << c.data) {
    CHECK(apply(c.rule, c.data).dump() == Json::parse(c.expected).dump());
  }
}

// Answers as a questionnaire gives them: every name is a symbol whose bit is its position in
// kSymbols; unanswered names are unknown, answered ones are known and read.
const std::vector<std::string> kSymbols = {"a", "b", "c", "u", "v", "list", "flag"};

SymbolMask bit(const std::string& name) {
  const auto found = std::find(kSymbols.begin(), kSymbols.end(), name);
  REQUIRE(found != kSymbols.end());
  return SymbolMask{1} << static_cast<unsigned>(found - kSymbols.begin());
}

class Answers final : public Scope {
 public:
  Answers(Json answers, std::vector<std::string> unanswered)
      : answers_(std::move(answers)), unanswered_(std::move(unanswered)) {}

  std::optional<Value> lookup(const Json& name) const override {
    if (!name.is_string()) return std::nullopt;
    const std::string& key = name.get_ref<const std::string&>();
    if (std::find(unanswered_.begin(), unanswered_.end(), key) != unanswered_.end()) {
      return Value::unknown_of(bit(key));
    }
    const auto found = answers_.find(key);
    if (found == answers_.end()) return std::nullopt;
    return Value::known(*found, bit(key));
  }

 private:
  Json answers_;
  std::vector<std::string> unanswered_;
};

// a = 1, b = "x", c = 0, flag = true, list = ["p", "q"]; u and v are not answered yet.
const Answers& answers() {
  static const Answers scope(
      Json::parse(R"({"a": 1, "b": "x", "c": 0, "flag": true, "list": ["p", "q"]})"), {"u", "v"});
  return scope;
}

Value evaluate(const std::string& rule) {
  pdp::logic::Budget budget;
  Value value = compile(rule).evaluate(answers(), budget);
  REQUIRE_FALSE(budget.spent());
  return value;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Conformance

namespace {

// A case of the official file, with the heading of the section it stands in.
struct ConformanceCase {
  std::string section;
  Json rule;
  Json data;
  Json expected;
};

const std::vector<ConformanceCase>& conformance_cases() {
  static const std::vector<ConformanceCase> cases = [] {
    std::ifstream file(PDP_CONFORMANCE_FILE);
    if (!file) throw std::runtime_error("cannot read " PDP_CONFORMANCE_FILE);
    std::vector<ConformanceCase> out;
    std::string section;
    for (const Json& entry : Json::parse(file)) {
      if (entry.is_string()) {
        section = entry.get<std::string>();
      } else {
        out.push_back({section, entry.at(0), entry.at(1), entry.at(2)});
      }
    }
    return out;
  }();
  return cases;
}

}  // namespace

TEST_CASE("logic: the official JsonLogic file holds its 277 cases", "[logic][conformance]") {
  CHECK(conformance_cases().size() == 277);
}

TEST_CASE("logic: every official JsonLogic test gives json-logic-js's result",
          "[logic][conformance]") {
  const ConformanceCase& c = GENERATE(from_range(conformance_cases()));
  DYNAMIC_SECTION(c.section << ": " << c.rule.dump() << " on " << c.data.dump()) {
    auto expression = Expression::compile(c.rule);
    REQUIRE(expression.ok());
    CHECK(expression->apply(c.data).value().dump() == c.expected.dump());
  }
}

// ---------------------------------------------------------------------------------------------
// Compiling

TEST_CASE("logic: an unknown operator is a compile error pointing at the operation",
          "[logic][compile]") {
  struct Row {
    const char* rule;
    const char* name;  // as the message quotes it
    const char* path;
  };
  // The last row: even where json-logic-js would never get to evaluate it.
  const Row row = GENERATE(values<Row>({{R"({"foo": [1, 2]})", "\"foo\"", ""},
                                        {R"({"and": [true, {"nope": 1}]})", "\"nope\"", "/and/1"},
                                        {R"({"!": {"nope": 1}})", "\"nope\"", "/!"},
                                        {R"([1, {"if": [true, {"x": []}]}])", "\"x\"", "/1/if/1"},
                                        {R"({"map": [[], {"nope": 1}]})", "\"nope\"", "/map/1"}}));
  DYNAMIC_SECTION(row.rule) {
    const auto expression = Expression::compile(Json::parse(row.rule));
    REQUIRE_FALSE(expression.ok());
    CHECK(expression.error().code == "logic.unknown_operator");
    CHECK(expression.error().message.find(row.name) != std::string::npos);
    CHECK(expression.error().path == row.path);
  }
}

TEST_CASE("logic: json-logic-js's dotted method operators are not supported", "[logic][compile]") {
  const auto expression = Expression::compile(Json::parse(R"({"Math.max": [1, 2]})"));
  REQUIRE_FALSE(expression.ok());
  CHECK(expression.error().code == "logic.unknown_operator");
}

TEST_CASE("logic: objects with zero or several keys are literals, not operations",
          "[logic][compile]") {
  check_case(GENERATE(values<Case>({
      {R"({})", "{}", R"({})"},
      {R"({"var": "x", "other": 1})", R"({"x": 5})", R"({"var": "x", "other": 1})"},
      {R"([{"var": "x"}, {"a": {"var": "x"}, "b": 2}])", R"({"x": 5})",
       R"([5, {"a": {"var": "x"}, "b": 2}])"},
  })));
}

TEST_CASE("logic: log returns its operand without printing anything", "[logic]") {
  check_case(
      GENERATE(values<Case>({{R"({"log": [{"var": "a"}]})", R"({"a": [1, "x"]})", R"([1, "x"])"},
                             {R"({"log": "apple"})", "{}", R"("apple")"}})));
}

TEST_CASE("logic: an expression is compiled once and evaluated over many data", "[logic]") {
  const Expression expression = compile(R"({"if": [{">": [{"var": "n"}, 10]}, "big", "small"]})");
  CHECK(expression.apply(Json::parse(R"({"n": 11})")).value() == "big");
  CHECK(expression.apply(Json::parse(R"({"n": 3})")).value() == "small");
  const Expression copy = expression;  // copies share the compiled tree
  CHECK(copy.apply(Json::parse(R"({"n": 30})")).value() == "big");
  CHECK(Expression().apply(Json::object()).value().is_null());
}

// ---------------------------------------------------------------------------------------------
// JavaScript semantics over complete data

TEST_CASE("logic: cat writes numbers as JavaScript's Number#toString does", "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"cat": [1e21, " ", 1e-7, " ", 123e-20, " ", 0.000001, " ", 1e20]})", "{}",
       R"("1e+21 1e-7 1.23e-18 0.000001 100000000000000000000")"},
      {R"({"cat": [{"+": [0.1, 0.2]}, " ", -1.5, " ", {"-": 0}, " ", 9007199254740992]})", "{}",
       R"("0.30000000000000004 -1.5 0 9007199254740992")"},
      {R"({"cat": [{"/": [1, 0]}, " ", {"/": [0, 0]}, " ", {"/": [-1, 0]}]})", "{}",
       R"("Infinity NaN -Infinity")"},
      {R"({"cat": [2.50, " ", 100, " ", 1e300, " ", 5e-324]})", "{}", R"("2.5 100 1e+300 5e-324")"},
  })));
}

TEST_CASE("logic: cat joins other values as Array#join does", "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"cat": [null, "|", [1, [2, null]], "|", {"var": "o"}, "|", true, "|", {"and": []}]})",
       R"({"o": {"a": 1}})", R"("|1,2,|[object Object]|true|")"},
  })));
}

TEST_CASE("logic: == follows JavaScript's loose equality", "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"==": ["1", 1]})", "{}", "true"},
      {R"({"==": [0, ""]})", "{}", "true"},
      {R"({"==": [0, "0"]})", "{}", "true"},
      {R"({"==": ["", " "]})", "{}", "false"},
      {R"({"==": [null, 0]})", "{}", "false"},
      {R"({"==": [null, false]})", "{}", "false"},
      {R"({"==": [null, {"and": []}]})", "{}", "true"},  // null == undefined
      {R"({"==": [false, "0"]})", "{}", "true"},
      {R"({"==": [true, "1"]})", "{}", "true"},
      {R"({"==": [2, true]})", "{}", "false"},
      {R"({"==": [[1], 1]})", "{}", "true"},
      {R"({"==": [[1, 2], "1,2"]})", "{}", "true"},
      {R"({"==": [[], false]})", "{}", "true"},
      {R"({"==": [[null], ""]})", "{}", "true"},
      {R"({"==": [true, [1]]})", "{}", "true"},
      {R"({"==": [{"var": "o"}, "[object Object]"]})", R"({"o": {"a": 1}})", "true"},
      {R"({"==": [" 1 ", 1]})", "{}", "true"},
      {R"({"==": ["0x10", 16]})", "{}", "true"},
      {R"({"==": ["1e3", 1000]})", "{}", "true"},
      {R"({"==": ["Infinity", {"/": [1, 0]}]})", "{}", "true"},
      {R"({"==": [{"/": [0, 0]}, {"/": [0, 0]}]})", "{}", "false"},
      {R"({"!=": ["a", "b"]})", "{}", "true"},
      {R"({"===": [1, 1.0]})", "{}", "true"},
      {R"({"===": [null, {"and": []}]})", "{}", "false"},
      {R"({"!==": ["1", 1]})", "{}", "true"},
  })));
}

TEST_CASE("logic: arrays and objects are never equal to one another, identity being out of reach",
          "[logic][javascript]") {
  // json-logic-js compares them by identity: the same var twice would be ===. JSON values carry no
  // identity, so we answer as for two distinct objects.
  check_case(GENERATE(values<Case>({
      {R"({"==": [{"var": "l"}, {"var": "l"}]})", R"({"l": [1]})", "false"},
      {R"({"===": [[1], [1]]})", "{}", "false"},
      {R"({"!=": [{"var": "o"}, {"var": "o"}]})", R"({"o": {"a": 1}})", "true"},
      {R"({"in": [["a"], [["a"]]]})", "{}", "false"},
  })));
}

TEST_CASE("logic: < and friends compare strings by UTF-16 code units, anything else as numbers",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"<": ["a", "b"]})", "{}", "true"},
      {R"({"<": ["B", "a"]})", "{}", "true"},
      {R"({"<": ["10", "9"]})", "{}", "true"},
      {R"({"<": ["10", 9]})", "{}", "false"},
      {R"({"<": ["abc", "ab"]})", "{}", "false"},
      {R"({"<": ["é", "z"]})", "{}", "false"},
      {R"({"<": ["😀", "Ａ"]})", "{}", "true"},  // a surrogate pair sorts before U+FF21
      {R"({"<": [null, 1]})", "{}", "true"},
      {R"({"<": ["a", 1]})", "{}", "false"},
      {R"({"<=": ["a", "a"]})", "{}", "true"},
      {R"({"<=": [{"/": [0, 0]}, 1]})", "{}", "false"},
      {R"({">=": [{"/": [0, 0]}, 1]})", "{}", "false"},
      {R"({"<": [[2], [10]]})", "{}", "false"},
      {R"({"<": [[2], 10]})", "{}", "true"},
      {R"({"<": [1, 2, {"and": []}]})", "{}", "true"},  // an undefined third operand is absent
      {R"({"<": [1, 5, 3]})", "{}", "false"},
      {R"({"<=": [1, 1, 1]})", "{}", "true"},
      {R"({">": [3, 2, 1]})", "{}", "true"},  // > ignores a third operand
  })));
}

TEST_CASE("logic: substr follows String#substr, a negative length dropping characters at the end",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"substr": ["jsonlogic", 20]})", "{}", R"("")"},
      {R"({"substr": [12345, 1, 2]})", "{}", R"("23")"},
      {R"({"substr": [null, 0]})", "{}", R"("null")"},
      {R"({"substr": []})", "{}", R"("undefined")"},
      {R"({"substr": ["abc", "1"]})", "{}", R"("bc")"},
      {R"({"substr": ["héllo", 1, 3]})", "{}", R"("éll")"},
      {R"({"substr": ["abc", -10, 2]})", "{}", R"("ab")"},
      {R"({"substr": ["abc", 1.7, 1.2]})", "{}", R"("b")"},
      {R"({"substr": ["abcdef", -4, -1]})", "{}", R"("cde")"},
      // json-logic-js computes temp.length + end: "3" + "-1" is "3-1", not a number, so 0.
      {R"({"substr": ["abc", 0, "-1"]})", "{}", R"("")"},
  })));
}

TEST_CASE("logic: substr cutting a surrogate pair gives U+FFFD, UTF-8 having no lone surrogates",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({{R"({"substr": ["😀ab", 1]})", "{}", R"("\ufffdab")"},
                                    {R"({"substr": ["😀ab", 0, 2]})", "{}", R"("😀")"}})));
}

TEST_CASE("logic: arithmetic coerces as JavaScript, + and * through parseFloat",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"+": ["3px", "1"]})", "{}", "4"},
      {R"({"+": ["1e3", " 2"]})", "{}", "1002"},
      {R"({"+": [true]})", "{}", "null"},
      {R"({"+": []})", "{}", "0"},
      {R"({"-": ["3px", 1]})", "{}", "null"},
      {R"({"-": [{"var": "x"}]})", R"({"x": "4"})", "-4"},
      {R"({"-": [0]})", "{}", "0"},
      {R"({"*": ["1"]})", "{}", R"("1")"},  // one operand comes back unchanged
      {R"({"*": [[1, 2]]})", "{}", "[1, 2]"},
      {R"({"*": []})", "{}", "null"},  // json-logic-js throws
      {R"({"*": [1.5, 2]})", "{}", "3"},
      {R"({"%": [-7, 3]})", "{}", "-1"},
      {R"({"/": [1, 3]})", "{}", "0.3333333333333333"},
      {R"({"/": [1, 0]})", "{}", "null"},
      {R"({"max": ["3", 2]})", "{}", "3"},
      {R"({"min": [1, "a"]})", "{}", "null"},
      {R"({"max": []})", "{}", "null"},
      {R"({"min": []})", "{}", "null"},
  })));
}

TEST_CASE("logic: whole results are JSON integers, NaN and infinities null",
          "[logic][javascript]") {
  CHECK(apply(R"({"/": [4, 2]})").is_number_integer());
  CHECK(apply(R"({"*": [-0.5, 0]})").is_number_integer());  // -0
  CHECK(apply(R"(2.0)").is_number_integer());
  CHECK(apply(R"({"/": [1, 4]})").is_number_float());
  CHECK(apply(R"({"*": [1e300, 10]})").is_number_float());
  CHECK(apply(R"({"var": "n"})", R"({"n": 9007199254740993})").dump() == "9007199254740992");
  CHECK(apply(R"([{"/": [0, 0]}, {"/": [1, 0]}])").dump() == "[null,null]");
  CHECK(apply(R"({"map": [[1, 2]]})").dump() == "[null,null]");  // undefined elements
  CHECK(apply(R"({"and": []})").is_null());
}

TEST_CASE("logic: in looks for a substring in a string, a strictly equal element in an array",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"in": [1, "a1"]})", "{}", "true"},
      {R"({"in": [1, ["1"]]})", "{}", "false"},
      {R"({"in": [null, [null]]})", "{}", "true"},
      {R"({"in": ["a", 5]})", "{}", "false"},
      {R"({"in": ["", ""]})", "{}", "false"},  // an empty haystack is falsy
      {R"({"in": ["", "abc"]})", "{}", "true"},
      {R"({"in": ["b", {"var": "o"}]})", R"({"o": {"b": 1}})", "false"},
  })));
}

TEST_CASE("logic: var walks objects, arrays and strings as JavaScript property access does",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"var": "arr.length"})", R"({"arr": [1, 2, 3]})", "3"},
      {R"({"var": "s.1"})", R"({"s": "héllo"})", R"("é")"},
      {R"({"var": "s.length"})", R"({"s": "héllo"})", "5"},
      {R"({"var": ["a", "d"]})", R"({"a": null})", "null"},  // found null: no default
      {R"({"var": ["zz", "d"]})", R"({"a": null})", R"("d")"},
      {R"({"var": "a.b"})", R"({"a": {"b": false}})", "false"},
      {R"({"var": "arr.01"})", R"({"arr": [1, 2]})", "null"},  // not an array index
      {R"({"var": 1.5})", R"({"1": {"5": "x"}})", R"("x")"},
      {R"({"var": ""})", R"({"a": [1]})", R"({"a": [1]})"},
      {R"({"var": "n.x"})", R"({"n": 5})", "null"},
  })));
}

TEST_CASE("logic: missing and missing_some list what is null, empty or absent",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"missing": ["a", "b", "c"]})", R"({"a": "", "b": 0})", R"(["a", "c"])"},
      {R"({"missing": [["a", "b"], "c"]})", R"({"b": 1})", R"(["a"])"},
      {R"({"missing_some": [1, "a"]})", "{}", R"(["a"])"},
      {R"({"missing_some": ["1", ["a", "b"]]})", R"({"a": 1})", "[]"},
  })));
}

TEST_CASE("logic: array operators treat non-arrays as json-logic-js does", "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"merge": [1, [2, [3]], null]})", "{}", R"([1, 2, [3], null])"},
      {R"({"filter": [{"var": "l"}, {"var": ""}]})", R"({"l": [0, 1, "", [], "a"]})",
       R"([1, "a"])"},
      {R"({"reduce": [[1, 2, 3], {"cat": [{"var": "accumulator"}, {"var": "current"}]}]})", "{}",
       R"("123")"},
      {R"({"reduce": ["abc", {"var": "current"}, 7]})", "{}", "7"},
      {R"({"map": [{"var": "s"}, 1]})", R"({"s": "abc"})", "[]"},
      {R"({"all": ["abc", true]})", "{}", "false"},
      {R"({"none": [null, true]})", "{}", "true"},
      {R"({"some": [{"var": "zz"}, true]})", "{}", "false"},
  })));
}

TEST_CASE("logic: and, or and if follow JsonLogic truthiness, where [] is false",
          "[logic][javascript]") {
  check_case(GENERATE(values<Case>({
      {R"({"if": []})", "{}", "null"},
      {R"({"?:": [{"var": "x"}, "a", false]})", R"({"x": [0]})", R"("a")"},
      {R"({"or": []})", "{}", "null"},
      {R"({"and": [0, {"var": "zz"}]})", "{}", "0"},
      {R"({"or": [[], "", 0]})", "{}", "0"},
      {R"({"!": [[0]]})", "{}", "false"},
      {R"({"!!": [{"/": [0, 0]}]})", "{}", "false"},
      {R"({"!!": [{"var": "o"}]})", R"({"o": {}})", "true"},
  })));
}

TEST_CASE("logic: truthy is JsonLogic's truthiness: [] is false, [0] and \"0\" true",
          "[logic][javascript]") {
  CHECK_FALSE(pdp::logic::truthy(Json::array()));
  CHECK(pdp::logic::truthy(Json::parse("[0]")));
  CHECK(pdp::logic::truthy("0"));
  CHECK_FALSE(pdp::logic::truthy(0));
  CHECK_FALSE(pdp::logic::truthy(nullptr));
  CHECK(pdp::logic::truthy(Json::object()));
}

TEST_CASE("logic: JsonScope finds nothing where json-logic-js finds undefined", "[logic][scope]") {
  const Json data = Json::parse(R"({"a": {"b": [10, 20]}, "n": null})");
  const JsonScope scope(data);
  CHECK_FALSE(scope.lookup("zz").has_value());
  CHECK_FALSE(scope.lookup("a.c").has_value());
  CHECK_FALSE(scope.lookup("n.x").has_value());
  REQUIRE(scope.lookup("n").has_value());
  CHECK(scope.lookup("n")->json.is_null());
  CHECK(scope.lookup("a.b.1")->json == 20);
  CHECK(scope.lookup("")->json == data);
  CHECK(scope.lookup(nullptr)->json == data);
  CHECK_FALSE(scope.lookup("a")->unknown);
}

// ---------------------------------------------------------------------------------------------
// Three-valued evaluation

TEST_CASE("logic: `and` is false as soon as one operand is known false, even next to an unknown",
          "[logic][unknown]") {
  const Value value = evaluate(R"({"and": [{"var": "u"}, {"==": [{"var": "a"}, 2]}]})");
  REQUIRE_FALSE(value.unknown);
  CHECK(value.json == false);
  CHECK(value.reads == bit("a"));  // only what decided it
  CHECK(value.missing == 0);
}

TEST_CASE("logic: `and` returns the first known falsy operand, with its own reads",
          "[logic][unknown]") {
  const Value value = evaluate(R"({"and": [{"var": "flag"}, {"var": "u"}, {"var": "c"}]})");
  REQUIRE_FALSE(value.unknown);
  CHECK(value.json == 0);
  CHECK(value.reads == bit("c"));
}

TEST_CASE("logic: `and` of true operands and an unknown one is unknown", "[logic][unknown]") {
  const Value value = evaluate(R"({"and": [{"var": "flag"}, {"var": "u"}, {"var": "v"}]})");
  REQUIRE(value.unknown);
  CHECK(value.missing == (bit("u") | bit("v")));
  CHECK((value.reads & bit("flag")) != 0);
}

TEST_CASE("logic: `and` over known operands gives JavaScript's result and all the reads",
          "[logic][unknown]") {
  const Value value = evaluate(R"({"and": [{"var": "flag"}, {"var": "b"}]})");
  REQUIRE_FALSE(value.unknown);
  CHECK(value.json == "x");
  CHECK(value.reads == (bit("flag") | bit("b")));
}

TEST_CASE("logic: `or` is true as soon as one operand is known truthy, even after an unknown",
          "[logic][unknown]") {
  const Value value = evaluate(R"({"or": [{"var": "u"}, {"var": "c"}, {"var": "b"}]})");
  REQUIRE_FALSE(value.unknown);
  CHECK(value.json == "x");
  CHECK(value.reads == bit("b"));
}

TEST_CASE("logic: `or` of false operands and an unknown one is unknown", "[logic][unknown]") {
  const Value value = evaluate(R"({"or": [{"var": "c"}, {"var": "u"}]})");
  REQUIRE(value.unknown);
  CHECK(value.missing == bit("u"));
}

TEST_CASE("logic: `if` with a known true condition ignores unknowns elsewhere",
          "[logic][unknown]") {
  const Value value =
      evaluate(R"({"if": [{"var": "c"}, {"var": "u"}, {"var": "flag"}, "yes", {"var": "v"}]})");
  REQUIRE_FALSE(value.unknown);
  CHECK(value.json == "yes");
  CHECK(value.reads == (bit("c") | bit("flag")));  // the conditions evaluated, the branch taken
}

TEST_CASE("logic: `if` on an unknown condition is unknown when its branches differ",
          "[logic][unknown]") {
  const Value value = evaluate(R"({"if": [{"var": "u"}, "yes", {"var": "v"}]})");
  REQUIRE(value.unknown);
  CHECK(value.missing == (bit("u") | bit("v")));
}

TEST_CASE("logic: `if` on an unknown condition is known when every possible branch agrees",
          "[logic][unknown]") {
  const Value same = evaluate(R"({"?:": [{"var": "u"}, {"var": "b"}, "x"]})");
  REQUIRE_FALSE(same.unknown);
  CHECK(same.json == "x");
  CHECK(same.reads == bit("b"));

  // A known false condition is skipped; the else branch is a candidate too.
  const Value chain = evaluate(R"({"if": [{"var": "c"}, "no", {"var": "u"}, [1], {"var": "v"}]})");
  REQUIRE(chain.unknown);
  CHECK(chain.missing == (bit("u") | bit("v")));

  const Value without_else = evaluate(R"({"if": [{"var": "u"}, null]})");
  REQUIRE_FALSE(without_else.unknown);
  CHECK(without_else.json.is_null());
}

TEST_CASE("logic: `!` and `!!` of an unknown are unknown", "[logic][unknown]") {
  const char* rule = GENERATE(R"({"!": {"var": "u"}})", R"({"!!": [{"var": "u"}]})");
  DYNAMIC_SECTION(rule) {
    const Value value = evaluate(rule);
    REQUIRE(value.unknown);
    CHECK(value.missing == bit("u"));
  }
}

TEST_CASE("logic: `!` of a known value is known, read from what it reads", "[logic][unknown]") {
  const Value known = evaluate(R"({"!": {"var": "c"}})");
  REQUIRE_FALSE(known.unknown);
  CHECK(known.json == true);
  CHECK(known.reads == bit("c"));
}

TEST_CASE("logic: comparisons and arithmetic touching an unknown are unknown", "[logic][unknown]") {
  const Value equal = evaluate(R"({"==": [{"var": "u"}, {"var": "v"}]})");
  REQUIRE(equal.unknown);
  CHECK(equal.missing == (bit("u") | bit("v")));

  const Value less = evaluate(R"({"<": [{"var": "a"}, {"var": "u"}, 5]})");
  REQUIRE(less.unknown);
  CHECK(less.missing == bit("u"));
  CHECK(less.reads == bit("a"));

  const Value sum = evaluate(R"({"+": [{"var": "a"}, {"var": "c"}]})");
  REQUIRE_FALSE(sum.unknown);
  CHECK(sum.json == 1);
  CHECK(sum.reads == (bit("a") | bit("c")));

  const Value in = evaluate(R"({"in": ["p", {"var": "u"}]})");
  REQUIRE(in.unknown);
  CHECK(in.missing == bit("u"));

  // Extra operands are ignored, as in JavaScript: they cannot make the result unknown.
  const Value extra = evaluate(R"({"==": [{"var": "a"}, 1, {"var": "u"}]})");
  REQUIRE_FALSE(extra.unknown);
  CHECK(extra.json == true);
}

TEST_CASE("logic: `some`, `all` and `map` over an unknown array are unknown", "[logic][unknown]") {
  const char* rule = GENERATE(R"({"some": [{"var": "u"}, {"==": [{"var": ""}, "p"]}]})",
                              R"({"all": [{"var": "u"}, true]})", R"({"map": [{"var": "u"}, 1]})",
                              R"({"reduce": [{"var": "list"}, 1, {"var": "u"}]})");
  DYNAMIC_SECTION(rule) {
    const Value value = evaluate(rule);
    REQUIRE(value.unknown);
    CHECK(value.missing == bit("u"));
  }
}

TEST_CASE("logic: `some` over a known array is known, read from the array", "[logic][unknown]") {
  const Value some = evaluate(R"({"some": [{"var": "list"}, {"==": [{"var": ""}, "q"]}]})");
  REQUIRE_FALSE(some.unknown);
  CHECK(some.json == true);
  CHECK(some.reads == bit("list"));
}

TEST_CASE("logic: `var` of an unknown stays unknown despite a default", "[logic][unknown]") {
  const Value value = evaluate(R"({"var": ["u", "default"]})");
  REQUIRE(value.unknown);
  CHECK(value.missing == bit("u"));

  const Value absent = evaluate(R"({"var": ["nowhere", "default"]})");
  REQUIRE_FALSE(absent.unknown);
  CHECK(absent.json == "default");

  const Value found = evaluate(R"({"var": ["a", {"var": "u"}]})");  // the default is not needed
  REQUIRE_FALSE(found.unknown);
  CHECK(found.json == 1);
}

TEST_CASE("logic: `missing` is unknown while a key is unanswered", "[logic][unknown]") {
  const Value value = evaluate(R"({"missing": ["a", "u", "nowhere"]})");
  REQUIRE(value.unknown);
  CHECK(value.missing == bit("u"));

  const Value known = evaluate(R"({"missing": ["a", "nowhere"]})");
  REQUIRE_FALSE(known.unknown);
  CHECK(known.json == Json::parse(R"(["nowhere"])"));
  CHECK(known.reads == bit("a"));

  const Value some = evaluate(R"({"missing_some": [1, ["a", "v"]]})");
  REQUIRE(some.unknown);
  CHECK(some.missing == bit("v"));
}

TEST_CASE("logic: an array holding an unknown is unknown; log passes unknowns through",
          "[logic][unknown]") {
  const Value array = evaluate(R"([1, {"var": "a"}, {"var": "u"}])");
  REQUIRE(array.unknown);
  CHECK(array.missing == bit("u"));
  const Value log = evaluate(R"({"log": {"var": "v"}})");
  REQUIRE(log.unknown);
  CHECK(log.missing == bit("v"));
}

// ---------------------------------------------------------------------------------------------
// What validation reads

TEST_CASE("logic: vars lists the literal var names with their pointers", "[logic][analysis]") {
  const Expression expression = compile(
      R"({"and": [{"==": [{"var": "situation_pro"}, "salarie"]}, {"var": ["age", 0]},
                  {"some": [{"var": "items"}, {"var": "qty"}]}, {"var": ""},
                  {"var": {"cat": ["dyn", "amic"]}}, {"!": {"var": "x.y"}}]})");
  const auto vars = expression.vars();
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& use : vars) found.emplace_back(use.name, use.path);
  // "qty" names a field of each item, "" the whole data, the dynamic name is not literal.
  CHECK(found == std::vector<std::pair<std::string, std::string>>{{"situation_pro", "/and/0/==/0"},
                                                                  {"age", "/and/1"},
                                                                  {"items", "/and/2/some/0"},
                                                                  {"x.y", "/and/5/!"}});
}

TEST_CASE("logic: comparisons lists the strings each literal var is compared with",
          "[logic][analysis]") {
  const Expression expression = compile(R"({"or": [
      {"==": [{"var": "situation_pro"}, "salarie"]},
      {"!==": ["independant", {"var": "situation_pro"}]},
      {"in": [{"var": "motif_arret"}, ["maladie", "accident_travail"]]},
      {"in": ["handicap", {"var": "probleme_sante"}]},
      {"some": [{"var": "difficultes"}, {"!=": [{"var": ""}, "aucune"]}]},
      {"all": [{"var": "choix"}, {"or": [{"==": [{"var": ""}, "a"]}, {"in": [{"var": ""}, ["b", "a"]]}]}]},
      {"==": [{"var": "age"}, 30]},
      {"==": [{"var": "x"}, {"var": "y"}]}
  ]})");
  const auto comparisons = expression.comparisons();
  REQUIRE(comparisons.size() == 6);
  CHECK(comparisons[0].var == "situation_pro");
  CHECK(comparisons[0].literals == std::vector<std::string>{"salarie"});
  CHECK(comparisons[0].path == "/or/0");
  CHECK(comparisons[1].var == "situation_pro");
  CHECK(comparisons[1].literals == std::vector<std::string>{"independant"});
  CHECK(comparisons[2].var == "motif_arret");
  CHECK(comparisons[2].literals == std::vector<std::string>{"maladie", "accident_travail"});
  CHECK(comparisons[3].var == "probleme_sante");
  CHECK(comparisons[3].literals == std::vector<std::string>{"handicap"});
  CHECK(comparisons[4].var == "difficultes");
  CHECK(comparisons[4].literals == std::vector<std::string>{"aucune"});
  CHECK(comparisons[4].path == "/or/4");
  CHECK(comparisons[5].var == "choix");
  CHECK(comparisons[5].literals == std::vector<std::string>{"a", "b"});
}
