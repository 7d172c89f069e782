// Prints how long one assessment and the exhaustive walk take natively, an assessment of each
// finished path of the walk as the module makes it (text in, text out) with where its time goes,
// the three criteria alone (compiled flat and by the tree evaluator), and how much of the
// evaluation budget the costliest assessment of the walk spends.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <vector>

#include "cli/rules_folder.hpp"
#include "core/assessment.hpp"
#include "core/compiled_rules.hpp"
#include "core/conversation.hpp"
#include "core/logic/scope.hpp"
#include "core/request.hpp"
#include "core/response.hpp"
#include "core/walk.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Spread {
  double median;
  double min;
  double max;
};

Spread spread(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  return {samples[samples.size() / 2], samples.front(), samples.back()};
}

// CPU time of the process: steadier than the wall clock on a machine shared with other work.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The tree evaluator's view of answers, by question id (what the core used before compiling).
class AnswersScope final : public pdp::logic::Scope {
 public:
  AnswersScope(const pdp::RuleSet& rules, const pdp::Answers& answers)
      : rules_(rules), answers_(answers) {}
  std::optional<pdp::logic::Value> lookup(const pdp::Json& name) const override {
    if (!name.is_string()) return std::nullopt;
    const int index = rules_.question_index(name.get_ref<const std::string&>());
    if (index < 0) return std::nullopt;
    const auto& answer = answers_[static_cast<std::size_t>(index)];
    const pdp::logic::SymbolMask bit = pdp::logic::SymbolMask{1} << index;
    if (answer && !answer->unknown) return pdp::logic::Value::known(answer->value, bit);
    return pdp::logic::Value::unknown_of(bit);
  }

 private:
  const pdp::RuleSet& rules_;
  const pdp::Answers& answers_;
};

// Each finished path of the walk as the module receives it, and its answers.
struct Path {
  std::string text;
  pdp::Answers answers;
};

void mix_bench(const pdp::RuleSet& rules, const pdp::Date& date) {
  std::vector<Path> paths;
  const auto walked = pdp::walk_paths(
      rules, date,
      [&](const pdp::WalkPath& path, const pdp::Answers& answers, const pdp::Situation&) {
        pdp::Json request_answers = pdp::Json::object();
        for (const auto& step : path)
          request_answers[rules.questions[step.question].id] = step.answer;
        paths.push_back(
            {pdp::Json{{"answers", request_answers}, {"date", date.iso()}, {"locale", "fr"}}.dump(),
             answers});
      });
  if (!walked) return;
  for (const Path& path : paths) pdp::assess_text(rules, path.text, date);  // warm-up

  // As pdp_assess: the text parsed, assessed, the reply written as text; then the same in phases.
  std::vector<double> rounds;
  for (int round = 0; round < 5; ++round) {
    const double start = cpu_seconds();
    std::size_t guard = 0;
    for (const Path& path : paths) guard += pdp::assess_text(rules, path.text, date).size();
    rounds.push_back((cpu_seconds() - start) / static_cast<double>(paths.size()) * 1e6);
    if (guard == 0) return;
  }
  const Spread mix = spread(rounds);
  double parse = 0, read = 0, converse = 0, reply = 0;
  for (const Path& path : paths) {
    double t0 = cpu_seconds();
    const auto json = pdp::parse_request_text(path.text);
    double t1 = cpu_seconds();
    const auto request = pdp::read_request(rules, json.value(), date);
    double t2 = cpu_seconds();
    pdp::logic::Budget budget;
    const pdp::Conversation conversation =
        pdp::converse(rules, request->answers, request->date, budget);
    double t3 = cpu_seconds();
    const std::string text = pdp::write_response(rules, request.value(), conversation, budget);
    double t4 = cpu_seconds();
    if (text.empty()) return;
    parse += t1 - t0, read += t2 - t1, converse += t3 - t2, reply += t4 - t3;
  }
  const double per = 1e6 / static_cast<double>(paths.size());
  // The reply is written as text directly, so there is no dump left: it stays in the line, at 0,
  // so that figures from before (a JSON tree, then its dump) read beside these (bench/run.mjs).
  std::printf(
      "assessment of each finished path (%zu paths, text in and out, CPU): median %.1f us (min "
      "%.1f, max %.1f) over 5 rounds; phases: parse %.1f, read %.1f, converse %.1f, reply "
      "%.1f, dump %.1f us\n",
      paths.size(), mix.median, mix.min, mix.max, parse * per, read * per, converse * per,
      reply * per, 0.0);

  // The three criteria alone over the same answers, one budget per assessment.
  const pdp::CompiledRules& compiled = pdp::compiled(rules);
  std::vector<std::vector<const pdp::Json*>> symbols;
  for (const Path& path : paths) {
    auto& set = symbols.emplace_back(rules.questions.size(), nullptr);
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
      if (path.answers[q] && !path.answers[q]->unknown) set[q] = &path.answers[q]->value;
    }
  }
  const auto time_criteria = [&](auto evaluate) {
    std::vector<double> samples;
    for (int round = 0; round < 7; ++round) {
      const double start = cpu_seconds();
      std::size_t met = 0;
      for (int repeat = 0; repeat < 20; ++repeat) {
        for (std::size_t p = 0; p < paths.size(); ++p) {
          pdp::logic::Budget budget;
          for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
            const pdp::logic::Value value = evaluate(p, c, budget);
            met += !value.unknown && pdp::logic::truthy(value.json) ? 1 : 0;
          }
        }
      }
      samples.push_back((cpu_seconds() - start) / static_cast<double>(20 * paths.size()) * 1e9);
      if (met == 0) return spread({0});
    }
    return spread(samples);
  };
  const Spread flat = time_criteria([&](std::size_t p, std::size_t c, pdp::logic::Budget& budget) {
    return compiled.criteria[c].condition.evaluate(symbols[p].data(), budget);
  });
  const Spread tree = time_criteria([&](std::size_t p, std::size_t c, pdp::logic::Budget& budget) {
    return rules.criteria[c].condition.evaluate(AnswersScope(rules, paths[p].answers), budget);
  });
  std::printf(
      "the three criteria of one answer set (CPU): compiled %.0f ns (min %.0f, max %.0f), tree "
      "evaluator %.0f ns (min %.0f, max %.0f)\n",
      flat.median, flat.min, flat.max, tree.median, tree.min, tree.max);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : PDP_DEFAULT_RULES_DIR;
  auto rules = pdp::cli::load_rules_folder(folder, std::cout);
  if (!rules) return 1;
  const pdp::Date date{2026, 11, 23};

  // A finished, eligible employee: the longest path the summary has to build.
  const pdp::Json request = {{"answers",
                              {{"situation_pro", "salarie"},
                               {"contrat_travail", true},
                               {"arret_travail", true},
                               {"motif_arret", "accident_travail"},
                               {"difficultes", {"reprise_difficile", "risque_rupture_contrat"}},
                               {"solution_entreprise", "ne_sait_pas"},
                               {"deja_contacte", false}}}};
  const std::size_t iterations = 2000;
  std::vector<double> per_call;
  for (int round = 0; round < 7; ++round) {
    const auto start = Clock::now();
    std::size_t guard = 0;
    for (std::size_t i = 0; i < iterations; ++i) guard += pdp::assess(*rules, request, date).size();
    per_call.push_back(seconds_since(start) / iterations * 1e6);
    if (guard == 0) return 1;
  }
  const Spread one = spread(per_call);
  std::printf(
      "one assessment (finished, eligible employee): median %.1f us (min %.1f, max %.1f) "
      "over 7 rounds of %zu\n",
      one.median, one.min, one.max, iterations);

  std::vector<double> walks;
  std::size_t paths = 0;
  for (int round = 0; round < 5; ++round) {
    const auto start = Clock::now();
    paths = pdp::walk_paths(*rules, date,
                            [](const pdp::WalkPath&, const pdp::Answers&, const pdp::Situation&) {})
                .value();
    walks.push_back(seconds_since(start) * 1e3);
  }
  const Spread walk = spread(walks);
  std::printf("exhaustive walk: %zu paths, median %.1f ms (min %.1f, max %.1f) over 5 rounds\n",
              paths, walk.median, walk.min, walk.max);
  mix_bench(*rules, date);

  // The response of each path, as assess() builds it: the conversation (the path's situations),
  // then what would meet each unmet criterion, all on one budget.
  std::uint64_t steps = 0;
  std::uint64_t units = 0;
  pdp::Request request_at_leaf{{}, date, rules->default_locale, date, {}};
  const auto walked = pdp::walk_paths(
      *rules, date, [&](const pdp::WalkPath&, const pdp::Answers& answers, const pdp::Situation&) {
        pdp::logic::Budget budget;
        request_at_leaf.answers = answers;
        pdp::respond(*rules, request_at_leaf, budget);
        steps = std::max(steps, budget.steps_used());
        units = std::max(units, budget.units_used());
      });
  if (!walked) return 1;
  std::printf(
      "evaluation budget of the costliest assessment: %llu of %llu operations, %llu of %llu "
      "units\n",
      static_cast<unsigned long long>(steps),
      static_cast<unsigned long long>(pdp::logic::Budget::kSteps),
      static_cast<unsigned long long>(units),
      static_cast<unsigned long long>(pdp::logic::Budget::kUnits));
  return 0;
}
