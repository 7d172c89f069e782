// The state of an assessment for given answers: which questions apply, the status of each
// criterion, eligibility, which items apply, and the next question worth asking.
#pragma once

#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/date.hpp"
#include "core/logic/value.hpp"
#include "core/rules.hpp"

namespace pdp {

using logic::SymbolMask;
using logic::Value;
using logic::Verdict;

enum class Truth { yes, no, unknown };

Truth truth_of(const Value& value);
inline Truth truth_of(const Verdict& verdict) {
  if (verdict.unknown) return Truth::unknown;
  return verdict.yes ? Truth::yes : Truth::no;
}
// "eligible", "not_eligible" or "incomplete".
const char* eligibility_name(const Verdict& eligibility);

inline SymbolMask bit_of(std::size_t question) {
  return SymbolMask{1} << question;
}

// The options of a question offered now, a bit per index in its options (the loader refuses more
// than 64: limits::kOptions): a situation names them many times, and copies no string for it.
using OptionSet = std::uint64_t;
inline bool offers(OptionSet offered, std::size_t option) {
  return ((offered >> option) & 1U) != 0;
}
// Every option of `question`.
OptionSet all_options(const Question& question);
// The ids of the options in `offered`, in the question's order.
std::vector<std::string> offered_options(const Question& question, OptionSet offered);

// One T per kind of item (kItemKinds lists them in the enum's order).
template <typename T>
struct PerItemKind {
  std::array<T, std::size(kItemKinds)> of{};
  T& operator[](ItemKind kind) { return of[static_cast<std::size_t>(kind)]; }
  const T& at(ItemKind kind) const { return of[static_cast<std::size_t>(kind)]; }
};

struct Situation {
  Answers used;                             // the answers the logic reads (questions asked)
  std::vector<DroppedAnswer> dropped;       // answers given but not used, and why
  std::vector<Verdict> asked;               // per question: its asked_when
  std::vector<OptionSet> offered;           // per question: the options offered now
  std::vector<Verdict> criteria;            // per criterion
  std::vector<char> criteria_to_check;      // per criterion: unmet, but to_check_when holds
  std::vector<int> criteria_variants;       // per criterion: its text variant, or -1
  Verdict eligibility;                      // Kleene conjunction of the criteria
  PerItemKind<std::vector<Verdict>> items;  // per item: applies (gated by eligibility)
  PerItemKind<std::vector<int>> variants;   // per item: its text variant, or -1
  int outcome = -1;  // the outcome of the rules that words the result, or -1 (once finished)
  SymbolMask unknown_answers = 0;  // questions answered "ne_sait_pas"
  SymbolMask open = 0;             // unanswered questions that can still change the result
  int next_question = -1;          // first open question that is asked now, or -1
  int remaining_at_most = 0;       // open questions that may still be asked

  bool finished() const { return next_question < 0; }
};

// The part of `answer` among the options `offered` (a multi answer keeps those still offered), or
// std::nullopt when nothing of it is offered.
std::optional<Answer> restrict_to_offered(const Question& question, const Answer& answer,
                                          OptionSet offered);

// Answers to questions that do not apply (their asked_when is not known true) are dropped, so are
// options no longer offered. A question is open when some unknown output (eligibility or an item)
// still depends on it after three-valued evaluation; the next question is the first open one, in
// the rules' order, that applies now. The evaluations draw on `budget` (one for all the situations
// of an assessment); once it is spent the situation means nothing: the caller checks
// budget.spent(), and budget.where() names the condition that spent it.
// On `date`, a programme outside its period, and the items that exist only through it, are not
// decided by answers: before the period they are absent; after it (or, for the programme itself,
// before it) what would apply is a point to check with the caisse, unknown with nothing to ask.
// The same holds for a criterion whose condition is false while its to_check_when is true.
Situation evaluate_situation(const RuleSet& rules, const Answers& given, const Date& date,
                             logic::Budget& budget);

}  // namespace pdp
