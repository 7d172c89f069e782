// Prints how long one assessment and the exhaustive walk take natively, and how much of the
// evaluation budget the costliest assessment of the walk spends.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <vector>

#include "cli/rules_folder.hpp"
#include "core/assessment.hpp"
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
