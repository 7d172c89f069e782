// The passages a person is shown for a criterion or an item: what the info hands the page, and
// what the reply's texts (reply_texts.hpp) put back beside each id.
#pragma once

#include <vector>

#include "core/rules.hpp"

namespace pdp {

// `sources` without the team's internal notes where an official text backs the same statement:
// [{"document", "passage", "article"?}] (the document's title, address and date are in
// documents_json).
Json shown_sources(const RuleSet& rules, const std::vector<SourceRef>& sources);

// Every document, by id: {"title", "url"?, "date"?}.
Json documents_json(const RuleSet& rules);

// The sources shown for every criterion and item, by list and id: {"criteria": {id: [...]},
// "programmes": {...}, ...}.
Json sources_by_id(const RuleSet& rules);

}  // namespace pdp
