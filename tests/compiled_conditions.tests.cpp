// The compiled conditions (flat programs, symbols by question index) and the memo of the ways to
// meet a criterion are second paths: they must give what the tree evaluator and the search over
// whole situations give, on every partial situation a person can reach and on the official
// JsonLogic cases, spending the budget alike.
#include <fstream>
#include <functional>
#include <set>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/compiled_rules.hpp"
#include "core/logic/node.hpp"
#include "core/logic/scope.hpp"
#include "core/rules_checks.hpp"
#include "core/situation.hpp"
#include "core/walk.hpp"
#include "core/what_would_change.hpp"
#include "support.hpp"

using pdp::Json;
using pdp::logic::Budget;
using pdp::logic::Expression;
using pdp::logic::Value;
using namespace pdp::test;

namespace {

// The tree evaluator's view of used answers, by question id (as the core read them before).
class AnswersScope final : public pdp::logic::Scope {
 public:
  AnswersScope(const pdp::RuleSet& rules, const pdp::Answers& answers)
      : rules_(rules), answers_(answers) {}
  std::optional<Value> lookup(const Json& name) const override {
    if (!name.is_string()) return std::nullopt;
    const int index = rules_.question_index(name.get<std::string>());
    if (index < 0) return std::nullopt;
    const auto& answer = answers_[static_cast<std::size_t>(index)];
    const pdp::logic::SymbolMask bit = pdp::bit_of(static_cast<std::size_t>(index));
    if (answer && !answer->unknown) return Value::known(answer->value, bit);
    return Value::unknown_of(bit);
  }

 private:
  const pdp::RuleSet& rules_;
  const pdp::Answers& answers_;
};

std::string describe(const Value& value) {
  return (value.unknown ? std::string("unknown") : value.json.dump()) +
         " missing=" + std::to_string(value.missing) + " reads=" + std::to_string(value.reads);
}

// Every condition of the rules with where it stands, beside its compiled form.
struct Pair {
  std::string path;
  const Expression* tree;
  const pdp::Condition* compiled;
};

std::vector<Pair> condition_pairs(const pdp::RuleSet& rules) {
  const pdp::CompiledRules& compiled = pdp::compiled(rules);
  std::vector<Pair> pairs;
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    const auto& question = rules.questions[q];
    pairs.push_back(
        {question.path + "/asked_when", &question.asked_when, &compiled.questions[q].asked_when});
    for (std::size_t o = 0; o < question.options.size(); ++o) {
      const auto& when = compiled.questions[q].options_when[o];
      if (when) {
        pairs.push_back({question.path + "/options_when/" + question.options[o],
                         &question.options_when.at(question.options[o]), &*when});
      }
    }
  }
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const auto& criterion = rules.criteria[c];
    const auto& conditions = compiled.criteria[c];
    pairs.push_back({criterion.path + "/condition", &criterion.condition, &conditions.condition});
    if (criterion.to_check_when) {
      pairs.push_back({criterion.path + "/to_check_when", &*criterion.to_check_when,
                       &*conditions.to_check_when});
    }
    for (std::size_t v = 0; v < criterion.variants.size(); ++v) {
      pairs.push_back(
          {criterion.path + "/variants", &criterion.variants[v].when, &conditions.variants[v]});
    }
  }
  for (std::size_t k = 0; k < std::size(pdp::kItemKinds); ++k) {
    const auto& items = rules.items_of(pdp::kItemKinds[k]);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& conditions = compiled.items[k][i];
      pairs.push_back(
          {items[i].path + "/applies_when", &items[i].applies_when, &conditions.applies_when});
      for (std::size_t v = 0; v < items[i].variants.size(); ++v) {
        pairs.push_back(
            {items[i].path + "/variants", &items[i].variants[v].when, &conditions.variants[v]});
      }
    }
  }
  for (std::size_t o = 0; o < rules.outcomes.size(); ++o) {
    pairs.push_back(
        {rules.outcomes[o].path + "/when", &rules.outcomes[o].when, &compiled.outcomes[o]});
  }
  return pairs;
}

// Every partial situation of the exhaustive walk (each prefix of each path, on both dates of the
// walk tests), and each of them with one answer changed to any value its question takes (answers
// that no longer apply, options not offered, "ne_sait_pas"...), without repetition.
std::vector<pdp::Answers> walked_states() {
  const auto& rules = shipped_rules();
  std::vector<pdp::Answers> prefixes;
  std::set<std::string> seen;
  const auto key_of = [&](const pdp::Answers& answers) {
    std::string key;
    for (const auto& answer : answers) key += (answer ? answer->to_json().dump() : "-") + ";";
    return key;
  };
  for (const pdp::Date date : {pdp::Date{2021, 6, 15}, pdp::Date{2026, 11, 23}}) {
    const auto walked = pdp::walk_paths(
        rules, date, [&](const pdp::WalkPath& path, const pdp::Answers&, const pdp::Situation&) {
          pdp::Answers answers(rules.questions.size());
          for (std::size_t length = 0;; ++length) {
            if (seen.insert(key_of(answers)).second) prefixes.push_back(answers);
            if (length == path.size()) break;
            const auto& step = path[length];
            answers[step.question] =
                pdp::read_answer(rules.questions[step.question], step.answer, "").value();
          }
        });
    REQUIRE(walked.ok());
  }
  std::vector<pdp::Answers> states = prefixes;
  for (const pdp::Answers& prefix : prefixes) {
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
      const pdp::Question& question = rules.questions[q];
      for (const Json& value : pdp::possible_answers(question, pdp::all_options(question))) {
        pdp::Answers changed = prefix;
        changed[q] = pdp::read_answer(question, value, "").value();
        if (seen.insert(key_of(changed)).second) states.push_back(std::move(changed));
      }
    }
  }
  return states;
}

// The walked states, every walk_stride()-th of them (every one but in the sanitizer build).
const std::vector<pdp::Answers>& states() {
  static const std::vector<pdp::Answers> taken = [] {
    const std::vector<pdp::Answers> all = walked_states();
    std::vector<pdp::Answers> some;
    for (std::size_t i = 0; i < all.size(); i += walk_stride()) some.push_back(all[i]);
    return some;
  }();
  return taken;
}

// What the search over whole situations found before the memo and the probes (the reference).
pdp::WaysToMeet ways_over_situations(const pdp::RuleSet& rules, const pdp::Answers& answers,
                                     const pdp::Date& date, std::size_t criterion) {
  Budget budget;
  const auto candidates = [](const pdp::Question& question, pdp::OptionSet offered_now) {
    const auto offered = pdp::offered_options(question, offered_now);
    if (question.type != pdp::QuestionType::multi) return pdp::answer_domain(question, offered);
    std::vector<Json> out;
    for (const auto& option : offered) out.push_back(Json::array({option}));
    return out;
  };
  const auto with_change = [](pdp::Answers changed, std::size_t q, const Json& value) {
    changed[q] = pdp::Answer{false, value};
    return changed;
  };
  pdp::WaysToMeet ways;
  std::set<std::size_t> reads;
  for (const auto& use : rules.criteria[criterion].condition.vars()) {
    if (rules.question_index(use.name) >= 0) {
      reads.insert(static_cast<std::size_t>(rules.question_index(use.name)));
    }
  }
  const pdp::Situation now = pdp::evaluate_situation(rules, answers, date, budget);
  for (std::size_t q : reads) {
    if (pdp::truth_of(now.asked[q]) == pdp::Truth::no) continue;
    for (const Json& value : candidates(rules.questions[q], now.offered[q])) {
      if (answers[q] && !answers[q]->unknown && answers[q]->value == value) continue;
      const pdp::Answers changed = with_change(answers, q, value);
      const pdp::Situation after = pdp::evaluate_situation(rules, changed, date, budget);
      if (!after.used[q]) continue;
      const pdp::Verdict& status = after.criteria[criterion];
      if (pdp::truth_of(status) == pdp::Truth::yes) {
        ways.push_back({{q, {value}}});
        continue;
      }
      if (pdp::truth_of(status) != pdp::Truth::unknown) continue;
      for (std::size_t q2 = 0; q2 < rules.questions.size(); ++q2) {
        if ((status.missing & pdp::bit_of(q2)) == 0 ||
            pdp::truth_of(after.asked[q2]) != pdp::Truth::yes) {
          continue;
        }
        pdp::AnswerChange meeting{q2, {}};
        const auto second = candidates(rules.questions[q2], after.offered[q2]);
        for (const Json& value2 : second) {
          const pdp::Situation both =
              pdp::evaluate_situation(rules, with_change(changed, q2, value2), date, budget);
          if (pdp::truth_of(both.criteria[criterion]) == pdp::Truth::yes) {
            meeting.answers.push_back(value2);
          }
        }
        if (!second.empty() && meeting.answers.size() == second.size()) {
          ways.push_back({{q, {value}}});
          break;
        }
        if (!meeting.answers.empty()) ways.push_back({{q, {value}}, std::move(meeting)});
      }
    }
  }
  REQUIRE_FALSE(budget.spent());
  return ways;
}

Json ways_json(const pdp::WaysToMeet& ways) {
  Json out = Json::array();
  for (const auto& way : ways) {
    Json changes = Json::array();
    for (const auto& change : way) changes.push_back({change.question, change.answers});
    out.push_back(std::move(changes));
  }
  return out;
}

}  // namespace

TEST_CASE("every condition of the shipped rules is compiled flat", "[compiled]") {
  for (const Pair& pair : condition_pairs(shipped_rules())) {
    CAPTURE(pair.path);
    CHECK(pair.compiled->flat());
  }
}

TEST_CASE("compiled conditions give the tree evaluator's value and spending on every walked state",
          "[compiled][walk]") {
  const auto& rules = shipped_rules();
  const auto pairs = condition_pairs(rules);
  // Each program also as the page's module has it: written to JSON by the build, read back.
  std::vector<Json> written(pairs.size());
  std::vector<pdp::logic::Program> programs_as_written;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    REQUIRE(pairs[p].compiled->program() != nullptr);
    written[p] = Json::parse(pairs[p].compiled->program()->to_json().dump());
    auto read = pdp::logic::Program::read(written[p]);
    REQUIRE(read.has_value());
    CHECK(read->to_json() == written[p]);
    programs_as_written.push_back(std::move(*read));
  }
  WARN("partial situations of the walk: " << states().size() << " (every " << walk_stride() << ")");
  REQUIRE(states().size() * walk_stride() > 10000);
  std::size_t compared = 0;
  for (const pdp::Answers& given : states()) {
    Budget situation_budget;
    const pdp::Situation s =
        pdp::evaluate_situation(rules, given, {2026, 11, 23}, situation_budget);
    REQUIRE_FALSE(situation_budget.spent());
    std::vector<const Json*> symbols(rules.questions.size(), nullptr);
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
      if (s.used[q] && !s.used[q]->unknown) symbols[q] = &s.used[q]->value;
    }
    const AnswersScope scope(rules, s.used);
    for (std::size_t p = 0; p < pairs.size(); ++p) {
      const Pair& pair = pairs[p];
      Budget tree_budget;
      Budget flat_budget;
      Budget written_budget;
      const Value tree = pair.tree->evaluate(scope, tree_budget);
      const Value flat = pair.compiled->evaluate(symbols.data(), flat_budget);
      const Value as_written = programs_as_written[p].evaluate(symbols.data(), written_budget);
      if (describe(tree) != describe(flat) ||
          tree_budget.steps_used() != flat_budget.steps_used() ||
          tree_budget.units_used() != flat_budget.units_used()) {
        CAPTURE(pair.path, describe(tree), describe(flat), tree_budget.steps_used(),
                flat_budget.steps_used(), tree_budget.units_used(), flat_budget.units_used());
        FAIL_CHECK("the compiled condition differs from the tree");
      }
      if (describe(as_written) != describe(flat) ||
          written_budget.steps_used() != flat_budget.steps_used() ||
          written_budget.units_used() != flat_budget.units_used()) {
        CAPTURE(pair.path, describe(as_written), describe(flat));
        FAIL_CHECK("the program read back from the build's JSON differs from the one flattened");
      }
      ++compared;
    }
  }
  WARN("condition evaluations compared: " << compared);
}

TEST_CASE("a compiled condition stops where the tree evaluator stops, whatever the budget",
          "[compiled][budget]") {
  const auto& rules = shipped_rules();
  const auto pairs = condition_pairs(rules);
  // A few states, every budget from nothing to enough: steps, then units.
  for (std::size_t i = 0; i < states().size(); i += states().size() / 40) {
    const pdp::Answers& answers = states()[i];
    std::vector<const Json*> symbols(rules.questions.size(), nullptr);
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
      if (answers[q] && !answers[q]->unknown) symbols[q] = &answers[q]->value;
    }
    const AnswersScope scope(rules, answers);
    for (const Pair& pair : pairs) {
      Budget full;
      pair.tree->evaluate(scope, full);
      for (std::uint64_t steps = 0; steps <= full.steps_used(); ++steps) {
        for (const std::uint64_t units : {full.units_used(), full.units_used() / 2}) {
          Budget tree_budget(steps, units);
          Budget flat_budget(steps, units);
          const Value tree = pair.tree->evaluate(scope, tree_budget);
          const Value flat = pair.compiled->evaluate(symbols.data(), flat_budget);
          CAPTURE(pair.path, steps, units);
          REQUIRE(tree_budget.spent() == flat_budget.spent());
          REQUIRE(tree_budget.reason() == flat_budget.reason());
          REQUIRE(describe(tree) == describe(flat));
          REQUIRE(tree_budget.steps_used() == flat_budget.steps_used());
          REQUIRE(tree_budget.units_used() == flat_budget.units_used());
        }
      }
    }
  }
}

TEST_CASE("the official JsonLogic cases the flat form takes give the tree evaluator's results",
          "[compiled][conformance]") {
  std::ifstream file(PDP_CONFORMANCE_FILE);
  REQUIRE(file);
  std::size_t flattened = 0;
  std::size_t cases = 0;
  for (const Json& entry : Json::parse(file)) {
    if (entry.is_string()) continue;
    ++cases;
    const Json& rule = entry.at(0);
    const Json& data = entry.at(1);
    auto expression = Expression::compile(rule);
    REQUIRE(expression.ok());
    // The data's top-level keys are the symbols.
    std::vector<std::string> names;
    std::vector<const Json*> symbols;
    if (data.is_object()) {
      for (auto member = data.begin(); member != data.end(); ++member) {
        names.push_back(member.key());
        symbols.push_back(&*member);
      }
    }
    const auto program =
        pdp::logic::Program::flatten(expression.value(), [&](const std::string& name) {
          for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i] == name) return static_cast<int>(i);
          }
          return -1;
        });
    if (!program) continue;
    ++flattened;
    CAPTURE(rule.dump(), data.dump());
    Budget tree_budget;
    Budget flat_budget;
    const Value tree = expression->evaluate(pdp::logic::JsonScope(data), tree_budget);
    const Value flat = program->evaluate(symbols.data(), flat_budget);
    CHECK(flat.json.dump() == entry.at(2).dump());
    CHECK(flat.json.dump() == tree.json.dump());
    CHECK(tree_budget.steps_used() == flat_budget.steps_used());
    CHECK(tree_budget.units_used() == flat_budget.units_used());
    // The same program written as the build writes it, and read back as the module reads it.
    const Json written = Json::parse(program->to_json().dump());
    const auto read = pdp::logic::Program::read(written);
    REQUIRE(read.has_value());
    Budget written_budget;
    const Value as_written = read->evaluate(symbols.data(), written_budget);
    CHECK(as_written.json.dump() == flat.json.dump());
    CHECK(written_budget.steps_used() == flat_budget.steps_used());
    CHECK(written_budget.units_used() == flat_budget.units_used());
  }
  WARN("official cases taken by the flat form: " << flattened << " of " << cases);
  CHECK(flattened >= 60);
}

TEST_CASE(
    "the ways to meet a criterion, memoised, are those the search over whole situations finds",
    "[compiled][walk]") {
  const auto& rules = shipped_rules();
  const pdp::Date date{2026, 11, 23};
  const pdp::CompiledRules& compiled = pdp::compiled(rules);
  std::size_t compared = 0;
  for (std::size_t i = 0; i < states().size(); ++i) {
    Budget budget;
    const pdp::Situation s = pdp::evaluate_situation(rules, states()[i], date, budget);
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
      if (pdp::truth_of(s.criteria[c]) != pdp::Truth::no) continue;
      CAPTURE(i, c);
      // Perhaps from the memo, filled by an earlier state with the same answers where it matters.
      const Json memoised = ways_json(pdp::ways_to_meet(rules, s.used, date, c, budget));
      compiled.ways_to_meet[c].clear();
      const Json searched = ways_json(pdp::ways_to_meet(rules, s.used, date, c, budget));
      REQUIRE_FALSE(budget.spent());
      CHECK(memoised == searched);
      // The search over whole situations is slow: every 8th state.
      if (i % 8 == 0) CHECK(searched == ways_json(ways_over_situations(rules, s.used, date, c)));
      ++compared;
    }
  }
  WARN("unmet criteria compared: " << compared);
  CHECK(compared * walk_stride() > 1000);
}

TEST_CASE("a program that is not one the build wrote is refused, not run", "[compiled]") {
  using pdp::logic::Program;
  const auto expression = Expression::compile(Json::parse(R"({"==": [{"var": "a"}, "x"]})"));
  REQUIRE(expression.ok());
  const auto flat = Program::flatten(expression.value(),
                                     [](const std::string& name) { return name == "a" ? 0 : -1; });
  REQUIRE(flat.has_value());
  // ==, then the var of a (symbol 0) and its name, then "x": [op, symbol, units, literal,
  // operands].
  const Json good = flat->to_json();
  REQUIRE(good.size() == 4);
  CHECK(good[0][4] == 1);
  CHECK(good[0][5] == 3);
  CHECK(good[1][1] == 0);
  CHECK(good[3][3] == "x");
  REQUIRE(Program::read(good).has_value());
  CHECK(Program::read(good)->reads() == 1);
  CHECK(Program::read(good)->to_json() == good);

  const auto changed = [&](const std::function<void(Json&)>& change) {
    Json program = good;
    change(program);
    return program;
  };
  const std::vector<std::pair<const char*, Json>> bad = {
      {"not an array", Json{{"op", 6}}},
      {"no instruction", Json::array()},
      {"an instruction too short", changed([](Json& p) { p[3].erase(3); })},
      {"an operation the flat form does not take (+)",
       changed([](Json& p) { p[0][0] = static_cast<int>(pdp::logic::Op::add); })},
      {"a symbol beyond the 64 questions", changed([](Json& p) { p[1][1] = 64; })},
      {"an operand before its operation: a cycle", changed([](Json& p) { p[1][4] = 0; })},
      {"an operand past the end", changed([](Json& p) { p[0][5] = 4; })},
      {"an operand that is not an index", changed([](Json& p) { p[0][4] = "1"; })},
      {"units that are not a number", changed([](Json& p) { p[3][2] = "3"; })}};
  for (const auto& [what, program] : bad) {
    CAPTURE(what, program.dump());
    CHECK_FALSE(Program::read(program).has_value());
  }
}
