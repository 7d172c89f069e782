// The knowledge base once loaded: questions, conditions, programmes and orientation items, with
// their sources and their texts per locale.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/logic/expression.hpp"

namespace pdp {

using logic::Expression;
using logic::Json;

// A passage of a source document that a rule rests on.
struct SourceRef {
  std::string document;  // id of a Document of the manifest
  std::string passage;   // heading or opening words of the passage, as they stand in the document
  std::string article;   // legal article, when the passage cites one ("CSS D622-10-1")
};

struct Document {
  std::string id;
  std::string path;  // where it is defined, for messages
  std::string title;
  std::string file;
  std::string note;
};

enum class QuestionType { boolean, choice, multi };

struct Question {
  std::string id;
  std::string path;  // where it is defined, for messages
  QuestionType type = QuestionType::boolean;
  std::vector<std::string> options;                // choice and multi
  std::vector<std::string> exclusive;              // multi options that must stand alone
  std::map<std::string, Expression> options_when;  // options offered only in some situations
  Expression asked_when;
  bool allows_unknown = false;  // accepts "ne_sait_pas"
  std::vector<SourceRef> source;

  bool has_option(const std::string& option) const;
  bool is_exclusive(const std::string& option) const;
};

// A situation and the status a criterion must have in it: documentation that a test runs.
struct Example {
  Json answers;
  std::string status;
};

struct Criterion {
  std::string id;
  std::string path;
  Expression condition;
  std::vector<SourceRef> source;
  std::vector<Example> examples;
};

enum class ItemKind { programme, measure, actor, channel, next_step };

// Something the summary may show: a programme, a measure, an actor, a channel or a next step.
struct Item {
  std::string id;
  std::string path;
  ItemKind kind = ItemKind::measure;
  Expression applies_when;
  bool requires_eligibility = true;  // shown only while the person may meet the conditions
  std::string programme;             // the programme the item belongs to, if specific
  std::vector<SourceRef> source;
  // Programmes with a documented period only.
  std::optional<Date> valid_from;
  std::optional<Date> valid_until;
  std::optional<Date> information_date;
};

const char* kind_name(ItemKind kind);  // "programmes", "measures"… as in the files and responses

struct RuleSet {
  std::string version;
  Date information_date;
  std::string default_locale;
  std::vector<std::string> locales;  // from the files locales/<code>.json, the default first
  std::vector<Document> documents;
  std::vector<Question> questions;
  std::vector<Criterion> criteria;
  std::map<ItemKind, std::vector<Item>> items;
  std::map<std::string, Json> texts;  // locale -> its texts, complete (checked at load)
  // Languages of the full rule set left out of this bundle: code -> the language's name.
  std::map<std::string, std::string> separate_locales;

  // Index of a question in `questions`, or -1.
  int question_index(const std::string& id) const;
  const std::vector<Item>& items_of(ItemKind kind) const;
};

inline constexpr ItemKind kItemKinds[] = {ItemKind::programme, ItemKind::measure, ItemKind::actor,
                                          ItemKind::channel, ItemKind::next_step};

// The answer meaning "I don't know", accepted where a question allows it.
inline constexpr const char* kUnknownAnswer = "ne_sait_pas";

// Symbols of the logic are question indexes, so a rule set holds at most 64 questions.
inline constexpr std::size_t kMaxQuestions = 64;

}  // namespace pdp
