// Builds a RuleSet from its files: structure first, then the checks of rules_checks.cpp.
#include "core/rules_loader.hpp"

#include <algorithm>
#include <utility>

#include "core/compiled_rules.hpp"
#include "core/json_reader.hpp"
#include "core/json_text.hpp"
#include "core/locale_checks.hpp"
#include "core/quote.hpp"
#include "core/rules_checks.hpp"
#include "core/rules_reading.hpp"
#include "core/tree_conditions.hpp"

namespace pdp {
namespace {

using nlohmann::json;

std::optional<json> read_file(const RuleFiles& files, const std::string& name, Errors& problems) {
  auto found = files.find(name);
  if (found == files.end()) {
    problems.push_back(Error{"rules.missing_file", "the file \"" + name + "\" is missing", name});
    return std::nullopt;
  }
  auto parsed = parse_json_text(found->second, "rules.invalid_json", name + "#",
                                rule_text_limits("the file \"" + name + "\""));
  if (!parsed) {
    problems.push_back(parsed.error());
    return std::nullopt;
  }
  return std::move(parsed).value();
}

std::optional<Date> read_date(JsonReader& reader, const std::string& key, bool required) {
  auto text = reader.string(key, required);
  if (!text) return std::nullopt;
  auto date = Date::parse(*text);
  if (!date) {
    reader.problem_at(reader.path_of(key), "rules.invalid_date",
                      "\"" + *text + "\" is not a date written YYYY-MM-DD");
  }
  return date;
}

Expression read_condition(JsonReader& parent, const std::string& key, bool required) {
  if (!parent.has(key)) {
    if (required) {
      parent.problem_at(parent.path_of(key), "rules.missing_field",
                        "missing field \"" + key + "\"");
    }
    return Expression();
  }
  auto compiled = Expression::compile(parent.json()[key]);
  if (!compiled) {
    const auto& error = compiled.error();
    parent.problem_at(parent.path_of(key) + error.path, "rules.invalid_condition", error.message);
    return Expression();
  }
  return std::move(compiled).value();
}

std::vector<SourceRef> read_sources(JsonReader& item) {
  std::vector<SourceRef> sources;
  if (!item.has("source")) {
    item.problem_at(item.path_of("source"), "rules.missing_source",
                    "every item must name the source passage it rests on (\"source\")");
    return sources;
  }
  JsonReader list = item.at("source");
  if (!list.expect_array()) return sources;
  if (list.json().empty()) {
    list.problem("rules.missing_source", "\"source\" must name at least one passage");
  }
  for (std::size_t i = 0; i < list.json().size(); ++i) {
    JsonReader ref = list.at(i);
    if (!ref.expect_object()) continue;
    ref.only_fields({"document", "passage", "article"});
    SourceRef source;
    source.document = ref.string("document").value_or("");
    source.passage = ref.string("passage").value_or("");
    source.article = ref.string("article", false).value_or("");
    sources.push_back(std::move(source));
  }
  return sources;
}

void read_manifest(JsonReader manifest, RuleSet& rules) {
  if (!manifest.expect_object()) return;
  manifest.only_fields({"version", "information_date", "default_locale", "files", "documents"});
  rules.version = manifest.string("version").value_or("");
  if (auto date = read_date(manifest, "information_date", true)) rules.information_date = *date;
  rules.default_locale = manifest.string("default_locale").value_or("");
  JsonReader documents = manifest.at("documents");
  if (!manifest.has("documents")) {
    manifest.problem_at(documents.path(), "rules.missing_field", "missing field \"documents\"");
  } else if (documents.expect_array()) {
    for (std::size_t i = 0; i < documents.json().size(); ++i) {
      JsonReader entry = documents.at(i);
      if (!entry.expect_object()) continue;
      entry.only_fields({"id", "title", "file", "note", "url", "date", "internal"});
      Document document;
      document.id = entry.string("id").value_or("");
      document.path = entry.path();
      document.title = entry.string("title").value_or("");
      document.file = entry.string("file").value_or("");
      document.note = entry.string("note", false).value_or("");
      document.url = entry.string("url", false).value_or("");
      if (!document.url.empty() && document.url.rfind("https://", 0) != 0) {
        entry.problem_at(entry.path_of("url"), "rules.wrong_type",
                         "a document's address starts with https://");
      }
      document.date = read_date(entry, "date", false);
      document.internal = entry.has("internal") && entry.boolean("internal").value_or(false);
      rules.documents.push_back(std::move(document));
    }
  }
}

// Calls `read` on each object of the array `key`, the one field a rule file holds.
template <typename ReadEntry>
void for_each_entry(JsonReader file, const std::string& key, ReadEntry read) {
  if (!file.expect_object()) return;
  file.only_fields({key.c_str()});
  JsonReader list = file.at(key);
  if (!file.has(key)) {
    file.problem_at(list.path(), "rules.missing_field", "missing field \"" + key + "\"");
    return;
  }
  if (!list.expect_array()) return;
  for (std::size_t i = 0; i < list.json().size(); ++i) {
    JsonReader entry = list.at(i);
    if (entry.expect_object()) read(entry);
  }
}

void read_questions(JsonReader file, RuleSet& rules) {
  for_each_entry(file, "questions", [&](JsonReader& entry) {
    entry.only_fields({"id", "type", "options", "exclusive", "options_when", "asked_when",
                       "allows_unknown", "source"});
    Question question;
    question.id = entry.string("id").value_or("");
    question.path = entry.path();
    const std::string type = entry.string("type").value_or("");
    if (type == "boolean") {
      question.type = QuestionType::boolean;
    } else if (type == "choice") {
      question.type = QuestionType::choice;
    } else if (type == "multi") {
      question.type = QuestionType::multi;
    } else if (!type.empty()) {
      entry.problem_at(entry.path_of("type"), "rules.wrong_type",
                       "unknown question type \"" + type + "\" (allowed: boolean, choice, multi)");
    }
    const bool has_options = question.type != QuestionType::boolean;
    if (has_options) {
      question.options = entry.strings("options");
    } else if (entry.has("options")) {
      entry.problem_at(entry.path_of("options"), "rules.unknown_field",
                       "a boolean question has no options");
    }
    question.exclusive = entry.strings("exclusive", false);
    if (entry.has("options_when")) {
      JsonReader conditions = entry.at("options_when");
      if (conditions.expect_object()) {
        for (auto it = conditions.json().begin(); it != conditions.json().end(); ++it) {
          question.options_when.emplace(it.key(), read_condition(conditions, it.key(), true));
        }
      }
    }
    question.asked_when = read_condition(entry, "asked_when", true);
    question.allows_unknown = entry.boolean("allows_unknown").value_or(false);
    question.source = read_sources(entry);
    rules.questions.push_back(std::move(question));
  });
}

std::vector<Example> read_examples(JsonReader& entry) {
  std::vector<Example> examples;
  if (!entry.has("examples")) return examples;
  JsonReader list = entry.at("examples");
  if (!list.expect_array()) return examples;
  for (std::size_t i = 0; i < list.json().size(); ++i) {
    JsonReader example = list.at(i);
    if (!example.expect_object()) continue;
    example.only_fields({"answers", "status"});
    Example parsed;
    JsonReader answers = example.at("answers");
    if (!example.has("answers")) {
      example.problem_at(answers.path(), "rules.missing_field", "missing field \"answers\"");
    } else if (answers.expect_object()) {
      parsed.answers = answers.json();
    }
    parsed.status = example.string("status").value_or("");
    if (!parsed.status.empty() && parsed.status != "met" && parsed.status != "unmet" &&
        parsed.status != "unknown") {
      example.problem_at(example.path_of("status"), "rules.wrong_type",
                         "status must be \"met\", \"unmet\" or \"unknown\"");
    }
    examples.push_back(std::move(parsed));
  }
  return examples;
}

std::vector<TextVariant> read_variants(JsonReader& entry) {
  std::vector<TextVariant> variants;
  if (!entry.has("variants")) return variants;
  JsonReader list = entry.at("variants");
  if (!list.expect_array()) return variants;
  for (std::size_t i = 0; i < list.json().size(); ++i) {
    JsonReader variant = list.at(i);
    if (!variant.expect_object()) continue;
    variant.only_fields({"id", "when", "valid_from"});
    TextVariant parsed;
    parsed.id = variant.string("id").value_or("");
    parsed.when = read_condition(variant, "when", true);
    parsed.valid_from = read_date(variant, "valid_from", false);
    variants.push_back(std::move(parsed));
  }
  return variants;
}

void read_criteria(JsonReader file, RuleSet& rules) {
  for_each_entry(file, "criteria", [&](JsonReader& entry) {
    entry.only_fields({"id", "condition", "to_check_when", "variants", "source", "examples"});
    Criterion criterion;
    criterion.id = entry.string("id").value_or("");
    criterion.path = entry.path();
    criterion.condition = read_condition(entry, "condition", true);
    if (entry.has("to_check_when")) {
      criterion.to_check_when = read_condition(entry, "to_check_when", true);
    }
    criterion.variants = read_variants(entry);
    criterion.source = read_sources(entry);
    criterion.examples = read_examples(entry);
    rules.criteria.push_back(std::move(criterion));
  });
}

void read_outcomes(JsonReader file, RuleSet& rules) {
  for_each_entry(file, "outcomes", [&](JsonReader& entry) {
    entry.only_fields({"id", "eligibility", "when", "source"});
    Outcome outcome;
    outcome.id = entry.string("id").value_or("");
    outcome.path = entry.path();
    outcome.eligibility = entry.string("eligibility").value_or("");
    if (!outcome.eligibility.empty() && outcome.eligibility != "eligible" &&
        outcome.eligibility != "not_eligible" && outcome.eligibility != "incomplete") {
      entry.problem_at(entry.path_of("eligibility"), "rules.wrong_type",
                       "eligibility must be \"eligible\", \"not_eligible\" or \"incomplete\"");
    }
    outcome.when = read_condition(entry, "when", true);
    outcome.source = read_sources(entry);
    rules.outcomes.push_back(std::move(outcome));
  });
}

void read_items(JsonReader file, ItemKind kind, RuleSet& rules) {
  auto& items = rules.items[static_cast<std::size_t>(kind)];
  for_each_entry(file, kind_name(kind), [&](JsonReader& entry) {
    if (kind == ItemKind::programme) {
      entry.only_fields({"id", "applies_when", "requires_eligibility", "source", "variants",
                         "valid_from", "valid_until", "information_date", "last_seen"});
    } else {
      entry.only_fields({"id", "applies_when", "requires_eligibility", "programme", "source",
                         "variants", "valid_from"});
    }
    Item item;
    item.kind = kind;
    item.id = entry.string("id").value_or("");
    item.path = entry.path();
    item.applies_when = read_condition(entry, "applies_when", true);
    item.requires_eligibility = entry.boolean("requires_eligibility").value_or(true);
    item.programme = entry.string("programme", false).value_or("");
    item.source = read_sources(entry);
    item.variants = read_variants(entry);
    item.valid_from = read_date(entry, "valid_from", false);
    if (kind == ItemKind::programme) {
      item.valid_until = read_date(entry, "valid_until", false);
      item.information_date = read_date(entry, "information_date", false);
      item.last_seen = read_date(entry, "last_seen", false);
      if (item.last_seen && !item.valid_until) {
        entry.problem_at(entry.path_of("last_seen"), "rules.invalid_period",
                         "\"last_seen\" only says something of a programme with an end "
                         "(\"valid_until\")");
      }
      if (entry.has("valid_from") != entry.has("valid_until")) {
        entry.problem("rules.invalid_period",
                      "a programme's period needs both \"valid_from\" and \"valid_until\"");
      } else if (item.valid_from && item.valid_until && *item.valid_until < *item.valid_from) {
        entry.problem_at(entry.path_of("valid_until"), "rules.invalid_period",
                         "\"valid_until\" comes before \"valid_from\"");
      }
    }
    items.push_back(std::move(item));
  });
}

// The languages are the files locales/<code>.json, so that adding one is adding one file.
void read_locales(const RuleFiles& files, RuleSet& rules, Errors& problems) {
  const std::string folder = "locales/";
  const std::string extension = ".json";
  for (const auto& [name, text] : files) {
    if (name.rfind(folder, 0) != 0 || name.size() < folder.size() + extension.size() ||
        name.compare(name.size() - extension.size(), extension.size(), extension) != 0) {
      continue;
    }
    const std::string code =
        name.substr(folder.size(), name.size() - folder.size() - extension.size());
    if (!is_language_code(code)) {
      problems.push_back(Error{"rules.unknown_locale",
                               "a locale file is named by a two-letter language code "
                               "(locales/<code>.json), not \"" +
                                   code + "\"",
                               name});
      continue;
    }
    auto content = read_file(files, name, problems);
    rules.locales.push_back(code);
    if (content) rules.texts.emplace(code, std::move(*content));
  }
  // The default language first (the page lists them in this order), then by code.
  const auto default_locale =
      std::find(rules.locales.begin(), rules.locales.end(), rules.default_locale);
  if (default_locale != rules.locales.end()) {
    std::rotate(rules.locales.begin(), default_locale, default_locale + 1);
  }
}

// The structure of every file; nullopt when there is no manifest to start from.
std::optional<RuleSet> read_rule_set(const RuleFiles& files, Errors& problems) {
  RuleSet rules;
  rules.program_of = &flatten_condition;
  auto manifest = read_file(files, "manifest.json", problems);
  if (!manifest) return std::nullopt;
  read_manifest(JsonReader(*manifest, "manifest.json#", problems), rules);

  const std::vector<std::pair<std::string, std::optional<ItemKind>>> parts = {
      {"questions", std::nullopt},     {"criteria", std::nullopt},
      {"outcomes", std::nullopt},      {"programmes", ItemKind::programme},
      {"measures", ItemKind::measure}, {"actors", ItemKind::actor},
      {"channels", ItemKind::channel}, {"next_steps", ItemKind::next_step}};
  JsonReader manifest_reader(*manifest, "manifest.json#", problems);
  JsonReader file_names = manifest_reader.at("files");
  if (!manifest_reader.has("files")) {
    manifest_reader.problem_at(file_names.path(), "rules.missing_field", "missing field \"files\"");
    return std::nullopt;
  }
  if (!file_names.expect_object()) return std::nullopt;
  std::vector<std::string> part_keys;
  for (const auto& part : parts) part_keys.push_back(part.first);
  for (auto it = file_names.json().begin(); it != file_names.json().end(); ++it) {
    bool known = false;
    for (const auto& key : part_keys) known = known || key == it.key();
    if (!known) {
      file_names.problem_at(file_names.path_of(it.key()), "rules.unknown_field",
                            "unknown rule file kind \"" + it.key() + "\"");
    }
  }
  for (const auto& [key, kind] : parts) {
    auto name = file_names.string(key);
    if (!name) continue;
    auto content = read_file(files, *name, problems);
    if (!content) continue;
    JsonReader reader(*content, *name + "#", problems);
    if (key == "questions") {
      read_questions(reader, rules);
    } else if (key == "criteria") {
      read_criteria(reader, rules);
    } else if (key == "outcomes") {
      read_outcomes(reader, rules);
    } else {
      read_items(reader, *kind, rules);
    }
  }

  read_locales(files, rules, problems);
  return rules;
}

// Without the tree evaluator (the page's module), every condition must take the flat form.
void refuse_tree_conditions(const RuleSet& rules, Errors& problems) {
  for (const auto& path : tree_condition_paths(rules)) {
    problems.push_back(
        Error{"rules.not_flat",
              "the condition at \"" + path +
                  "\" needs an operation the page's engine leaves out (arithmetic, \"if\", "
                  "\"cat\", \"missing\", a computed var name…): write it with comparisons, "
                  "\"in\", \"and\", \"or\", \"!\", some/all/none and vars of question ids",
              path});
  }
}

LoadedRules with_separate_locales(LoadedRules loaded, const RulesBundle& bundle) {
  if (!loaded.rules) return loaded;
  for (const auto& [code, name] : bundle.separate_locales) {
    if (loaded.rules->texts.count(code) == 0) loaded.rules->separate_locales.emplace(code, name);
  }
  return loaded;
}

// A separate language's texts added to `rules`; `check` reports their problems (or trusts them).
template <typename Check>
AddedLocale add_locale_texts(RuleSet& rules, const std::string& locale_bundle, Check check) {
  AddedLocale added;
  auto bundle = rule_files_from_bundle(locale_bundle);
  if (!bundle) {
    added.problems.push_back(bundle.error());
    return added;
  }
  const RuleFiles& files = bundle->files;
  RuleSet with;  // read_locales fills the locales and texts of a rule set: a scratch one here
  with.default_locale = rules.default_locale;
  if (files.size() == 1) read_locales(files, with, added.problems);
  if (!added.problems.empty()) return added;
  add_read_locale(rules, with, check, added);
  return added;
}

}  // namespace

LoadedRules load_rules(const RuleFiles& files) {
  LoadedRules result;
  std::optional<RuleSet> rules = read_rule_set(files, result.problems);
  if (!rules) return result;
  rules->tree_conditions = &evaluate_tree_condition;
  rules->tree_condition_names = &tree_condition_names;
  check_rules(*rules, result.problems);
  if (result.problems.empty()) result.rules = std::move(rules);
  return result;
}

LoadedRules read_checked_rules(const RuleFiles& files) {
  LoadedRules result;
  std::optional<RuleSet> rules = read_rule_set(files, result.problems);
  if (!rules || !result.problems.empty()) return result;
  refuse_tree_conditions(*rules, result.problems);
  if (result.problems.empty()) result.rules = std::move(rules);
  return result;
}

Json bundle_rule_files(const RuleFiles& files) {
  Json contents = Json::object();
  for (const auto& [name, text] : files) contents[name] = text;
  return Json{{"files", std::move(contents)}};
}

Expected<RulesBundle> rule_files_from_bundle(const std::string& bundle) {
  auto parsed =
      parse_json_text(bundle, "rules.invalid_bundle", "", rule_text_limits("the rules bundle"));
  if (!parsed) return parsed.error();
  const Json& document = parsed.value();
  auto files = document.is_object() ? document.find("files") : document.end();
  if (!document.is_object() || files == document.end() || !files->is_object()) {
    return Error{"rules.invalid_bundle", "a rules bundle is {\"files\": {\"name\": \"text\"}}", ""};
  }
  RulesBundle out;
  for (auto it = files->begin(); it != files->end(); ++it) {
    if (!it->is_string()) {
      return Error{"rules.invalid_bundle", "the file \"" + it.key() + "\" must be given as text",
                   "/files/" + pointer_token(it.key())};
    }
    out.files[it.key()] = it->get<std::string>();
  }
  auto separate = document.find("separate_locales");
  if (separate == document.end()) return out;
  if (!separate->is_object()) {
    return Error{"rules.invalid_bundle",
                 "\"separate_locales\" is {\"<code>\": \"<the language's name>\"}",
                 "/separate_locales"};
  }
  for (auto it = separate->begin(); it != separate->end(); ++it) {
    const std::string path = "/separate_locales/" + pointer_token(it.key());
    if (!is_language_code(it.key())) {
      return Error{"rules.invalid_bundle",
                   "a separate locale is named by a two-letter language code, not \"" +
                       quoted_text(it.key(), 16) + "\"",
                   path};
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      return Error{"rules.invalid_bundle", "a separate locale gives the language's name as a text",
                   path};
    }
    out.separate_locales[it.key()] = it->get<std::string>();
  }
  return out;
}

LoadedRules load_rules(const RulesBundle& bundle) {
  return with_separate_locales(load_rules(bundle.files), bundle);
}

LoadedRules read_checked_rules(const RulesBundle& bundle) {
  return with_separate_locales(read_checked_rules(bundle.files), bundle);
}

AddedLocale add_locale(RuleSet& rules, const std::string& locale_bundle) {
  return add_locale_texts(rules, locale_bundle,
                          [&rules](const std::string& code, const Json& texts, Errors& problems) {
                            check_locale(rules, code, texts, problems);
                          });
}

AddedLocale add_checked_locale(RuleSet& rules, const std::string& locale_bundle) {
  return add_locale_texts(rules, locale_bundle, [](const std::string&, const Json&, Errors&) {});
}

}  // namespace pdp
