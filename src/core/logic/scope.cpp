// JsonScope: `var` names resolved in plain JSON data, step by step as json-logic-js does it.
#include "core/logic/scope.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/logic/javascript.hpp"

namespace pdp::logic {
namespace {

// JavaScript's array index keys are canonical: "0", "17", but not "01", "-1" or "1.0".
std::optional<std::size_t> array_index(std::string_view key) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
  std::size_t index = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  if (index >= 4294967295u) return std::nullopt;  // 2^32 - 1 is not an array index
  return index;
}

// current = current[key]; false when that is undefined. Values that are not stored in the data
// (lengths, characters of strings) go to `holder`.
bool step(const Json*& current, std::string_view key, Json& holder) {
  if (current->is_object()) {
    const auto member = current->find(key);
    if (member == current->end() || js::is_undefined(*member)) return false;
    current = &*member;
    return true;
  }
  if (current->is_array()) {
    if (key == "length") {
      Json length = current->size();
      holder = std::move(length);
      current = &holder;
      return true;
    }
    const std::optional<std::size_t> index = array_index(key);
    if (!index || *index >= current->size()) return false;
    const Json& element = (*current)[*index];
    if (js::is_undefined(element)) return false;
    current = &element;
    return true;
  }
  if (current->is_string()) {
    const std::string& text = *current->get_ptr<const Json::string_t*>();
    Json next;
    if (key == "length") {
      next = js::utf16_length(text);
    } else {
      const std::optional<std::size_t> index = array_index(key);
      if (!index || *index >= js::utf16_length(text)) return false;
      next = js::utf16_slice(text, *index, *index + 1);
    }
    holder = std::move(next);
    current = &holder;
    return true;
  }
  return false;  // numbers and booleans have no data properties
}

}  // namespace

std::optional<Value> JsonScope::lookup(const Json& name) const {
  if (js::is_nullish(name) ||
      (name.is_string() && name.get_ptr<const Json::string_t*>()->empty())) {
    return Value::known(data_);  // the whole data
  }
  // String(name), without a copy for the usual string names.
  std::string storage;
  std::string_view path;
  if (name.is_string()) {
    path = *name.get_ptr<const Json::string_t*>();
  } else {
    storage = js::to_string(name);
    path = storage;
  }
  const Json* current = &data_;
  Json holder;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = path.find('.', begin);
    const std::size_t end = dot == std::string_view::npos ? path.size() : dot;
    if (js::is_nullish(*current)) return std::nullopt;
    if (!step(current, path.substr(begin, end - begin), holder)) return std::nullopt;
    if (dot == std::string_view::npos) break;
    begin = dot + 1;
  }
  return Value::known(*current);
}

}  // namespace pdp::logic
