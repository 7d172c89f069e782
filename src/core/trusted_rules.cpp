// Reads the rules bundles the build has checked (the page's module): no check, no message for a
// field that could be wrong, since the build refused any bundle with a problem (docs/security.md
// §4). Nor any words: the texts, the documents and the passages cited are what the page shows, and
// it reads them from the same bundle, with the rest of the info the build wrote there
// (web/rules-info.js); the module reads what decides, and each language's code.
#include <string>
#include <utility>
#include <vector>

#include "core/compiled_rules.hpp"
#include "core/decimal_text.hpp"
#include "core/json_text.hpp"
#include "core/rules_loader.hpp"
#include "core/rules_reading.hpp"

namespace pdp {
namespace {

// Reading rules the build has checked (read_trusted_rules): every field is there with its type,
// so a value is taken as it stands and nothing is reported; what is absent reads as empty.
namespace trusted {

const Json& member(const Json& object, const char* key) {
  static const Json kNull;
  auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

const std::string& text(const Json& object, const char* key) {
  static const std::string kEmpty;
  const Json& value = member(object, key);
  return value.is_string() ? value.get_ref<const std::string&>() : kEmpty;
}

const Json::array_t& array(const Json& object, const char* key) {
  static const Json::array_t kNone;
  const Json& value = member(object, key);
  return value.is_array() ? value.get_ref<const Json::array_t&>() : kNone;
}

std::vector<std::string> texts(const Json& object, const char* key) {
  std::vector<std::string> out;
  for (const Json& value : array(object, key)) {
    if (value.is_string()) out.push_back(value.get<std::string>());
  }
  return out;
}

bool flag(const Json& object, const char* key, bool otherwise) {
  const Json& value = member(object, key);
  return value.is_boolean() ? value.get<bool>() : otherwise;
}

std::optional<Date> date(const Json& object, const char* key) {
  const Json& value = member(object, key);
  if (!value.is_string()) return std::nullopt;
  return Date::parse(value.get_ref<const std::string&>());
}

// The rank-th program the build wrote (compiled_rules.hpp): the ConditionProgram of this reader.
std::optional<logic::Program> written_program(const RuleSet& rules, std::size_t rank,
                                              const Expression& /*tree*/) {
  if (!rules.flat_programs.is_array() || rank >= rules.flat_programs.size()) return std::nullopt;
  return logic::Program::read(rules.flat_programs[rank]);
}

std::vector<TextVariant> variants(const Json& entry) {
  std::vector<TextVariant> out;
  for (const Json& variant : array(entry, "variants")) {
    out.push_back(TextVariant{text(variant, "id"), Expression(), date(variant, "valid_from")});
  }
  return out;
}

// Calls read(entry, its path) on each entry of the array `key` of a rule file.
template <typename ReadEntry>
void for_each_entry(const Json& file, const std::string& name, const char* key, ReadEntry read) {
  const std::string path = name + "#/" + key + "/";
  std::size_t index = 0;
  for (const Json& entry : array(file, key)) read(entry, path + decimal_text(index++));
}

void read_manifest(const Json& manifest, RuleSet& rules) {
  rules.version = text(manifest, "version");
  if (auto day = date(manifest, "information_date")) rules.information_date = *day;
  rules.default_locale = text(manifest, "default_locale");
}

void read_questions(const Json& file, const std::string& name, RuleSet& rules) {
  for_each_entry(file, name, "questions", [&](const Json& entry, std::string path) {
    Question& question = rules.questions.emplace_back();
    question.id = text(entry, "id");
    question.path = std::move(path);
    const std::string& type = text(entry, "type");
    question.type = type == "choice"  ? QuestionType::choice
                    : type == "multi" ? QuestionType::multi
                                      : QuestionType::boolean;
    question.options = texts(entry, "options");
    question.exclusive = texts(entry, "exclusive");
    const Json& options_when = member(entry, "options_when");
    if (options_when.is_object()) {
      for (auto it = options_when.begin(); it != options_when.end(); ++it) {
        question.options_when.emplace(it.key(), Expression());
      }
    }
    question.allows_unknown = flag(entry, "allows_unknown", false);
  });
}

void read_criteria(const Json& file, const std::string& name, RuleSet& rules) {
  for_each_entry(file, name, "criteria", [&](const Json& entry, std::string path) {
    Criterion& criterion = rules.criteria.emplace_back();
    criterion.id = text(entry, "id");
    criterion.path = std::move(path);
    if (entry.contains("to_check_when")) {
      criterion.to_check_when = Expression();
    }
    criterion.variants = variants(entry);
    // Its examples are the build's tests: the page has no use for them.
  });
}

void read_outcomes(const Json& file, const std::string& name, RuleSet& rules) {
  for_each_entry(file, name, "outcomes", [&](const Json& entry, std::string path) {
    Outcome& outcome = rules.outcomes.emplace_back();
    outcome.id = text(entry, "id");
    outcome.path = std::move(path);
    outcome.eligibility = text(entry, "eligibility");
  });
}

void read_items(const Json& file, const std::string& name, ItemKind kind, RuleSet& rules) {
  auto& items = rules.items[static_cast<std::size_t>(kind)];
  for_each_entry(file, name, kind_name(kind), [&](const Json& entry, std::string path) {
    Item& item = items.emplace_back();
    item.kind = kind;
    item.id = text(entry, "id");
    item.path = std::move(path);
    item.requires_eligibility = flag(entry, "requires_eligibility", true);
    item.programme = text(entry, "programme");
    item.variants = variants(entry);
    item.valid_from = date(entry, "valid_from");
    if (kind == ItemKind::programme) {
      item.valid_until = date(entry, "valid_until");
      item.information_date = date(entry, "information_date");
      item.last_seen = date(entry, "last_seen");
    }
  });
}

// A text as JSON (null if it is not JSON, which a checked bundle never has).
Json parsed(const std::string& text, const std::string& name) {
  auto json = parse_json_text(text, "rules.invalid_json", name + "#", rule_text_limits(name));
  return json ? std::move(json).value() : Json();
}

Json parsed(const Json& text, const std::string& name) {
  return text.is_string() ? parsed(text.get_ref<const std::string&>(), name) : Json();
}

// The bundle's {"files": {"name": "text"}}, as JSON.
Json bundle(const std::string& text) {
  Json json = parsed(text, "the rules bundle");
  return member(json, "files").is_object() ? json : Json{{"files", Json::object()}};
}

// The codes of the files locales/<code>.json of `files` into rules.locales, as read_locales: the
// default language first, then by code (the order of `files`). Their texts are the page's.
void read_locales(const Json& files, RuleSet& rules) {
  std::vector<std::string> others;
  for (auto it = files.begin(); it != files.end(); ++it) {
    const std::string& name = it.key();
    // "locales/" (8 characters), the code, ".json" (5).
    if (name.size() < 13 || name.compare(0, 8, "locales/") != 0 ||
        name.compare(name.size() - 5, 5, ".json") != 0) {
      continue;
    }
    std::string code = name.substr(8, name.size() - 13);
    if (code == rules.default_locale) {
      rules.locales.push_back(std::move(code));
    } else {
      others.push_back(std::move(code));
    }
  }
  for (auto& code : others) rules.locales.push_back(std::move(code));
}

}  // namespace trusted

}  // namespace

LoadedRules read_trusted_rules(const std::string& bundle_text) {
  LoadedRules result;
  const Json bundle = trusted::bundle(bundle_text);
  const Json& files = bundle["files"];
  // A bundle the build checked is either rules or one language's texts: only the latter has no
  // manifest, and is refused as read_checked_rules refuses it.
  if (!files.contains("manifest.json")) {
    result.problems.push_back(
        Error{"rules.missing_file", "the file \"manifest.json\" is missing", "manifest.json"});
    return result;
  }
  RuleSet rules;
  rules.program_of = &trusted::written_program;
  rules.flat_programs = trusted::member(bundle, "conditions");
  const Json manifest = trusted::parsed(files["manifest.json"], "manifest.json");
  trusted::read_manifest(manifest, rules);
  const Json& names = trusted::member(manifest, "files");
  const auto file = [&](const char* key) -> std::pair<Json, std::string> {
    const std::string& name = trusted::text(names, key);
    return {trusted::parsed(trusted::member(files, name.c_str()), name), name};
  };
  auto [questions, questions_name] = file("questions");
  trusted::read_questions(questions, questions_name, rules);
  auto [criteria, criteria_name] = file("criteria");
  trusted::read_criteria(criteria, criteria_name, rules);
  auto [outcomes, outcomes_name] = file("outcomes");
  trusted::read_outcomes(outcomes, outcomes_name, rules);
  for (ItemKind kind : kItemKinds) {
    auto [items, items_name] = file(kind_name(kind));
    trusted::read_items(items, items_name, kind, rules);
  }
  trusted::read_locales(files, rules);
  // The conditions are the programs the build wrote (`pdp-assess bundle` refuses rules with a
  // condition it cannot flatten, rules.not_flat): their trees are not read, nor compiled.
  const Json& separate = trusted::member(bundle, "separate_locales");
  for (auto it = separate.begin(); separate.is_object() && it != separate.end(); ++it) {
    if (!rules.has_locale(it.key()) && it->is_string()) {
      rules.separate_locales.emplace(it.key(), it->get<std::string>());
    }
  }
  result.rules = std::move(rules);
  return result;
}

AddedLocale add_trusted_locale(RuleSet& rules, const std::string& locale_bundle) {
  AddedLocale added;
  const Json bundle = trusted::bundle(locale_bundle);
  RuleSet with;  // trusted::read_locales fills the locales of a rule set: a scratch one
  with.default_locale = rules.default_locale;
  if (bundle["files"].size() == 1) trusted::read_locales(bundle["files"], with);
  const auto checked_by_the_build = [](const std::string&, const Json&, Errors&) {};
  add_read_locale(rules, with, checked_by_the_build, added);
  return added;
}

}  // namespace pdp
