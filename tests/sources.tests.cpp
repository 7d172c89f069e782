// Every rule cites a passage that really stands in the source it names.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"

using namespace pdp::test;
using pdp::Json;

namespace {

// What cites sources: a question, a criterion or an item, with its citations.
struct Citing {
  std::string id;
  const std::vector<pdp::SourceRef>* sources;
};

const std::vector<Citing>& citing() {
  static const std::vector<Citing> all = [] {
    const auto& rules = shipped_rules();
    std::vector<Citing> out;
    for (const auto& question : rules.questions) out.push_back({question.id, &question.source});
    for (const auto& criterion : rules.criteria) out.push_back({criterion.id, &criterion.source});
    for (pdp::ItemKind kind : pdp::kItemKinds) {
      for (const auto& item : rules.items_of(kind)) out.push_back({item.id, &item.source});
    }
    return out;
  }();
  return all;
}

// One citation a row, with who makes it.
struct Citation {
  std::string by;
  pdp::SourceRef source;
};

const std::vector<Citation>& citations() {
  static const std::vector<Citation> all = [] {
    std::vector<Citation> out;
    for (const Citing& owner : citing()) {
      for (const auto& source : *owner.sources) out.push_back({owner.id, source});
    }
    return out;
  }();
  return all;
}

// The passage check reads only the repository's rules/sources/: a document's file is a plain file
// name there, never a path that could lead elsewhere.
bool plain_file_name(const std::string& file) {
  return !file.empty() && file.find('/') == std::string::npos &&
         file.find('\\') == std::string::npos && file.front() != '.';
}

}  // namespace

TEST_CASE("every question, criterion and item cites a source", "[rules][sources]") {
  const Citing& owner = GENERATE(from_range(citing()));
  DYNAMIC_SECTION(owner.id) {
    CHECK_FALSE(owner.sources->empty());
  }
}

TEST_CASE("every document the rules cite is kept in the repository, in rules/sources/",
          "[rules][sources]") {
  const pdp::Document& document = GENERATE(from_range(shipped_rules().documents));
  DYNAMIC_SECTION(document.id << ": " << document.file) {
    CHECK(plain_file_name(document.file));
    CHECK_NOTHROW(read_text(PDP_SOURCE_DIR "/rules/sources/" + document.file));
  }
}

TEST_CASE("every question, criterion and item cites a passage found in its source document",
          "[rules][sources]") {
  const Citation& citation = GENERATE(from_range(citations()));
  const pdp::SourceRef& source = citation.source;
  DYNAMIC_SECTION(citation.by << " cites " << source.document << ": " << source.passage) {
    const pdp::Document* document = shipped_rules().document(source.document);
    REQUIRE(document != nullptr);
    REQUIRE(plain_file_name(document->file));
    const std::string text = read_text(PDP_SOURCE_DIR "/rules/sources/" + document->file);
    CHECK(text.find(source.passage) != std::string::npos);
    if (!source.article.empty()) {
      // "CSS D622-10-1" is cited in the notes as "CSS D622-10-1" or within a list "L323-3-1, …".
      const std::string code = source.article.substr(source.article.find(' ') + 1);
      CHECK(text.find(code) != std::string::npos);
    }
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
  const Json response = worded(assess_answers({{"situation_pro", "autre"}}, "2026-12-02"));
  const auto documents = cited_documents(response, "next_steps", "france_travail");
  CHECK(contains(documents, "code_travail"));
  CHECK_FALSE(contains(documents, "revue_2026_12"));
}

TEST_CASE("a statement that only the team's review backs still shows it, so nothing is unsourced",
          "[rules][sources]") {
  // No official text on the MSA's own help is stored: contacter_msa rests on the review alone.
  const Json response = worded(assess_answers({{"situation_pro", "msa"}}, "2026-12-02"));
  CHECK(cited_documents(response, "next_steps", "contacter_msa") ==
        std::vector<std::string>{"revue_2026_12"});
}
