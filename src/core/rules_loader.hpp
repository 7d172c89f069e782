// Reads a rule set from the texts of its files and reports every problem with its JSON path.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/rules.hpp"

namespace pdp {

// File name (relative to the rules folder, e.g. "questions.json", "locales/fr.json") -> text.
// The core does no I/O: the command line reads a folder, the wasm build embeds the files.
using RuleFiles = std::map<std::string, std::string>;

struct LoadedRules {
  std::optional<RuleSet> rules;  // set only when there is no problem at all
  Errors problems;
};

// Parses and validates: structure (types, required and unknown fields), identifiers, conditions
// (operators, questions and options they name), question order and cycles, questions that can
// never be asked, sources, and the completeness of every locale's texts.
LoadedRules load_rules(const RuleFiles& files);

// A rule set as one JSON document, {"files": {"manifest.json": "<text>", …}}: how a page or a
// kiosk receives the rules in one file.
Json bundle_rule_files(const RuleFiles& files);

// What a bundle holds: its files and, optionally, the languages it leaves out to keep the page
// light ({"separate_locales": {"en": "English"}}: code -> the language's name in itself), whose
// locale file the page loads only when a person picks that language.
struct RulesBundle {
  RuleFiles files;
  std::map<std::string, std::string> separate_locales;
};
Expected<RulesBundle> rule_files_from_bundle(const std::string& bundle);

// load_rules(bundle.files), listing the separate languages not loaded as available too.
LoadedRules load_rules(const RulesBundle& bundle);

// Rules that load_rules has already passed (the build's bundle, recognised by its digest): their
// structure is read, with the problems a text that is not such rules gives, but the checks are
// not run again. The page's module loads its rules this way: the checks are a third of its code.
LoadedRules read_checked_rules(const RuleFiles& files);
LoadedRules read_checked_rules(const RulesBundle& bundle);

// The same for the page's module, from a bundle's text ({"files": …, "separate_locales": …}): it
// loads only the bundles the build checked (known by their SHA-256, docs/security.md §4), so every
// check has passed and the structure is taken as it stands, without a word for what it could have
// got wrong (a bundle without manifest.json, one language's texts, is refused as above). Not for
// any other text: what is missing or of another type reads as empty.
LoadedRules read_trusted_rules(const std::string& bundle);

// Adds to loaded rules the texts of a separate language, from its own bundle
// ({"files": {"locales/<code>.json": "<text>"}}), checked as if loaded with the rules. Returns its
// code, or every problem found (the rules are then left as they were).
struct AddedLocale {
  std::string code;  // set only when there is no problem
  Errors problems;
};
AddedLocale add_locale(RuleSet& rules, const std::string& locale_bundle);

// The same for a language's bundle the build has checked with the rules: not checked again.
AddedLocale add_checked_locale(RuleSet& rules, const std::string& locale_bundle);

// The same trusting the bundle as read_trusted_rules does: the page's module adds languages so.
AddedLocale add_trusted_locale(RuleSet& rules, const std::string& locale_bundle);

}  // namespace pdp
