// The `logic` command: one JsonLogic evaluation, what the conformance and differential tests drive.
#include "cli/logic_command.hpp"

#include <iostream>

#include "core/json_text.hpp"
#include "core/limits.hpp"
#include "core/logic/expression.hpp"

namespace {

using pdp::logic::Json;

void print_error(std::ostream& out, const pdp::Error& error) {
  const Json body = {
      {"error", {{"code", error.code}, {"message", error.message}, {"path", error.path}}}};
  out << body.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

int run_logic_command(const std::vector<std::string>& args, std::ostream& out) {
  if (args.empty() || args.size() > 2) {
    std::cerr << "usage: pdp-assess logic RULE [DATA]  (JSON texts; DATA defaults to {})\n";
    return 2;
  }
  // Size and nesting are bounded so that hostile texts cost bounded time, memory and stack.
  const auto limits = [](const char* name) {
    return pdp::JsonTextLimits{"logic", name, pdp::limits::kLogicBytes, pdp::limits::kLogicDepth};
  };
  auto rule = pdp::parse_json_text(args[0], "logic.invalid_json", "RULE", limits("RULE"));
  if (!rule) {
    print_error(out, rule.error());
    return 1;
  }
  auto data = args.size() > 1
                  ? pdp::parse_json_text(args[1], "logic.invalid_json", "DATA", limits("DATA"))
                  : pdp::Expected<Json>(Json::object());
  if (!data) {
    print_error(out, data.error());
    return 1;
  }
  const pdp::Expected<pdp::logic::Expression> expression =
      pdp::logic::Expression::compile(rule.value());
  if (!expression) {
    print_error(out, expression.error());
    return 1;
  }
  // The evaluation's own budget bounds its time and memory, whatever RULE and DATA do.
  const pdp::Expected<Json> result = expression->apply(data.value());
  if (!result) {
    pdp::Error error = result.error();
    error.path = "RULE";
    print_error(out, error);
    return 1;
  }
  // The replacing error handler keeps dump() from throwing on invalid UTF-8 (none is expected).
  out << result->dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  return 0;
}
