// Markdown output. Escaping is by character rather than by context: a few extra backslashes are
// harmless, a missed one silently changes what a reviewer reads.
#include "core/doc/markdown_writer.hpp"

namespace pdp::doc {
namespace {

std::string escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';  // a line break would end a list item or a table row
        break;
      default:
        out += c;
    }
  }
  return out;
}

// An address inside (...): spaces and parentheses would end it early.
std::string escaped_url(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == ' ') {
      out += "%20";
    } else if (c == '(') {
      out += "%28";
    } else if (c == ')') {
      out += "%29";
    } else {
      out += c;
    }
  }
  return out;
}

std::string inline_text(const Text& text) {
  std::string out;
  for (const Span& span : text) {
    std::string words = span.text;
    // "**Lead :** value": CommonMark ignores a closing "**" after a space, so trailing spaces go
    // outside the emphasis.
    std::string trailing;
    while (!words.empty() && words.back() == ' ') {
      trailing += ' ';
      words.pop_back();
    }
    std::string piece = escaped(words);
    if (!span.url.empty()) piece = "[" + piece + "](" + escaped_url(span.url) + ")";
    if (span.strong && !piece.empty()) piece = "**" + piece + "**";
    out += piece + trailing;
  }
  return out;
}

void list_items(const std::vector<ListItem>& items, const std::string& indent, std::string& out) {
  for (const ListItem& item : items) {
    out += indent + "- " + inline_text(item.text) + "\n";
    list_items(item.children, indent + "  ", out);
  }
}

void table(const Table& table, std::string& out) {
  out += "|";
  for (const std::string& cell : table.header) out += " " + escaped(cell) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < table.header.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const Text& cell : row) out += " " + inline_text(cell) + " |";
    out += "\n";
  }
}

}  // namespace

std::string markdown(const Document& document) {
  std::string out;
  for (const Block& block : document.blocks) {
    if (!out.empty()) out += "\n";
    switch (block.kind) {
      case Block::Kind::heading:
        out += std::string(static_cast<std::size_t>(block.level), '#') + " " +
               inline_text(block.text) + "\n";
        break;
      case Block::Kind::paragraph:
        out += inline_text(block.text) + "\n";
        break;
      case Block::Kind::list:
        list_items(block.items, "", out);
        break;
      case Block::Kind::table:
        table(block.table, out);
        break;
    }
  }
  return out;
}

}  // namespace pdp::doc
