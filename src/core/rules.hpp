// The knowledge base once loaded: questions, conditions, programmes and orientation items, with
// their sources and their texts per locale.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/logic/budget.hpp"
#include "core/logic/expression.hpp"
#include "core/logic/value.hpp"

namespace pdp {

using logic::Expression;
using logic::Json;

// A passage of a source document that a rule rests on.
struct SourceRef {
  std::string document;  // id of a Document of the manifest
  std::string passage;   // heading or opening words of the passage, as they stand in the document
  std::string article;   // legal article, when the passage cites one ("CSS D622-10-1")
};

// A source document: a page of ameli.fr or service-public.fr, a code on Légifrance, a note. The
// repository keeps its text, or the verified passages of it, in rules/sources/<file>.
struct Document {
  std::string id;
  std::string path;  // where it is defined, for messages
  std::string title;
  std::string file;
  std::string note;
  std::string url;           // the official page, shown to the person; empty for internal notes
  std::optional<Date> date;  // publication date of a page, version date of a code
  // The team's own notes and reviews: a reviewer reads them, a person is shown the official texts
  // they point to (and the note only where nothing official is stored).
  bool internal = false;
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

// Another wording of a text for some people (e.g. the self-employed): the first variant
// whose `when` is true replaces the text; when none is, or it is still unknown, the default text.
// A variant may start on a date: before it, the people it is for are not shown the item at all
// (the rule it words did not exist yet for them).
struct TextVariant {
  std::string id;
  Expression when;
  std::optional<Date> valid_from;
};

struct Criterion {
  std::string id;
  std::string path;
  Expression condition;
  // When the condition is false but this is true, the criterion is not unmet but a point to check
  // with the caisse (status unknown, nothing left to ask): what the sources leave open.
  std::optional<Expression> to_check_when;
  std::vector<TextVariant> variants;  // wordings of its text for some people
  std::vector<SourceRef> source;
  std::vector<Example> examples;
};

// A wording of the outcome for some people: e.g. "another body handles your situation" rather
// than "you do not seem to meet the conditions". The first whose eligibility matches and whose
// `when` is true once nothing is left to ask replaces the default texts of that eligibility.
struct Outcome {
  std::string id;
  std::string path;
  std::string eligibility;  // "eligible", "not_eligible" or "incomplete"
  Expression when;
  std::vector<SourceRef> source;
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
  std::vector<TextVariant> variants;
  // Any item: the day the rule it rests on took effect (absent before). Programmes also have an
  // end of their announced period.
  std::optional<Date> valid_from;
  // Programmes with a documented period only.
  std::optional<Date> valid_until;
  std::optional<Date> information_date;
  std::optional<Date> last_seen;  // the last day a source still presented it
};

const char* kind_name(ItemKind kind);  // "programmes", "measures"… as in the files and responses
// The key of an item's text beside its title: "role" for actors, "how" for channels, else "text".
const char* item_text_key(ItemKind kind);

struct CompiledRules;  // compiled_rules.hpp
struct RuleSet;
namespace logic {
class Program;  // logic/program.hpp
}

// How a rule set's conditions become flat programs (compiled_rules.hpp), each by its rank in the
// order CompiledRules compiles them: flattened from their trees (the loaders that check the
// rules), or read from the programs the build wrote into the bundle (the page's module, which then
// carries no flattener: trusted_rules.cpp). std::nullopt leaves the condition to the tree
// evaluator.
using ConditionProgram = std::optional<logic::Program> (*)(const RuleSet&, std::size_t rank,
                                                           const Expression&);

// How a rule set evaluates a condition that the flat form leaves out (tree_conditions.hpp), or
// nullptr: then it has none (read_checked_rules refuses them).
using TreeConditionEvaluation = logic::Value (*)(const RuleSet&, const Expression&,
                                                 const Json* const* symbols, logic::Budget&);
// The questions such a condition names (its vars of a literal name), which a program knows as its
// reads(): what what_would_change.cpp tries to change. Set with the tree evaluator.
using TreeConditionNames = logic::SymbolMask (*)(const RuleSet&, const Expression&);

// Where a rule set keeps its compiled conditions (compiled_rules.hpp), built on first use. A copy
// or a move of the rule set starts without them, so that they never describe another rule set.
// The first use must not happen from two threads at once.
class CompiledRulesCache {
 public:
  // Defined where CompiledRules is complete (compiled_rules.cpp).
  CompiledRulesCache();
  CompiledRulesCache(const CompiledRulesCache&);
  CompiledRulesCache(CompiledRulesCache&&) noexcept;
  CompiledRulesCache& operator=(const CompiledRulesCache&);
  CompiledRulesCache& operator=(CompiledRulesCache&&) noexcept;
  ~CompiledRulesCache();

  // Owned alone: a rule set's compiled conditions are never shared (45 bytes of the page's module,
  // brotli, less than a shared_ptr's control block).
  mutable std::unique_ptr<const CompiledRules> value;
};

struct RuleSet {
  std::string version;
  Date information_date;
  std::string default_locale;
  std::vector<std::string> locales;  // from the files locales/<code>.json, the default first
  std::vector<Document> documents;
  std::vector<Question> questions;
  std::vector<Criterion> criteria;
  std::vector<Outcome> outcomes;
  std::array<std::vector<Item>, 5> items;  // by kind, in the order of ItemKind (items_of)
  std::map<std::string, Json> texts;       // locale -> its texts, complete (checked at load)
  // Languages of the full rule set left out of this bundle: code -> the language's name.
  std::map<std::string, std::string> separate_locales;
  CompiledRulesCache compiled;
  TreeConditionEvaluation tree_conditions = nullptr;  // set by load_rules()
  TreeConditionNames tree_condition_names = nullptr;  // set by load_rules()
  ConditionProgram program_of = nullptr;              // set by every reader of rules
  // The programs the build wrote, as program_of reads them (the page's module only; else null).
  Json flat_programs;

  // Index of a question in `questions`, or -1.
  int question_index(const std::string& id) const;
  // Whether `code` is one of `locales` (its texts read, or its code added by a trusting reader).
  bool has_locale(const std::string& code) const;
  const std::vector<Item>& items_of(ItemKind kind) const;
  // The programme of that id, or nullptr.
  const Item* programme(const std::string& id) const;
  const Document* document(const std::string& id) const;
};

inline constexpr ItemKind kItemKinds[] = {ItemKind::programme, ItemKind::measure, ItemKind::actor,
                                          ItemKind::channel, ItemKind::next_step};

// The answer meaning "I don't know", accepted where a question allows it.
inline constexpr const char* kUnknownAnswer = "ne_sait_pas";

// Symbols of the logic are question indexes, so a rule set holds at most 64 questions.
inline constexpr std::size_t kMaxQuestions = 64;

}  // namespace pdp
