// Messages quote what they were given; this keeps such quotes valid and bounded.
#include "core/quote.hpp"

#include "core/json_writer.hpp"
#include "core/logic/utf8.hpp"

namespace pdp {

std::string quoted_text(std::string_view text, std::size_t max_bytes) {
  namespace utf8 = logic::utf8;
  const std::size_t cut_room = max_bytes < 3 ? 0 : max_bytes - 3;  // room left beside "..."
  std::string out;
  std::size_t cut = 0;  // the longest prefix of whole characters that fits beside "..."
  std::size_t i = 0;
  while (i < text.size() && out.size() <= max_bytes) {
    utf8::encode(out, utf8::decode(text, i));
    if (out.size() <= cut_room) cut = out.size();
  }
  if (i >= text.size() && out.size() <= max_bytes) return out;
  out.resize(cut);
  out += "...";
  return out;
}

std::string quoted_value(const nlohmann::json& value) {
  return quoted_text(json_text(value), 60);
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "\"" : ", \"") + item + "\"";
  return out;
}

}  // namespace pdp
