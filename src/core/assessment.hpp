// The one API of the core: a request in, a response (or an error) out, both JSON.
#pragma once

#include <string>

#include "core/date.hpp"
#include "core/request.hpp"
#include "core/rules.hpp"

namespace pdp {

// `today` is the default date (the core has no clock). Never throws; bad input gives
// {"error": {"code", "message", "path"}} and nothing else.
Json assess(const RuleSet& rules, const Json& request, const Date& today);

// The response to a request already validated, drawing on `budget` (once it is spent the response
// means nothing: the caller checks budget.spent()). What assess() does after read_request(); the
// walk of every path uses it too.
Json respond(const RuleSet& rules, const Request& request, logic::Budget& budget);

// "rules.too_costly": the rules' conditions spent the evaluation budget of one assessment (at
// budget.where()).
Error too_costly(const logic::Budget& budget);

// What a host needs before the first question and to word any reply in `locale`: the rules'
// version and dates, the languages, the page texts ("ui"), every text of the locale ("texts"),
// how each question is answered ("questions": type, options, allows_unknown, exclusive), the
// passages each criterion and item rests on ("sources") and the documents they are from
// ("documents"); an error response if the rules have no such locale.
Json rules_info(const RuleSet& rules, const std::string& locale);

// The same from JSON text to JSON text (what the page's module does), the response written with
// no JSON tree (response.hpp): reply_text(assess(...)) byte for byte. A text that is not JSON gives
// "request.invalid_json".
std::string assess_text(const RuleSet& rules, const std::string& request, const Date& today);

}  // namespace pdp
