// The WebAssembly interface of the core: JSON text in, JSON text out, nothing thrown across it.
// Each function returns a pointer to UTF-8 JSON that stays valid until the next call.
#include <emscripten/emscripten.h>

#include <exception>
#include <optional>
#include <string>

#include "core/assessment.hpp"
#include "core/response.hpp"
#include "core/rules_loader.hpp"

namespace {

using pdp::Json;

std::optional<pdp::RuleSet> loaded_rules;
std::string last_reply;

const char* reply(const Json& json) {
  last_reply = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  return last_reply.c_str();
}

// Runs `body`; whatever escapes it becomes an error response instead of crossing into JS.
// Built without C++ exceptions (-fno-exceptions), nothing can escape: a failure aborts the module.
template <typename Body>
const char* guarded(Body body) {
#if defined(__cpp_exceptions)
  const auto error_reply = [](const std::string& code, const std::string& message) {
    return reply(pdp::error_response(pdp::Error{code, message, ""}));
  };
  try {
    return reply(body());
  } catch (const std::exception& e) {
    return error_reply("internal.error", std::string("the engine failed: ") + e.what());
  } catch (...) {
    return error_reply("internal.error", "the engine failed");
  }
#else
  return reply(body());
#endif
}

}  // namespace

extern "C" {

// Loads the rules bundle ({"files": {...}}, as `pdp-assess bundle` writes it). Returns the
// rules' info in their default locale, or the error with every problem found.
EMSCRIPTEN_KEEPALIVE const char* pdp_load_rules(const char* bundle) {
  return guarded([&] {
    loaded_rules.reset();
    auto files = pdp::rule_files_from_bundle(bundle == nullptr ? "" : bundle);
    if (!files) return pdp::error_response(files.error());
    pdp::LoadedRules loaded = pdp::load_rules(files.value());
    if (!loaded.rules) {
      Json response = pdp::error_response(loaded.problems.front());
      Json problems = Json::array();
      for (const auto& p : loaded.problems) {
        problems.push_back({{"code", p.code}, {"message", p.message}, {"path", p.path}});
      }
      response["problems"] = std::move(problems);
      return response;
    }
    loaded_rules = std::move(loaded.rules);
    return pdp::rules_info(*loaded_rules, loaded_rules->default_locale);
  });
}

// The rules' info and page texts in `locale`.
EMSCRIPTEN_KEEPALIVE const char* pdp_info(const char* locale) {
  return guarded([&] {
    if (!loaded_rules) {
      return pdp::error_response({"engine.no_rules", "the rules are not loaded", ""});
    }
    return pdp::rules_info(*loaded_rules, locale == nullptr ? "" : locale);
  });
}

// Assesses one request; `today` (YYYY-MM-DD, the device's date) is the default date.
EMSCRIPTEN_KEEPALIVE const char* pdp_assess(const char* request, const char* today) {
  return guarded([&] {
    if (!loaded_rules) {
      return pdp::error_response({"engine.no_rules", "the rules are not loaded", ""});
    }
    auto date = pdp::Date::parse(today == nullptr ? "" : today);
    if (!date) {
      return pdp::error_response(
          {"request.invalid_date", "the device's date is not a date written YYYY-MM-DD", ""});
    }
    return pdp::assess_text(*loaded_rules, request == nullptr ? "" : request, *date);
  });
}

}  // extern "C"
