// Which passages back each statement, once per rule set: the reply names only ids.
#include "core/cited_sources.hpp"

#include <algorithm>

namespace pdp {
namespace {

bool is_internal(const RuleSet& rules, const SourceRef& source) {
  const Document* document = rules.document(source.document);
  return document != nullptr && document->internal;
}

}  // namespace

Json shown_sources(const RuleSet& rules, const std::vector<SourceRef>& sources) {
  const bool official_cited = std::any_of(
      sources.begin(), sources.end(), [&](const SourceRef& s) { return !is_internal(rules, s); });
  Json list = Json::array();
  for (const auto& source : sources) {
    if (official_cited && is_internal(rules, source)) continue;
    Json entry = {{"document", source.document}, {"passage", source.passage}};
    if (!source.article.empty()) entry["article"] = source.article;
    list.push_back(std::move(entry));
  }
  return list;
}

Json documents_json(const RuleSet& rules) {
  Json documents = Json::object();
  for (const auto& document : rules.documents) {
    Json entry = {{"title", document.title}};
    if (!document.url.empty()) entry["url"] = document.url;
    if (document.date) entry["date"] = document.date->iso();
    documents[document.id] = std::move(entry);
  }
  return documents;
}

Json sources_by_id(const RuleSet& rules) {
  Json all = Json::object();
  Json criteria = Json::object();
  for (const auto& criterion : rules.criteria) {
    criteria[criterion.id] = shown_sources(rules, criterion.source);
  }
  all["criteria"] = std::move(criteria);
  for (ItemKind kind : kItemKinds) {
    Json items = Json::object();
    for (const auto& item : rules.items_of(kind))
      items[item.id] = shown_sources(rules, item.source);
    all[kind_name(kind)] = std::move(items);
  }
  return all;
}

}  // namespace pdp
