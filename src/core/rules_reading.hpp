// What the two readers of rules share: the one that checks (rules_loader.cpp) and the one that
// trusts a bundle the build checked (trusted_rules.cpp).
#pragma once

#include <string>
#include <utility>

#include "core/json_text.hpp"
#include "core/limits.hpp"
#include "core/rules.hpp"
#include "core/rules_loader.hpp"

namespace pdp {

inline JsonTextLimits rule_text_limits(const std::string& name) {
  return {"rules", name, limits::kRulesBytes, limits::kRulesDepth};
}

// Adds to `rules` the one language `read` holds (a scratch rule set filled from a language's
// bundle), after `check` has reported its texts' problems (or trusted them); else `added` says why
// not: the bundle held no language or more than one, or that language is loaded already. A reader
// that keeps no words (the module's: the page words replies itself) adds the language's code only.
template <typename Check>
void add_read_locale(RuleSet& rules, RuleSet& read, Check check, AddedLocale& added) {
  if (read.locales.size() != 1) {
    added.problems.push_back(Error{"rules.invalid_bundle",
                                   "a language's bundle holds one file, locales/<code>.json",
                                   "/files"});
    return;
  }
  const std::string code = read.locales.front();
  if (rules.has_locale(code) || code == rules.default_locale) {
    added.problems.push_back(Error{"rules.invalid_bundle",
                                   "the language \"" + code + "\" is loaded already",
                                   "/files/locales~1" + code + ".json"});
    return;
  }
  if (auto texts = read.texts.find(code); texts != read.texts.end()) {
    check(code, texts->second, added.problems);
    if (!added.problems.empty()) return;
    rules.texts.emplace(code, std::move(texts->second));
  }
  rules.locales.push_back(code);
  rules.separate_locales.erase(code);
  added.code = code;
}

}  // namespace pdp
