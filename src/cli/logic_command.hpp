// `pdp-assess logic RULE [DATA]`: evaluates a JsonLogic rule over JSON data, like json-logic-js.
#pragma once

#include <ostream>
#include <string>
#include <vector>

// args: RULE, or RULE and DATA (JSON texts; DATA defaults to {}). Prints the result as JSON and
// returns 0; prints {"error": {...}} and returns 1 for invalid JSON, texts too long or too deep,
// an invalid rule, or an evaluation beyond its budget ("logic.too_costly"); returns 2
// (usage on stderr) for a wrong number of arguments.
int run_logic_command(const std::vector<std::string>& args, std::ostream& out);
