// Turns a Situation into the response of the JSON API (PRODUCT.md §4), with the locale's texts.
#pragma once

#include "core/request.hpp"
#include "core/rules.hpp"
#include "core/situation.hpp"

namespace pdp {

Json build_response(const RuleSet& rules, const Request& request, const Situation& situation);

// {"error": {"code", "message", "path"}}
Json error_response(const Error& error);

}  // namespace pdp
