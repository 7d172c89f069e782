// The `logic` command: one JsonLogic evaluation from the command line (conformance and
// differential tests drive the engine through it).
#include "cli/logic_command.hpp"

#include <iostream>

#include "core/logic/expression.hpp"

namespace {

using pdp::logic::Json;

void print_error(std::ostream& out, const pdp::Error& error) {
  const Json body = {{"error", {{"code", error.code}, {"message", error.message}, {"path", error.path}}}};
  out << body.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

int run_logic_command(const std::vector<std::string>& args, std::ostream& out) {
  if (args.empty() || args.size() > 2) {
    std::cerr << "usage: pdp-assess logic RULE [DATA]  (JSON texts; DATA defaults to {})\n";
    return 2;
  }
  const Json rule = Json::parse(args[0], nullptr, false);
  if (rule.is_discarded()) {
    print_error(out, {"logic.invalid_json", "RULE is not valid JSON", "RULE"});
    return 1;
  }
  const Json data = args.size() > 1 ? Json::parse(args[1], nullptr, false) : Json::object();
  if (data.is_discarded()) {
    print_error(out, {"logic.invalid_json", "DATA is not valid JSON", "DATA"});
    return 1;
  }
  const pdp::Expected<pdp::logic::Expression> expression = pdp::logic::Expression::compile(rule);
  if (!expression) {
    print_error(out, expression.error());
    return 1;
  }
  // The replacing error handler keeps dump() from throwing on invalid UTF-8 (none is expected).
  out << expression->apply(data).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  return 0;
}
