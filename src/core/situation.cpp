// Three-valued evaluation of the rules over partial answers, and the choice of the next question.
#include "core/situation.hpp"

#include <algorithm>

#include <array>
#include <iterator>

#include "core/compiled_rules.hpp"
#include "core/decimal_text.hpp"
#include "core/json_reader.hpp"
#include "core/period.hpp"
#include "core/settle.hpp"

namespace pdp {
namespace {

Verdict kleene_and(const Verdict& a, const Verdict& b) {
  const Truth ta = truth_of(a);
  const Truth tb = truth_of(b);
  if (ta == Truth::no) return Verdict::known(false, a.reads);
  if (tb == Truth::no) return Verdict::known(false, b.reads);
  if (ta == Truth::yes && tb == Truth::yes) return Verdict::known(true, a.reads | b.reads);
  return Verdict::unknown_of(a.missing | b.missing, a.reads | b.reads);
}

// What would apply becomes a point to check that no answer can settle.
Verdict to_check(const Verdict& applies) {
  if (truth_of(applies) != Truth::yes) return applies;
  return Verdict::unknown_of(0, applies.reads);
}

// How the period of the item's `programme` (or of the programme itself) bears on it on `date`.
Verdict within_period(const Item& item, const Item* programme, const Date& date, Verdict applies) {
  if (item.kind != ItemKind::programme && item.valid_from && date < *item.valid_from) {
    return Verdict::known(false);
  }
  if (!programme) return applies;
  switch (period_status(*programme, date)) {
    case PeriodStatus::in_force:
      return applies;
    case PeriodStatus::not_yet:
      // The programme is still listed, so that the person learns when it starts.
      if (programme != &item) return Verdict::known(false);
      return to_check(applies);
    case PeriodStatus::to_confirm:
      break;
  }
  return to_check(applies);
}

}  // namespace

OptionSet all_options(const Question& question) {
  const std::size_t count = question.options.size();
  return count >= 64 ? ~OptionSet{0} : (OptionSet{1} << count) - 1;
}

std::vector<std::string> offered_options(const Question& question, OptionSet offered) {
  std::vector<std::string> out;
  for (std::size_t o = 0; o < question.options.size(); ++o) {
    if (offers(offered, o)) out.push_back(question.options[o]);
  }
  return out;
}

std::optional<Answer> restrict_to_offered(const Question& question, const Answer& answer,
                                          OptionSet offered) {
  auto is_offered = [&](const Json& option) {
    if (!option.is_string()) return false;
    const auto& id = option.get_ref<const std::string&>();
    for (std::size_t o = 0; o < question.options.size(); ++o) {
      if (question.options[o] == id) return offers(offered, o);
    }
    return false;
  };
  if (answer.unknown || question.type == QuestionType::boolean) return answer;
  if (question.type == QuestionType::choice) {
    return is_offered(answer.value) ? std::optional<Answer>(answer) : std::nullopt;
  }
  Answer kept{false, Json::array()};
  for (const auto& option : answer.value) {
    if (is_offered(option)) kept.value.push_back(option);
  }
  if (kept.value.empty()) return std::nullopt;
  return kept;
}

const char* eligibility_name(const Verdict& eligibility) {
  switch (truth_of(eligibility)) {
    case Truth::yes:
      return "eligible";
    case Truth::no:
      return "not_eligible";
    case Truth::unknown:
      break;
  }
  return "incomplete";
}

Truth truth_of(const Value& value) {
  if (value.unknown) return Truth::unknown;
  return logic::truthy(value.json) ? Truth::yes : Truth::no;
}

bool settle_question(const RuleSet& rules, std::size_t q, const std::optional<Answer>& given,
                     Symbols symbols, logic::Budget& budget, Verdict& asked, OptionSet& offered,
                     std::optional<Answer>& used) {
  const Question& question = rules.questions[q];
  const auto& conditions = compiled(rules).questions[q];
  asked = conditions.asked_when.decide(symbols, budget);
  if (budget.spent()) {
    budget.blame(question.path + "/asked_when");
    return false;
  }
  offered = 0;
  for (std::size_t o = 0; o < question.options.size(); ++o) {
    const auto& condition = conditions.options_when[o];
    if (!condition) {
      offered |= OptionSet{1} << o;
      continue;
    }
    const Truth truth = truth_of(condition->decide(symbols, budget));
    if (budget.spent()) {
      budget.blame(question.path + "/options_when/" + pointer_token(question.options[o]));
      return false;
    }
    if (truth == Truth::yes) offered |= OptionSet{1} << o;
  }
  used.reset();
  if (given && truth_of(asked) == Truth::yes) used = restrict_to_offered(question, *given, offered);
  return true;
}

bool criterion_status(const RuleSet& rules, std::size_t c, Symbols symbols, logic::Budget& budget,
                      Verdict& status, bool& checked) {
  const Criterion& criterion = rules.criteria[c];
  const auto& conditions = compiled(rules).criteria[c];
  checked = false;
  status = conditions.condition.decide(symbols, budget);
  if (budget.spent()) {
    budget.blame(criterion.path + "/condition");
    return false;
  }
  if (!conditions.to_check_when || truth_of(status) != Truth::no) return true;
  const Verdict open_point = conditions.to_check_when->decide(symbols, budget);
  if (budget.spent()) {
    budget.blame(criterion.path + "/to_check_when");
    return false;
  }
  const SymbolMask reads = status.reads | open_point.reads;
  if (truth_of(open_point) == Truth::yes) {
    status = Verdict::unknown_of(0, reads);
    checked = true;
  } else if (truth_of(open_point) == Truth::unknown) {
    status = Verdict::unknown_of(open_point.missing, reads);
  }
  return true;
}

Situation evaluate_situation(const RuleSet& rules, const Answers& given, const Date& date,
                             logic::Budget& budget) {
  const CompiledRules& compiled_rules = compiled(rules);
  const std::size_t n = rules.questions.size();
  Situation s;
  s.used.assign(n, std::nullopt);
  s.asked.resize(n);
  s.offered.resize(n);
  // What the conditions read: each used answer that is known, by question index.
  std::array<const Json*, kMaxQuestions> symbols{};

  // Questions only read earlier ones (checked at load), so one pass in order settles them.
  for (std::size_t i = 0; i < n; ++i) {
    const Question& question = rules.questions[i];
    std::optional<Answer> answer;
    if (!settle_question(rules, i, given[i], symbols.data(), budget, s.asked[i], s.offered[i],
                         answer)) {
      return s;
    }
    if (given[i] && !answer) {
      const bool applies = truth_of(s.asked[i]) == Truth::yes;
      s.dropped.push_back(
          {question.id, given[i]->to_json(), applies ? "not_offered" : "not_asked", nullptr});
    } else if (given[i] &&
               (answer->unknown != given[i]->unknown || answer->value != given[i]->value)) {
      s.dropped.push_back({question.id, given[i]->to_json(), "not_offered", answer->to_json()});
    }
    if (answer && answer->unknown) s.unknown_answers |= bit_of(i);
    s.used[i] = std::move(answer);
    if (s.used[i] && !s.used[i]->unknown) symbols[i] = &s.used[i]->value;
  }

  s.eligibility = Verdict::known(true);
  s.criteria.reserve(rules.criteria.size());
  s.criteria_to_check.reserve(rules.criteria.size());
  s.criteria_variants.reserve(rules.criteria.size());
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& criterion = rules.criteria[c];
    const auto& conditions = compiled_rules.criteria[c];
    Verdict status;
    bool checked = false;
    if (!criterion_status(rules, c, symbols.data(), budget, status, checked)) return s;
    int variant = -1;
    for (std::size_t v = 0; variant < 0 && v < conditions.variants.size(); ++v) {
      const Truth chosen = truth_of(conditions.variants[v].decide(symbols.data(), budget));
      if (budget.spent()) {
        budget.blame(criterion.path + "/variants/" + decimal_text(v) + "/when");
        return s;
      }
      if (chosen == Truth::yes) variant = static_cast<int>(v);
    }
    s.criteria.push_back(status);
    s.criteria_to_check.push_back(checked);
    s.criteria_variants.push_back(variant);
    s.eligibility = kleene_and(s.eligibility, s.criteria.back());
  }

  SymbolMask open = s.eligibility.unknown ? s.eligibility.missing : 0;
  for (std::size_t k = 0; k < std::size(kItemKinds); ++k) {
    const ItemKind kind = kItemKinds[k];
    auto& values = s.items[kind];
    auto& variants = s.variants[kind];
    const auto& items = rules.items_of(kind);
    values.reserve(items.size());
    variants.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& item = items[i];
      const auto& conditions = compiled_rules.items[k][i];
      // Gated by an eligibility known false, the item does not apply whatever its condition says
      // (the conjunction below): its conditions are not evaluated.
      if (item.requires_eligibility && truth_of(s.eligibility) == Truth::no) {
        values.push_back(Verdict::known(false, s.eligibility.reads));
        variants.push_back(-1);
        continue;
      }
      Verdict applies = conditions.applies_when.decide(symbols.data(), budget);
      if (budget.spent()) {
        budget.blame(item.path + "/applies_when");
        return s;
      }
      applies = within_period(item, conditions.programme, date, applies);
      if (item.requires_eligibility) applies = kleene_and(s.eligibility, applies);
      int variant = -1;
      for (std::size_t v = 0; variant < 0 && v < item.variants.size(); ++v) {
        if (truth_of(applies) == Truth::no) break;
        const TextVariant& candidate = item.variants[v];
        const Truth chosen = truth_of(conditions.variants[v].decide(symbols.data(), budget));
        if (budget.spent()) {
          budget.blame(item.path + "/variants/" + decimal_text(v) + "/when");
          return s;
        }
        if (chosen != Truth::yes) continue;
        if (candidate.valid_from && date < *candidate.valid_from) {
          applies = Verdict::known(false);  // not yet a rule for the people this variant is for
          break;
        }
        variant = static_cast<int>(v);
      }
      if (applies.unknown) open |= applies.missing;
      values.push_back(applies);
      variants.push_back(variant);
    }
  }
  // A question whose asked_when is still unknown needs the questions that decide it.
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < n; ++i) {
      if ((open & bit_of(i)) != 0 && s.asked[i].unknown && (open | s.asked[i].missing) != open) {
        open |= s.asked[i].missing;
        grew = true;
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (s.used[i]) open &= ~bit_of(i);
  }
  s.open = open;
  for (std::size_t i = 0; i < n; ++i) {
    if ((open & bit_of(i)) == 0) continue;
    const Truth asked = truth_of(s.asked[i]);
    if (asked == Truth::no) continue;
    // Decided by a "ne_sait_pas" answer only: it will never be asked.
    if (asked == Truth::unknown && (s.asked[i].missing & ~s.unknown_answers) == 0) continue;
    ++s.remaining_at_most;
    if (asked == Truth::yes && s.next_question < 0) s.next_question = static_cast<int>(i);
  }
  if (!s.finished()) return s;
  const std::string eligibility = eligibility_name(s.eligibility);
  for (std::size_t o = 0; s.outcome < 0 && o < rules.outcomes.size(); ++o) {
    const Outcome& outcome = rules.outcomes[o];
    if (outcome.eligibility != eligibility) continue;
    const Truth chosen = truth_of(compiled_rules.outcomes[o].decide(symbols.data(), budget));
    if (budget.spent()) {
      budget.blame(outcome.path + "/when");
      return s;
    }
    if (chosen == Truth::yes) s.outcome = static_cast<int>(o);
  }
  return s;
}

}  // namespace pdp
