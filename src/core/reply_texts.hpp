// A reply with its texts put back beside each id, in one language: what `pdp-assess assess
// --texts` prints for a person to read. The page does the same in web/reply-texts.js from the
// rules' info; the WebAssembly module does not link this (src/core/CMakeLists.txt).
#pragma once

#include <string>

#include "core/error.hpp"
#include "core/rules.hpp"

namespace pdp {

// `reply` (as respond() gives it) with, in `locale`: each question's label, help and choices'
// labels, each answer's label, each criterion's and item's title and text (its variant's where
// it has one) with its sources (document title, date, address), each programme's short text,
// period and date note, the outcome's words, what to check, and the notices. Errors:
// "request.unknown_locale" for a locale the rules lack; "texts.missing" (path: the JSON pointer of
// the missing text in the locale, e.g. "/questions/situation_pro/label"); "reply.invalid" (path:
// where in the reply) for something that is not a reply of these rules. Never throws.
Expected<Json> with_texts(const RuleSet& rules, const Json& reply, const std::string& locale);

}  // namespace pdp
