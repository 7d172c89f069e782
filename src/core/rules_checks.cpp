// Semantic checks of a loaded rule set; each problem names the JSON path to fix.
#include "core/rules_checks.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "core/answers.hpp"
#include "core/decimal_text.hpp"
#include "core/json_reader.hpp"
#include "core/limits.hpp"
#include "core/locale_checks.hpp"
#include "core/logic/scope.hpp"

namespace pdp {

bool is_language_code(const std::string& code) {
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

namespace {

// Identifiers are French snake_case ASCII, as in French rules-as-code projects.
bool is_identifier(const std::string& id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void check_identifier(const std::string& id, const std::string& path, Errors& problems) {
  if (id.empty()) return;  // already reported as missing
  if (!is_identifier(id)) {
    problems.push_back(Error{"rules.invalid_id",
                             "\"" + id + "\" is not an identifier (lower-case ASCII letters, " +
                                 "digits and underscores, starting with a letter)",
                             path + "/id"});
  }
}

template <typename T>
void check_unique(const std::vector<T>& things, const char* what, Errors& problems) {
  std::set<std::string> seen;
  for (const auto& thing : things) {
    check_identifier(thing.id, thing.path, problems);
    if (!thing.id.empty() && !seen.insert(thing.id).second) {
      problems.push_back(
          Error{"rules.duplicate_id",
                std::string("the ") + what + " id \"" + thing.id + "\" is defined more than once",
                thing.path + "/id"});
    }
  }
}

struct NamedCondition {
  const Expression* expression;
  std::string path;
};

std::vector<NamedCondition> conditions_of(const Question& question) {
  std::vector<NamedCondition> out{{&question.asked_when, question.path + "/asked_when"}};
  for (const auto& [option, condition] : question.options_when) {
    out.push_back({&condition, question.path + "/options_when/" + pointer_token(option)});
  }
  return out;
}

void check_condition(const RuleSet& rules, const NamedCondition& condition, Errors& problems) {
  for (const auto& use : condition.expression->vars()) {
    if (rules.question_index(use.name) < 0) {
      problems.push_back(Error{"rules.unknown_question",
                               "the condition reads \"" + use.name + "\", which is not a question",
                               condition.path + use.path});
    }
  }
  for (const auto& comparison : condition.expression->comparisons()) {
    const int index = rules.question_index(comparison.var);
    if (index < 0) continue;
    const Question& question = rules.questions[static_cast<std::size_t>(index)];
    for (const auto& literal : comparison.literals) {
      if (question.type == QuestionType::boolean) {
        problems.push_back(Error{"rules.unknown_option",
                                 "\"" + question.id + "\" is a yes/no question; compare it with " +
                                     "true or false, not \"" + literal + "\"",
                                 condition.path + comparison.path});
      } else if (!question.has_option(literal)) {
        problems.push_back(Error{"rules.unknown_option",
                                 "\"" + literal + "\" is not an option of \"" + question.id + "\"",
                                 condition.path + comparison.path});
      }
    }
  }
}

void check_variants(const RuleSet& rules, const std::vector<TextVariant>& variants,
                    const std::string& path, Errors& problems) {
  std::set<std::string> ids;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    const std::string at = path + "/variants/" + decimal_text(v);
    check_identifier(variants[v].id, at, problems);
    if (!ids.insert(variants[v].id).second) {
      problems.push_back(Error{"rules.duplicate_id",
                               "the variant \"" + variants[v].id + "\" is defined twice",
                               at + "/id"});
    }
    check_condition(rules, {&variants[v].when, at + "/when"}, problems);
  }
}

// Questions that a question's own conditions read (its asked_when and options_when).
std::set<int> guards_of(const RuleSet& rules, const Question& question) {
  std::set<int> reads;
  for (const auto& condition : conditions_of(question)) {
    for (const auto& use : condition.expression->vars()) {
      const int index = rules.question_index(use.name);
      if (index >= 0) reads.insert(index);
    }
  }
  return reads;
}

void check_order_and_cycles(const RuleSet& rules, Errors& problems) {
  const std::size_t n = rules.questions.size();
  std::vector<std::set<int>> edges(n);
  for (std::size_t i = 0; i < n; ++i) edges[i] = guards_of(rules, rules.questions[i]);

  // A question on a cycle of "is asked depending on" can never be asked.
  std::vector<int> state(n, 0);  // 0 new, 1 on the current path, 2 done
  std::vector<int> stack;
  std::set<int> on_cycle;
  std::function<void(int)> visit = [&](int q) {
    state[static_cast<std::size_t>(q)] = 1;
    stack.push_back(q);
    for (int next : edges[static_cast<std::size_t>(q)]) {
      if (state[static_cast<std::size_t>(next)] == 1) {
        auto from = std::find(stack.begin(), stack.end(), next);
        on_cycle.insert(from, stack.end());
      } else if (state[static_cast<std::size_t>(next)] == 0) {
        visit(next);
      }
    }
    stack.pop_back();
    state[static_cast<std::size_t>(q)] = 2;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (state[i] == 0) visit(static_cast<int>(i));
  }
  for (int q : on_cycle) {
    const Question& question = rules.questions[static_cast<std::size_t>(q)];
    problems.push_back(Error{"rules.cycle",
                             "\"" + question.id + "\" depends, through its conditions, on itself",
                             question.path + "/asked_when"});
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (on_cycle.count(static_cast<int>(i)) != 0) continue;
    for (int read : edges[i]) {
      if (static_cast<std::size_t>(read) > i) {
        problems.push_back(Error{"rules.question_order",
                                 "\"" + rules.questions[i].id + "\" depends on \"" +
                                     rules.questions[static_cast<std::size_t>(read)].id +
                                     "\", which comes after it: move it earlier in the list",
                                 rules.questions[i].path + "/asked_when"});
      }
    }
  }
}

// Tries every combination of the answers `asked_when` reads; small by construction (a few
// questions), and skipped when it would not be. One budget, shared by every question, bounds them
// all.
void check_can_be_asked(const RuleSet& rules, const Question& question, logic::Budget& budget,
                        Errors& problems) {
  std::vector<int> reads;
  for (const auto& use : question.asked_when.vars()) {
    const int index = rules.question_index(use.name);
    if (index < 0) return;
    if (std::find(reads.begin(), reads.end(), index) == reads.end()) reads.push_back(index);
  }
  std::vector<std::vector<Json>> domains;
  std::size_t combinations = 1;
  for (int index : reads) {
    const Question& read = rules.questions[static_cast<std::size_t>(index)];
    domains.push_back(answer_domain(read, read.options));
    combinations *= std::max<std::size_t>(domains.back().size(), 1);
    if (combinations > 100000) return;
  }
  std::vector<std::size_t> position(reads.size(), 0);
  for (std::size_t count = 0; count < combinations; ++count) {
    Json data = Json::object();
    for (std::size_t k = 0; k < reads.size(); ++k) {
      if (!domains[k].empty()) {
        data[rules.questions[static_cast<std::size_t>(reads[k])].id] = domains[k][position[k]];
      }
    }
    const logic::Value asked = question.asked_when.evaluate(logic::JsonScope(data), budget);
    if (budget.spent()) {
      problems.push_back(
          Error{"rules.too_costly",
                "\"" + question.id + "\": trying its \"asked_when\" " + budget.reason(),
                question.path + "/asked_when"});
      return;
    }
    if (logic::truthy(asked.json)) return;
    for (std::size_t k = 0; k < position.size(); ++k) {
      if (++position[k] < domains[k].size()) break;
      position[k] = 0;
    }
  }
  problems.push_back(Error{
      "rules.question_never_asked",
      "\"" + question.id + "\" can never be asked: no answers make its " + "\"asked_when\" true",
      question.path + "/asked_when"});
}

void check_question_shape(const Question& question, Errors& problems) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    const auto& option = question.options[i];
    const std::string path = question.path + "/options/" + decimal_text(i);
    if (!is_identifier(option)) {
      problems.push_back(
          Error{"rules.invalid_id", "\"" + option + "\" is not an identifier", path});
    }
    if (!seen.insert(option).second) {
      problems.push_back(
          Error{"rules.duplicate_id",
                "the option \"" + option + "\" appears twice in \"" + question.id + "\"", path});
    }
  }
  if (question.type != QuestionType::boolean && question.options.size() < 2) {
    problems.push_back(Error{"rules.wrong_type", "a choice needs at least two options",
                             question.path + "/options"});
  }
  const bool multi = question.type == QuestionType::multi;
  const std::size_t most_options = multi ? limits::kMultiOptions : limits::kOptions;
  if (question.options.size() > most_options) {
    problems.push_back(Error{"rules.too_many_options",
                             std::string(multi ? "a multiple-choice question" : "a question") +
                                 " has at most " + decimal_text(most_options) + " options (\"" +
                                 question.id + "\" has " + decimal_text(question.options.size()) +
                                 ")",
                             question.path + "/options"});
  }
  for (std::size_t i = 0; i < question.exclusive.size(); ++i) {
    if (question.type != QuestionType::multi || !question.has_option(question.exclusive[i])) {
      problems.push_back(Error{
          "rules.unknown_option",
          "\"" + question.exclusive[i] + "\" is not an option of this multiple-choice question",
          question.path + "/exclusive/" + decimal_text(i)});
    }
  }
  for (const auto& entry : question.options_when) {
    if (!question.has_option(entry.first)) {
      problems.push_back(
          Error{"rules.unknown_option",
                "\"" + entry.first + "\" is not an option of \"" + question.id + "\"",
                question.path + "/options_when/" + pointer_token(entry.first)});
    }
  }
  if (question.allows_unknown && question.has_option(kUnknownAnswer)) {
    problems.push_back(Error{"rules.duplicate_id",
                             "\"ne_sait_pas\" is already an option; \"allows_unknown\" would be "
                             "ambiguous",
                             question.path + "/allows_unknown"});
  }
}

void check_sources(const RuleSet& rules, const std::vector<SourceRef>& sources,
                   const std::string& path, Errors& problems) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const auto& document = sources[i].document;
    const bool known = std::any_of(rules.documents.begin(), rules.documents.end(),
                                   [&](const Document& d) { return d.id == document; });
    if (!document.empty() && !known) {
      problems.push_back(Error{"rules.unknown_document",
                               "\"" + document + "\" is not a document of the manifest",
                               path + "/source/" + decimal_text(i) + "/document"});
    }
    if (sources[i].passage.empty()) {
      problems.push_back(Error{"rules.missing_source", "the passage cited is empty",
                               path + "/source/" + decimal_text(i) + "/passage"});
    }
  }
}

void check_example_answers(const RuleSet& rules, const Json& answers, const std::string& path,
                           Errors& problems) {
  if (!answers.is_object()) return;
  for (auto it = answers.begin(); it != answers.end(); ++it) {
    const int index = rules.question_index(it.key());
    const std::string at = path + "/" + pointer_token(it.key());
    if (index < 0) {
      problems.push_back(
          Error{"rules.unknown_question", "\"" + it.key() + "\" is not a question", at});
      continue;
    }
    auto answer = read_answer(rules.questions[static_cast<std::size_t>(index)], *it, at);
    if (!answer) {
      problems.push_back(
          Error{"rules.invalid_example", answer.error().message, answer.error().path});
    }
  }
}

}  // namespace

std::vector<Json> answer_domain(const Question& question, const std::vector<std::string>& offered) {
  std::vector<Json> domain;
  auto is_offered = [&](const std::string& option) {
    return std::find(offered.begin(), offered.end(), option) != offered.end();
  };
  switch (question.type) {
    case QuestionType::boolean:
      domain = {true, false};
      break;
    case QuestionType::choice:
      for (const auto& option : question.options) {
        if (is_offered(option)) domain.emplace_back(option);
      }
      break;
    case QuestionType::multi: {
      std::vector<std::string> combinable;
      for (const auto& option : question.options) {
        if (!is_offered(option)) continue;
        if (question.is_exclusive(option)) {
          domain.push_back(Json::array({option}));
        } else {
          combinable.push_back(option);
        }
      }
      // The loader refuses more options (rules.too_many_options); the bound only keeps this finite.
      const std::size_t n = std::min(combinable.size(), limits::kMultiOptions);
      for (std::size_t set = 1; set < (std::size_t{1} << n); ++set) {
        Json selection = Json::array();
        for (std::size_t k = 0; k < n; ++k) {
          if ((set & (std::size_t{1} << k)) != 0) selection.push_back(combinable[k]);
        }
        domain.push_back(std::move(selection));
      }
      break;
    }
  }
  return domain;
}

void check_rules(const RuleSet& rules, Errors& problems) {
  if (rules.questions.size() > kMaxQuestions) {
    problems.push_back(Error{"rules.too_many_questions",
                             "at most " + decimal_text(kMaxQuestions) + " questions",
                             "questions.json#/questions"});
  }
  check_unique(rules.documents, "document", problems);
  check_unique(rules.questions, "question", problems);
  check_unique(rules.criteria, "criterion", problems);
  for (ItemKind kind : kItemKinds) check_unique(rules.items_of(kind), kind_name(kind), problems);

  for (const auto& question : rules.questions) {
    check_question_shape(question, problems);
    for (const auto& condition : conditions_of(question))
      check_condition(rules, condition, problems);
    check_sources(rules, question.source, question.path, problems);
  }
  check_order_and_cycles(rules, problems);
  const bool order_ok = std::none_of(problems.begin(), problems.end(), [](const Error& e) {
    return e.code == "rules.cycle" || e.code == "rules.unknown_question";
  });
  if (order_ok) {
    logic::Budget budget;
    for (const auto& question : rules.questions) {
      if (budget.spent()) break;  // reported once, where it ran out
      check_can_be_asked(rules, question, budget, problems);
    }
  }
  for (const auto& criterion : rules.criteria) {
    check_condition(rules, {&criterion.condition, criterion.path + "/condition"}, problems);
    if (criterion.to_check_when) {
      check_condition(rules, {&*criterion.to_check_when, criterion.path + "/to_check_when"},
                      problems);
    }
    check_variants(rules, criterion.variants, criterion.path, problems);
    check_sources(rules, criterion.source, criterion.path, problems);
    for (std::size_t e = 0; e < criterion.examples.size(); ++e) {
      check_example_answers(rules, criterion.examples[e].answers,
                            criterion.path + "/examples/" + decimal_text(e) + "/answers", problems);
    }
  }
  check_unique(rules.outcomes, "outcome", problems);
  for (const auto& outcome : rules.outcomes) {
    check_condition(rules, {&outcome.when, outcome.path + "/when"}, problems);
    check_sources(rules, outcome.source, outcome.path, problems);
  }
  for (ItemKind kind : kItemKinds) {
    for (const auto& item : rules.items_of(kind)) {
      check_condition(rules, {&item.applies_when, item.path + "/applies_when"}, problems);
      check_variants(rules, item.variants, item.path, problems);
      check_sources(rules, item.source, item.path, problems);
      if (!item.programme.empty()) {
        const auto& programmes = rules.items_of(ItemKind::programme);
        const bool known = std::any_of(programmes.begin(), programmes.end(),
                                       [&](const Item& p) { return p.id == item.programme; });
        if (!known) {
          problems.push_back(Error{"rules.unknown_programme",
                                   "\"" + item.programme + "\" is not a programme",
                                   item.path + "/programme"});
        }
      }
    }
  }

  if (!rules.default_locale.empty() && !rules.has_locale(rules.default_locale)) {
    problems.push_back(Error{"rules.unknown_locale",
                             "the default locale \"" + rules.default_locale +
                                 "\" has no file locales/" + rules.default_locale + ".json",
                             "manifest.json#/default_locale"});
  }
  for (const auto& [locale, texts] : rules.texts) check_locale(rules, locale, texts, problems);
}

}  // namespace pdp
