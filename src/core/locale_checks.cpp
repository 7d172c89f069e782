// A language's texts checked against the rules: each text the replies use exists, is a non-empty
// string, and every language has the keys of the default one (a translation is complete or the
// build fails). Each problem names the JSON path to fix.
#include "core/locale_checks.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/json_pointer.hpp"

namespace pdp {
namespace {

// Locale texts: every text the responses use must exist, as a non-empty string.
class TextCheck {
 public:
  TextCheck(const Json& texts, std::string file, Errors& problems)
      : texts_(texts), file_(std::move(file)), problems_(problems) {}

  void require(const std::vector<std::string>& keys) {
    const Json* node = &texts_;
    std::string path = file_ + "#";
    for (const auto& key : keys) {
      path += "/" + pointer_token(key);
      if (!node->is_object() || node->find(key) == node->end()) {
        problems_.push_back(
            Error{"rules.missing_text", file_ + " lacks the text \"" + join(keys) + "\"", path});
        return;
      }
      node = &(*node)[key];
    }
    if (!node->is_string() || node->get_ref<const std::string&>().empty()) {
      problems_.push_back(Error{"rules.missing_text",
                                "the text \"" + join(keys) + "\" must be a non-empty string",
                                path});
    }
  }

  // Keys of the object at `keys` other than `allowed`: texts nothing would show.
  void only_keys(const std::vector<std::string>& keys, const std::set<std::string>& allowed) {
    const Json* node = &texts_;
    std::string path = file_ + "#";
    for (const auto& key : keys) {
      if (!node->is_object() || node->find(key) == node->end()) return;
      node = &(*node)[key];
      path += "/" + pointer_token(key);
    }
    if (!node->is_object()) return;
    for (auto it = node->begin(); it != node->end(); ++it) {
      if (allowed.count(it.key()) == 0) {
        problems_.push_back(Error{"rules.unknown_text",
                                  "\"" + it.key() + "\" is not a text of " + join(keys),
                                  path + "/" + pointer_token(it.key())});
      }
    }
  }

  // The texts of `variants` under `keys`/variants, beside the texts `own`, and nothing else.
  void variants(const std::vector<std::string>& keys, const std::vector<TextVariant>& variants,
                std::set<std::string> own) {
    if (!variants.empty()) own.insert("variants");
    only_keys(keys, own);
    if (variants.empty()) return;
    std::vector<std::string> at = keys;
    at.push_back("variants");
    std::set<std::string> ids;
    for (const auto& variant : variants) {
      ids.insert(variant.id);
      at.push_back(variant.id);
      require(at);
      at.pop_back();
    }
    only_keys(at, ids);
  }

  // Keys of `section` that name nothing the rules define.
  void no_extra(const std::string& section, const std::set<std::string>& known) {
    auto found = texts_.find(section);
    if (found == texts_.end() || !found->is_object()) return;
    for (auto it = found->begin(); it != found->end(); ++it) {
      if (known.count(it.key()) == 0) {
        problems_.push_back(
            Error{"rules.unknown_text",
                  "\"" + it.key() + "\" in \"" + section + "\" names nothing the " + "rules define",
                  file_ + "#/" + section + "/" + pointer_token(it.key())});
      }
    }
  }

 private:
  static std::string join(const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& key : keys) out += (out.empty() ? "" : ".") + key;
    return out;
  }

  const Json& texts_;
  std::string file_;
  Errors& problems_;
};

void check_texts(const RuleSet& rules, const std::string& locale, const Json& texts,
                 Errors& problems) {
  const std::string file = "locales/" + locale + ".json";
  if (!texts.is_object()) {
    problems.push_back(Error{"rules.wrong_type", "a locale file must hold an object", file + "#"});
    return;
  }
  TextCheck check(texts, file, problems);
  check.require({"locale"});
  if (texts.value("locale", std::string()) != locale) {
    problems.push_back(Error{"rules.unknown_locale",
                             "the file must say \"locale\": \"" + locale + "\"",
                             file + "#/locale"});
  }
  check.require({"name"});
  auto months = texts.find("months");
  const bool months_ok = months != texts.end() && months->is_array() && months->size() == 12 &&
                         std::all_of(months->begin(), months->end(), [](const Json& m) {
                           return m.is_string() && !m.get_ref<const std::string&>().empty();
                         });
  if (!months_ok) {
    problems.push_back(
        Error{"rules.missing_text", "\"months\" must list the 12 month names", file + "#/months"});
  }
  for (const char* key : {"yes", "no", "unknown"}) check.require({"answers", key});
  check.require({"first_day_of_month"});
  for (const char* outcome : {"eligible", "not_eligible", "incomplete"}) {
    for (const char* key : {"title", "now", "text"}) check.require({"eligibility", outcome, key});
  }
  for (const char* key :
       {"indicative", "privacy", "information_date", "rules_version", "programme_period",
        "programme_in_force", "programme_in_force_past", "programme_not_yet",
        "programme_not_yet_past", "programme_to_confirm", "programme_ended_to_confirm"}) {
    check.require({"notices", key});
  }
  for (auto it = texts.begin(); it != texts.end(); ++it) {
    static const std::set<std::string> kSections = {
        "$schema",    "locale",      "name",     "months",  "first_day_of_month",
        "answers",    "eligibility", "outcomes", "notices", "questions",
        "criteria",   "programmes",  "measures", "actors",  "channels",
        "next_steps", "ui"};
    if (kSections.count(it.key()) == 0) {
      problems.push_back(Error{"rules.unknown_text", "unknown section \"" + it.key() + "\"",
                               file + "#/" + pointer_token(it.key())});
    }
  }
  auto ui = texts.find("ui");
  if (ui == texts.end() || !ui->is_object()) {
    problems.push_back(Error{"rules.missing_text",
                             "\"ui\" must hold the page's texts (buttons, headings…)",
                             file + "#/ui"});
  } else {
    for (auto it = ui->begin(); it != ui->end(); ++it) {
      if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        problems.push_back(Error{"rules.missing_text",
                                 "the text \"ui." + it.key() + "\" must be a non-empty string",
                                 file + "#/ui/" + pointer_token(it.key())});
      }
    }
  }
  std::set<std::string> ids;
  for (const auto& question : rules.questions) {
    ids.insert(question.id);
    auto own = texts.find("questions");
    if (own != texts.end() && own->is_object() && own->contains(question.id) &&
        (*own)[question.id].is_object()) {
      for (auto it = (*own)[question.id].begin(); it != (*own)[question.id].end(); ++it) {
        const bool known = it.key() == "label" || it.key() == "help" ||
                           (it.key() == "options" && !question.options.empty()) ||
                           (it.key() == "to_check" && question.allows_unknown);
        if (!known) {
          problems.push_back(Error{
              "rules.unknown_text",
              "\"" + it.key() + "\" is not a text of question \"" + question.id + "\"",
              file + "#/questions/" + pointer_token(question.id) + "/" + pointer_token(it.key())});
        }
      }
    }
    check.require({"questions", question.id, "label"});
    check.require({"questions", question.id, "help"});
    for (const auto& option : question.options) {
      check.require({"questions", question.id, "options", option});
    }
    if (question.allows_unknown) check.require({"questions", question.id, "to_check"});
  }
  check.no_extra("questions", ids);
  ids.clear();
  for (const auto& criterion : rules.criteria) {
    ids.insert(criterion.id);
    std::set<std::string> keys = {"title", "met", "unmet", "unknown"};
    if (criterion.to_check_when) keys.insert("to_check");
    for (const auto& key : keys) check.require({"criteria", criterion.id, key});
    check.variants({"criteria", criterion.id}, criterion.variants, keys);
  }
  check.no_extra("criteria", ids);
  ids.clear();
  for (const auto& outcome : rules.outcomes) {
    ids.insert(outcome.id);
    for (const char* key : {"title", "now", "text"}) check.require({"outcomes", outcome.id, key});
  }
  check.no_extra("outcomes", ids);
  for (ItemKind kind : kItemKinds) {
    const std::string second = item_text_key(kind);
    ids.clear();
    for (const auto& item : rules.items_of(kind)) {
      ids.insert(item.id);
      std::set<std::string> keys = {"title", second};
      if (kind == ItemKind::programme) keys.insert("short");
      for (const auto& key : keys) check.require({kind_name(kind), item.id, key});
      check.variants({kind_name(kind), item.id}, item.variants, keys);
    }
    check.no_extra(kind_name(kind), ids);
  }
}

// Every locale must have the keys of the default locale, no more, no fewer: a translation is
// complete or the build fails.
void compare_keys(const Json& reference, const Json& other, const std::string& path,
                  const std::string& file, const std::string& reference_file, Errors& problems) {
  if (!reference.is_object() || !other.is_object()) return;
  for (auto it = reference.begin(); it != reference.end(); ++it) {
    if (it.key() == "$schema") continue;
    const std::string at = path + "/" + pointer_token(it.key());
    auto found = other.find(it.key());
    const bool reported = std::any_of(problems.begin(), problems.end(),
                                      [&](const Error& problem) { return problem.path == at; });
    if (found == other.end() && !reported) {
      problems.push_back(
          Error{"rules.missing_text", file + " lacks this text, present in " + reference_file, at});
    } else if (found != other.end()) {
      compare_keys(*it, *found, at, file, reference_file, problems);
    }
  }
  for (auto it = other.begin(); it != other.end(); ++it) {
    if (it.key() != "$schema" && reference.find(it.key()) == reference.end()) {
      problems.push_back(Error{"rules.unknown_text",
                               file + " has a text absent from " + reference_file,
                               path + "/" + pointer_token(it.key())});
    }
  }
}

}  // namespace

void check_locale(const RuleSet& rules, const std::string& locale, const Json& texts,
                  Errors& problems) {
  check_texts(rules, locale, texts, problems);
  auto reference = rules.texts.find(rules.default_locale);
  if (locale == rules.default_locale || reference == rules.texts.end()) return;
  const std::string file = "locales/" + locale + ".json";
  compare_keys(reference->second, texts, file + "#", file,
               "locales/" + rules.default_locale + ".json", problems);
}

}  // namespace pdp
