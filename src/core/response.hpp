// Turns a Conversation into the response of the JSON API (PRODUCT.md §4): ids and values only; the
// texts are handed once, in the rules' info (assessment.hpp), and put back by reply_texts.hpp.
#pragma once

#include <string>

#include "core/conversation.hpp"
#include "core/request.hpp"
#include "core/rules.hpp"
#include "core/situation.hpp"

namespace pdp {

// The response as JSON text, written directly (no JSON tree: the tree and its dump cost a third of
// an assessment): byte for byte reply_text(build_response(...)). What would meet an unmet
// criterion is searched within `budget`; once it is spent the response means nothing (the caller
// checks budget.spent() and answers with an error instead).
std::string write_response(const RuleSet& rules, const Request& request,
                           const Conversation& conversation, logic::Budget& budget);

// The same response as a tree, for the native callers that read it (tests, the command line): the
// written text parsed, so that there is one way of making a response.
Json build_response(const RuleSet& rules, const Request& request, const Conversation& conversation,
                    logic::Budget& budget);

// {"error": {"code", "message", "path"}}
Json error_response(const Error& error);

// Rules that cannot load: the first problem as the error, and every problem under "problems".
Json problems_response(const Errors& problems);

// A reply's text as every host sends it: compact, with any invalid UTF-8 replaced.
std::string reply_text(const Json& reply);

}  // namespace pdp
