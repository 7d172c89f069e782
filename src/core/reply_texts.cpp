// Puts a reply's texts back beside its ids: the one wording of a reply for the command line and the
// tests (the page does the same from the info, web/reply-texts.js, and a test holds both equal).
#include "core/reply_texts.hpp"

#include <optional>

#include "core/cited_sources.hpp"
#include "core/json_writer.hpp"
#include "core/texts.hpp"

namespace pdp {
namespace {

// The locale's texts, looked up by key; the first one missing is remembered, never thrown.
class Wording {
 public:
  Wording(const RuleSet& rules, const Json& texts, const std::string& locale)
      : rules_(rules), texts_(texts), format_(rules, locale), locale_(locale) {}

  const std::string& at(std::initializer_list<std::string> keys) {
    const Json* node = &texts_;
    std::string path;
    for (const auto& key : keys) {
      path += "/" + key;
      auto found = node->is_object() ? node->find(key) : node->end();
      if (!node->is_object() || found == node->end()) return missing(path);
      node = &*found;
    }
    return node->is_string() ? node->get_ref<const std::string&>() : missing(path);
  }

  // A reply's ISO date in words ("1er décembre 2026").
  std::string date(const Json& iso) {
    auto parsed = Date::parse(iso.get<std::string>());
    if (!parsed) invalid("a date that is not YYYY-MM-DD: " + json_text(iso));
    return parsed ? format_.date(*parsed) : std::string();
  }

  const Question& question(const Json& id) {
    const int index = rules_.question_index(id.get<std::string>());
    if (index < 0) {
      invalid("a question these rules lack: " + json_text(id));
      return rules_.questions.front();
    }
    return rules_.questions[static_cast<std::size_t>(index)];
  }

  // The label of an answer, as Texts::answer_label words it, but with its texts checked.
  std::string answer_label(const Question& question, const Json& answer) {
    return Texts::answer_label(
        question, answer, [this](std::initializer_list<std::string> keys) { return at(keys); });
  }

  void invalid(const std::string& what) {
    if (!error_) error_ = Error{"reply.invalid", "not a reply of these rules: " + what, ""};
  }
  const std::optional<Error>& error() const { return error_; }
  const RuleSet& rules() const { return rules_; }

 private:
  const std::string& missing(const std::string& path) {
    static const std::string kEmpty;
    if (!error_) {
      error_ = Error{"texts.missing", "the texts in \"" + locale_ + "\" lack " + path, path};
    }
    return kEmpty;
  }

  const RuleSet& rules_;
  const Json& texts_;
  Texts format_;  // dates in words and {placeholders}
  std::string locale_;
  std::optional<Error> error_;
};

// A question as asked, with the words of its choices.
Json question_words(Wording& words, const Json& asked) {
  const Question& question = words.question(asked.at("id"));
  Json choices = Json::array();
  const Json& values = asked.at("choices");
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Json& value = values[i];
    // "ne_sait_pas" ends the choices of a question that allows it (response.cpp).
    const bool unknown =
        question.allows_unknown && i + 1 == values.size() && value == kUnknownAnswer;
    const std::string& label =
        value.is_boolean() ? words.at({"answers", value.get<bool>() ? "yes" : "no"})
        : unknown          ? words.at({"answers", "unknown"})
                  : words.at({"questions", question.id, "options", value.get<std::string>()});
    choices.push_back({{"value", value}, {"label", label}});
  }
  Json out = asked;
  out["label"] = words.at({"questions", question.id, "label"});
  out["help"] = words.at({"questions", question.id, "help"});
  out["choices"] = std::move(choices);
  out["allows_unknown"] = question.allows_unknown;
  out["exclusive"] = question.exclusive;
  return out;
}

Json information_date(const RuleSet& rules) {
  return rules.information_date.iso();
}

// A step's question as the reply names the next one: {"id", "type", "choices"} (response.cpp).
Json asked(const Question& question, const Json& step) {
  static const char* kTypes[] = {"boolean", "choice", "multi"};
  Json choices = Json::array();
  if (question.type == QuestionType::boolean) choices = {true, false};
  for (const auto& option : step.contains("offered") ? step["offered"] : Json(question.options)) {
    choices.push_back(option);
  }
  if (question.allows_unknown) choices.push_back(kUnknownAnswer);
  return {{"id", question.id},
          {"type", kTypes[static_cast<int>(question.type)]},
          {"choices", std::move(choices)}};
}

// Sources as a person reads them: each passage with its document's title, date and address.
Json sources_words(const RuleSet& rules, const Json& shown) {
  Json list = Json::array();
  for (Json source : shown) {
    const std::string id = source.at("document");
    const Document* document = rules.document(id);
    source["title"] = document ? document->title : id;
    if (document && !document->url.empty()) source["url"] = document->url;
    if (document && document->date) source["date"] = document->date->iso();
    list.push_back(std::move(source));
  }
  return list;
}

const std::vector<SourceRef>* criterion_sources(const RuleSet& rules, const std::string& id) {
  for (const auto& criterion : rules.criteria) {
    if (criterion.id == id) return &criterion.source;
  }
  return nullptr;
}

const Item* item_of(const RuleSet& rules, ItemKind kind, const std::string& id) {
  for (const auto& item : rules.items_of(kind)) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

void criteria_words(Wording& words, Json& criteria) {
  for (Json& criterion : criteria) {
    const std::string id = criterion.at("id");
    const auto* sources = criterion_sources(words.rules(), id);
    if (!sources) return words.invalid("a criterion these rules lack: \"" + id + "\"");
    criterion["title"] = words.at({"criteria", id, "title"});
    if (criterion.contains("variant")) {
      criterion["text"] =
          words.at({"criteria", id, "variants", criterion["variant"].get<std::string>()});
    } else if (criterion.value("to_check", false)) {
      criterion["text"] = words.at({"criteria", id, "to_check"});
    } else {
      criterion["text"] = words.at({"criteria", id, criterion.at("status").get<std::string>()});
    }
    criterion.erase("to_check");
    criterion["sources"] = sources_words(words.rules(), shown_sources(words.rules(), *sources));
    if (!criterion.contains("would_be_met_by")) continue;
    for (Json& way : criterion["would_be_met_by"]) {
      for (Json& change : way.at("changes")) {
        const Question& question = words.question(change.at("question"));
        Json labels = Json::array();
        for (const auto& answer : change.at("answers")) {
          labels.push_back(words.answer_label(question, answer));
        }
        change["question_label"] = words.at({"questions", question.id, "label"});
        change["answer_labels"] = std::move(labels);
      }
    }
  }
}

void programme_words(Wording& words, const Json& reply, const Item& item, Json& entry) {
  entry["short"] = words.at({"programmes", item.id, "short"});
  if (!entry.contains("valid_from") || !entry.contains("valid_until")) return;
  const std::string information = entry.contains("information_date")
                                      ? words.date(entry["information_date"])
                                      : words.date(information_date(words.rules()));
  const std::string from = words.date(entry["valid_from"]);
  const std::string until = words.date(entry["valid_until"]);
  entry["period"] =
      Texts::fill(words.at({"notices", "programme_period"}),
                  {{"from", from}, {"until", until}, {"information_date", information}});
  // Every date the notes speak of: each note names only its own.
  std::map<std::string, std::string> dates = {
      {"date", words.date(reply.at("date"))}, {"from", from}, {"until", until}};
  if (entry.contains("last_seen")) dates["last_seen"] = words.date(entry["last_seen"]);
  entry["date_note"] =
      Texts::fill(words.at({"notices", entry.at("date_note_id").get<std::string>()}), dates);
  entry.erase("date_note_id");
}

void items_words(Wording& words, const Json& reply, Json& out) {
  for (ItemKind kind : kItemKinds) {
    const std::string list = kind_name(kind);
    const char* second = item_text_key(kind);
    for (Json& entry : out.at(list)) {
      const std::string id = entry.at("id");
      const Item* item = item_of(words.rules(), kind, id);
      if (!item) return words.invalid("an item these rules lack: " + list + " \"" + id + "\"");
      entry["title"] = words.at({list, id, "title"});
      entry[second] = entry.contains("variant")
                          ? words.at({list, id, "variants", entry["variant"].get<std::string>()})
                          : words.at({list, id, second});
      entry["sources"] = sources_words(words.rules(), shown_sources(words.rules(), item->source));
      if (kind == ItemKind::programme) programme_words(words, reply, *item, entry);
    }
  }
}

void outcome_words(Wording& words, Json& out) {
  Json& outcome = out.at("outcome");
  if (outcome.is_null()) return;
  const std::string id = outcome.at("id");
  bool of_rules = false;
  for (const auto& rule : words.rules().outcomes) of_rules = of_rules || rule.id == id;
  const std::string group = of_rules ? "outcomes" : "eligibility";
  for (const char* part : {"title", "now", "text"}) outcome[part] = words.at({group, id, part});
}

Json wording(Wording& words, const Json& reply) {
  Json out = reply;
  out["rules"]["information_date"] = information_date(words.rules());
  // Each step as it was asked: the question with the choices offered then, the answer kept, the
  // progress shown then.
  Json steps = Json::array();
  int answered = 0;
  for (const Json& step : reply.at("steps")) {
    const Question& question = words.question(step.at("question"));
    const Json& answer = reply.at("answers").at(question.id);
    steps.push_back(
        {{"question", question_words(words, asked(question, step))},
         {"answer", answer},
         {"answer_label", words.answer_label(question, answer)},
         {"progress",
          {{"answered", answered++}, {"remaining_at_most", step.at("remaining_at_most")}}}});
  }
  out["steps"] = std::move(steps);
  if (!out.at("next_question").is_null())
    out["next_question"] = question_words(words, out["next_question"]);
  for (Json& dropped : out.at("dropped")) {
    // An answer to a question these rules lack (rules_changed) has no words.
    const std::string id = dropped.at("question");
    if (words.rules().question_index(id) >= 0)
      dropped["label"] = words.at({"questions", id, "label"});
  }
  criteria_words(words, out.at("criteria"));
  outcome_words(words, out);
  for (Json& entry : out.at("to_check")) {
    const bool criterion = entry.contains("criterion");
    const std::string id = criterion ? entry.at("criterion") : entry.at("question");
    if (!criterion) words.question(entry.at("question"));
    entry["label"] =
        words.at({criterion ? "criteria" : "questions", id, criterion ? "title" : "label"});
    entry["text"] = words.at({criterion ? "criteria" : "questions", id, "to_check"});
  }
  items_words(words, reply, out);
  out["notices"] = {
      {"indicative", words.at({"notices", "indicative"})},
      {"privacy", words.at({"notices", "privacy"})},
      {"information_date", Texts::fill(words.at({"notices", "information_date"}),
                                       {{"date", words.date(information_date(words.rules()))}})},
      {"rules_version",
       Texts::fill(words.at({"notices", "rules_version"}),
                   {{"version", reply.at("rules").at("version").get<std::string>()}})}};
  return out;
}

}  // namespace

Expected<Json> with_texts(const RuleSet& rules, const Json& reply, const std::string& locale) {
  auto texts = rules.texts.find(locale);
  if (texts == rules.texts.end()) {
    return Error{"request.unknown_locale", "the rules have no texts in \"" + locale + "\"", ""};
  }
  if (rules.questions.empty()) return Error{"reply.invalid", "the rules have no questions", ""};
  Wording words(rules, texts->second, locale);
  Json out;
  try {
    out = wording(words, reply);
  } catch (const Json::exception& broken) {
    // A field missing or of the wrong type: this text is not a reply of the core.
    return Error{"reply.invalid", std::string("not a reply of these rules: ") + broken.what(), ""};
  }
  if (words.error()) return *words.error();
  return out;
}

}  // namespace pdp
