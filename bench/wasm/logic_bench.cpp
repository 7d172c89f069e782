// A bench-only WebAssembly module (never in dist/): the eligibility's three criteria evaluated
// inside the module, from the same objects as the page's pdp-core, over answer sets loaded
// beforehand, so that bench/logic-bench.mjs times the conditions alone beside json-logic-js.
// The flat programs (what the core runs) and the tree evaluator (what it ran before) side by side.
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "core/compiled_rules.hpp"
#include "core/logic/scope.hpp"
#include "core/rules_loader.hpp"

namespace {

using pdp::Json;

std::optional<pdp::RuleSet> rules;
std::vector<Json> values;          // per set, per question: the answer (discarded: none)
std::vector<const Json*> symbols;  // the same as the core reads them: nullptr when unanswered
std::size_t sets = 0;

// The tree evaluator's view of one set, as the core's scope was: vars by question id.
class SetScope final : public pdp::logic::Scope {
 public:
  explicit SetScope(const pdp::Json* const* set) : set_(set) {}
  std::optional<pdp::logic::Value> lookup(const Json& name) const override {
    if (!name.is_string()) return std::nullopt;
    const int index = rules->question_index(name.get_ref<const std::string&>());
    if (index < 0) return std::nullopt;
    const pdp::logic::SymbolMask bit = pdp::logic::SymbolMask{1} << index;
    if (set_[index] != nullptr) return pdp::logic::Value::known(*set_[index], bit);
    return pdp::logic::Value::unknown_of(bit);
  }

 private:
  const pdp::Json* const* set_;
};

template <typename Evaluate>
int eligibility(unsigned char* out, Evaluate evaluate) {
  const std::size_t n = rules->questions.size();
  int eligible = 0;
  for (std::size_t s = 0; s < sets; ++s) {
    pdp::logic::Budget budget;  // one per assessment, as the core has
    bool all = true;
    for (std::size_t c = 0; all && c < rules->criteria.size(); ++c) {
      const pdp::logic::Value value = evaluate(c, &symbols[s * n], budget);
      all = !value.unknown && pdp::logic::truthy(value.json);
    }
    out[s] = all ? 1 : 0;
    eligible += all ? 1 : 0;
  }
  return eligible;
}

}  // namespace

extern "C" {

// The whole rules bundle (`pdp-assess bundle`: every file, the trees included), read by the
// checking loader, which flattens the conditions as the build does and keeps the trees for
// bench_tree (the page's rules.json holds the programs only); 0 when loaded.
EMSCRIPTEN_KEEPALIVE int bench_load_rules(const char* bundle) {
  const auto files = pdp::rule_files_from_bundle(bundle);
  if (!files) return 1;
  pdp::LoadedRules loaded = pdp::load_rules(files.value().files);
  if (!loaded.rules) return 1;
  rules = std::move(loaded.rules);
  pdp::compiled(*rules);
  return 0;
}

// A JSON array of answer objects (question id -> answer), added to those loaded; the count.
EMSCRIPTEN_KEEPALIVE int bench_add_sets(const char* text) {
  const std::size_t n = rules->questions.size();
  const Json parsed = Json::parse(text, nullptr, false);
  if (!parsed.is_array()) return -1;
  for (const Json& set : parsed) {
    for (const auto& question : rules->questions) {
      const auto found = set.find(question.id);
      values.push_back(found == set.end() ? Json(Json::value_t::discarded) : *found);
    }
    ++sets;
  }
  symbols.assign(sets * n, nullptr);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i].is_discarded()) symbols[i] = &values[i];
  }
  return static_cast<int>(sets);
}

// Each set's eligibility (1 when the three criteria hold) into out[0, sets); the count eligible.
EMSCRIPTEN_KEEPALIVE int bench_flat(unsigned char* out) {
  const pdp::CompiledRules& compiled = pdp::compiled(*rules);
  return eligibility(out, [&](std::size_t c, const Json* const* set, pdp::logic::Budget& budget) {
    return compiled.criteria[c].condition.evaluate(set, budget);
  });
}

EMSCRIPTEN_KEEPALIVE int bench_tree(unsigned char* out) {
  return eligibility(out, [&](std::size_t c, const Json* const* set, pdp::logic::Budget& budget) {
    return rules->criteria[c].condition.evaluate(SetScope(set), budget);
  });
}
}
