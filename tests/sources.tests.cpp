// Every rule cites a passage that really stands in the source it names.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"

using namespace pdp::test;
using pdp::Json;

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

namespace {

std::vector<std::string> cited_documents(const Json& response, const std::string& list,
                                         const std::string& id) {
  std::vector<std::string> documents;
  for (const auto& item : response.at(list)) {
    if (item.at("id") != id) continue;
    for (const auto& source : item.at("sources")) documents.push_back(source.at("document"));
  }
  return documents;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("a statement backed by an official text does not show the team's review to the person",
          "[rules][sources]") {
  // france_travail rests on the Code du travail and on the review's point R8.
  const Json response = assess_answers({{"situation_pro", "autre"}}, "2026-12-02");
  const auto documents = cited_documents(response, "next_steps", "france_travail");
  CHECK(contains(documents, "code_travail"));
  CHECK_FALSE(contains(documents, "revue_2026_12"));
}

TEST_CASE("a statement that only the team's review backs still shows it, so nothing is unsourced",
          "[rules][sources]") {
  // No official text on the MSA's own help is stored: contacter_msa rests on the review alone.
  const Json response = assess_answers({{"situation_pro", "msa"}}, "2026-12-02");
  CHECK(cited_documents(response, "next_steps", "contacter_msa") ==
        std::vector<std::string>{"revue_2026_12"});
}
