// A neutral model of a document (headings, paragraphs, lists, tables), so that one builder serves
// both the Markdown and the HTML writers and neither knows anything of the rules.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace pdp::doc {

// A run of text, plain or strong, optionally a link. Writers escape it: it holds no markup.
struct Span {
  std::string text;
  std::string url;  // empty: not a link
  bool strong = false;
};

using Text = std::vector<Span>;

struct ListItem {
  Text text;
  std::vector<ListItem> children;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<Text>> rows;
};

struct Block {
  enum class Kind { heading, paragraph, list, table };
  Kind kind = Kind::paragraph;
  int level = 0;       // headings: 1 is the document's title
  std::string anchor;  // headings: a stable id other places can link to ("question-situation_pro")
  Text text;           // headings and paragraphs
  std::vector<ListItem> items;  // lists
  Table table;                  // tables
};

struct Document {
  std::string title;
  std::string language;  // "fr"
  std::vector<Block> blocks;
};

// A text's words of another language, marked "[fr:médecin-conseil]" in a locale (the page shows
// them as <span lang="fr">, web/language-marks.js): the document gives the words alone.
inline std::string without_language_marks(std::string text) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const bool opens = text[at] == '[' && at + 4 < text.size() && text[at + 1] >= 'a' &&
                       text[at + 1] <= 'z' && text[at + 2] >= 'a' && text[at + 2] <= 'z' &&
                       text[at + 3] == ':';
    const std::size_t end = opens ? text.find_first_of("[]", at + 4) : std::string::npos;
    if (end != std::string::npos && text[end] == ']' && end > at + 4) {
      out.append(text, at + 4, end - at - 4);
      at = end + 1;
    } else {
      out.push_back(text[at]);
      ++at;
    }
  }
  return out;
}

// Short builders, so that the document's structure reads clearly where it is assembled.
inline Span plain(std::string text) {
  return Span{without_language_marks(std::move(text)), "", false};
}
inline Span strong(std::string text) {
  return Span{without_language_marks(std::move(text)), "", true};
}
inline Span link(std::string text, std::string url) {
  return Span{std::move(text), std::move(url), false};
}

}  // namespace pdp::doc
