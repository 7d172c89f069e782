// The WebAssembly interface of the core: JSON text in, JSON text out. Each function returns a
// pointer to UTF-8 JSON that stays valid until the next call.
//
// The module is built without C++ exceptions (docs/performance.md): what would have thrown, a
// failed allocation above all, aborts the call instead, which traps into JavaScript. web/engine.js
// then answers the call with an error reply and goes on with a fresh instance of the module;
// pdp_out_of_memory tells it which error to give.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "core/assessment.hpp"
#include "core/compiled_rules.hpp"
#include "core/json_writer.hpp"
#include "core/response.hpp"
#include "core/rules_loader.hpp"
#include "core/sha256.hpp"

namespace {

using pdp::Json;

std::optional<pdp::RuleSet> loaded_rules;
std::string last_reply;
bool ran_out_of_memory = false;

// The memory is bounded and malloc returns null when it is full; operator new, having no exception
// to throw, then aborts. This handler runs first and notes why, for engine.js to say so.
[[noreturn]] void out_of_memory() {
  ran_out_of_memory = true;
  std::abort();
}

const char* reply(const Json& response) {
  last_reply = pdp::json_text(response);
  return last_reply.c_str();
}

// A reply already written as text (an assessment's: no JSON tree is built for it).
const char* reply(std::string text) {
  last_reply = std::move(text);
  return last_reply.c_str();
}

Json no_rules() {
  return pdp::error_response({"engine.no_rules", "the rules are not loaded", ""});
}

// The bundles build-wasm.sh checked (every check of `pdp-assess bundle`) just before compiling
// this module: it reads them without checking them again, and no other (docs/security.md §4).
constexpr const char* kCheckedBundles[] = {
#include "checked_rules.inc"
};

bool checked_by_the_build(const char* bundle) {
  const std::string digest = pdp::sha256_hex(bundle == nullptr ? "" : bundle);
  for (const char* checked : kCheckedBundles) {
    if (digest == checked) return true;
  }
  return false;
}

// A bundle refused, as problems_response words it ({"error": …, "problems": [every problem]}) for
// the one problem a bundle the build checked can have: a language's bundle given as the rules, the
// rules as a language, or a language added twice.
const char* refused(const pdp::Errors& problems) {
  const std::string error = pdp::json_text(pdp::error_response(problems.front())["error"]);
  return reply("{\"error\":" + error + ",\"problems\":[" + error + "]}");
}

Json unchecked() {
  return pdp::error_response(
      {"rules.unchecked",
       "these rules are not the ones this page was built with, so nothing says they were "
       "checked: check them with \"pdp-assess validate\" and build the page again "
       "(./build-wasm.sh)",
       ""});
}

}  // namespace

extern "C" {

// Loads the rules bundle ({"files": {...}}, as build-wasm.sh writes it into rules.json): `{}`, or
// the error: "rules.unchecked" for a bundle other than the ones the build checked. The rules' info
// (texts, questions, sources) is the page's to read from the same bundle: the build wrote it there
// (web/rules-info.js), and this module keeps no words.
EMSCRIPTEN_KEEPALIVE const char* pdp_load_rules(const char* bundle) {
  std::set_new_handler(out_of_memory);
  loaded_rules.reset();
  if (!checked_by_the_build(bundle)) return reply(unchecked());
  pdp::LoadedRules loaded = pdp::read_trusted_rules(bundle);
  if (!loaded.rules) return refused(loaded.problems);
  loaded_rules.emplace(std::move(*loaded.rules));  // reset above: no RuleSet move-assignment
  // Its conditions compiled now, once: each must be a program the build wrote, the module having
  // no tree evaluator (a bundle the build checked always has them).
  if (!pdp::compiled(*loaded_rules).all_flat) {
    loaded_rules.reset();
    return reply(pdp::error_response({"rules.invalid_bundle",
                                      "the bundle does not hold a program for each condition "
                                      "(build the page again: ./build-wasm.sh)",
                                      "/conditions"}));
  }
  return reply(std::string("{}"));
}

// Adds a language the bundle left out (its own file, rules.<code>.json as the page fetches it), one
// the build checked, so that requests may be in it: {"locale": "<code>"}, or the error.
EMSCRIPTEN_KEEPALIVE const char* pdp_add_locale(const char* locale_bundle) {
  std::set_new_handler(out_of_memory);
  if (!loaded_rules) return reply(no_rules());
  if (!checked_by_the_build(locale_bundle)) return reply(unchecked());
  pdp::AddedLocale added = pdp::add_trusted_locale(*loaded_rules, locale_bundle);
  if (!added.problems.empty()) return refused(added.problems);
  return reply("{\"locale\":\"" + added.code + "\"}");  // a two-letter code: nothing to escape
}

// Assesses one request; `today` (YYYY-MM-DD, the device's date) is the default date.
EMSCRIPTEN_KEEPALIVE const char* pdp_assess(const char* request, const char* today) {
  std::set_new_handler(out_of_memory);
  if (!loaded_rules) return reply(no_rules());
  auto date = pdp::Date::parse(today == nullptr ? "" : today);
  if (!date) {
    return reply(pdp::error_response(
        {"request.invalid_date", "the device's date is not a date written YYYY-MM-DD", ""}));
  }
  return reply(pdp::assess_text(*loaded_rules, request == nullptr ? "" : request, *date));
}

// Whether a call of this instance ran out of memory (and so aborted): engine.js asks after a trap.
EMSCRIPTEN_KEEPALIVE int pdp_out_of_memory() {
  return ran_out_of_memory ? 1 : 0;
}

}  // extern "C"
