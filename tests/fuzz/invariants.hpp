// What the fuzz targets share: a failed invariant aborts (libFuzzer keeps the input as a crash),
// the error codes README.md documents, and checks on JSON values.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace pdp::fuzz {

using Json = nlohmann::json;

// Aborts with `what`: libFuzzer reports it as a crash and writes the input that caused it.
[[noreturn]] inline void fail(const std::string& what, const Json& context = nullptr) {
  std::fprintf(stderr, "invariant broken: %s\n%s\n", what.c_str(),
               context.dump(2, ' ', false, Json::error_handler_t::replace).substr(0, 4000).c_str());
  std::abort();
}

inline void expect(bool holds, const std::string& what, const Json& context = nullptr) {
  if (!holds) fail(what, context);
}

// Every code of README.md's error table (the backquoted words of each row's first cell).
inline const std::set<std::string>& documented_codes() {
  static const std::set<std::string> codes = [] {
    std::ifstream in(PDP_SOURCE_DIR "/README.md");
    std::set<std::string> found;
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("| `", 0) != 0) continue;
      const std::string cell = line.substr(1, line.find('|', 1) - 1);
      for (std::size_t open = cell.find('`'); open != std::string::npos;) {
        const std::size_t close = cell.find('`', open + 1);
        if (close == std::string::npos) break;
        found.insert(cell.substr(open + 1, close - open - 1));
        open = cell.find('`', close + 1);
      }
    }
    if (found.size() < 20) fail("README.md's error table could not be read");
    return found;
  }();
  return codes;
}

// True when dump() works without replacing anything: every string is valid UTF-8.
inline bool serialises(const Json& value) {
  try {
    (void)value.dump();
    return true;
  } catch (const Json::exception&) {
    return false;
  }
}

// True when `pointer` (RFC 6901) names a value inside `document`.
inline bool points_into(const Json& document, const std::string& pointer) {
  try {
    return document.contains(Json::json_pointer(pointer));
  } catch (const Json::exception&) {
    return false;
  }
}

// An error {"code", "message", "path"}: a documented code starting with one of `prefixes`, a
// message that is valid, non-empty and short.
inline void expect_error(const Json& error, std::initializer_list<const char*> prefixes,
                         const Json& context) {
  expect(error.is_object() && error.size() == 3 && error.contains("code") &&
             error.contains("message") && error.contains("path"),
         "an error is {code, message, path}", context);
  expect(error["code"].is_string() && error["message"].is_string() && error["path"].is_string(),
         "an error's fields are strings", context);
  const std::string& code = error["code"].get_ref<const std::string&>();
  expect(documented_codes().count(code) == 1, "the code " + code + " is in README's table",
         context);
  bool known_prefix = false;
  for (const char* prefix : prefixes) known_prefix = known_prefix || code.rfind(prefix, 0) == 0;
  expect(known_prefix, "the code " + code + " belongs to this input", context);
  const std::string& message = error["message"].get_ref<const std::string&>();
  expect(!message.empty() && message.size() <= 2048, "a message is a short sentence", context);
  expect(serialises(error), "an error is valid UTF-8", context);
}

}  // namespace pdp::fuzz
