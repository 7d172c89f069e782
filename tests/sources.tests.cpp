// Every rule cites a passage that really stands in the source it names.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace pdp::test;

namespace {

void check_sources(const pdp::RuleSet& rules, const std::vector<pdp::SourceRef>& sources,
                   const std::string& owner) {
  CAPTURE(owner);
  CHECK_FALSE(sources.empty());
  for (const auto& source : sources) {
    CAPTURE(source.document, source.passage);
    const pdp::Document* document = nullptr;
    for (const auto& d : rules.documents) {
      if (d.id == source.document) document = &d;
    }
    REQUIRE(document != nullptr);
    const std::string text = read_text(PDP_SOURCE_DIR "/rules/sources/" + document->file);
    CHECK(text.find(source.passage) != std::string::npos);
    if (!source.article.empty()) {
      // "CSS D622-10-1" is cited in the notes as "CSS D622-10-1" or within a list "L323-3-1, …".
      const std::string code = source.article.substr(source.article.find(' ') + 1);
      CHECK(text.find(code) != std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("every question, criterion and item cites a passage found in its source document",
          "[rules][sources]") {
  const auto& rules = shipped_rules();
  for (const auto& question : rules.questions) check_sources(rules, question.source, question.id);
  for (const auto& criterion : rules.criteria) check_sources(rules, criterion.source, criterion.id);
  for (pdp::ItemKind kind : pdp::kItemKinds) {
    for (const auto& item : rules.items_of(kind)) check_sources(rules, item.source, item.id);
  }
}
