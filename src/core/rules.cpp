// Look-ups on a loaded rule set.
#include "core/rules.hpp"

#include <algorithm>

namespace pdp {

bool Question::has_option(const std::string& option) const {
  return std::find(options.begin(), options.end(), option) != options.end();
}

bool Question::is_exclusive(const std::string& option) const {
  return std::find(exclusive.begin(), exclusive.end(), option) != exclusive.end();
}

const char* kind_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::programme:
      return "programmes";
    case ItemKind::measure:
      return "measures";
    case ItemKind::actor:
      return "actors";
    case ItemKind::channel:
      return "channels";
    case ItemKind::next_step:
      return "next_steps";
  }
  return "";
}

const char* item_text_key(ItemKind kind) {
  if (kind == ItemKind::actor) return "role";
  if (kind == ItemKind::channel) return "how";
  return "text";
}

int RuleSet::question_index(const std::string& id) const {
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (questions[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

bool RuleSet::has_locale(const std::string& code) const {
  return std::find(locales.begin(), locales.end(), code) != locales.end();
}

const std::vector<Item>& RuleSet::items_of(ItemKind kind) const {
  return items[static_cast<std::size_t>(kind)];
}

const Item* RuleSet::programme(const std::string& id) const {
  for (const auto& item : items_of(ItemKind::programme)) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

const Document* RuleSet::document(const std::string& id) const {
  for (const auto& document : documents) {
    if (document.id == id) return &document;
  }
  return nullptr;
}

}  // namespace pdp
