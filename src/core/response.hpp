// Turns a Conversation into the response of the JSON API (PRODUCT.md §4): ids and values only; the
// texts are handed once, in the rules' info (assessment.hpp), and put back by reply_texts.hpp.
#pragma once

#include "core/conversation.hpp"
#include "core/request.hpp"
#include "core/rules.hpp"
#include "core/situation.hpp"

namespace pdp {

// What would meet an unmet criterion is searched within `budget`; once it is spent the response
// means nothing (the caller checks budget.spent() and answers with an error instead).
Json build_response(const RuleSet& rules, const Request& request, const Conversation& conversation,
                    logic::Budget& budget);

// {"error": {"code", "message", "path"}}
Json error_response(const Error& error);

// Rules that cannot load: the first problem as the error, and every problem under "problems".
Json problems_response(const Errors& problems);

}  // namespace pdp
