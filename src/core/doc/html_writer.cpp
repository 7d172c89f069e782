// HTML output: a table of contents from the sections, then the blocks in order. Every text is
// escaped; the only attributes are ids, the stylesheet and the links of the sources.
#include "core/doc/html_writer.hpp"

namespace pdp::doc {
namespace {

std::string escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Only web addresses become links: a "javascript:" address in a rule file must not become code.
bool is_web_address(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || url.rfind("#", 0) == 0;
}

std::string inline_text(const Text& text) {
  std::string out;
  for (const Span& span : text) {
    std::string piece = escaped(span.text);
    if (!span.url.empty() && is_web_address(span.url)) {
      piece = "<a href=\"" + escaped(span.url) + "\">" + piece + "</a>";
    }
    if (span.strong) piece = "<strong>" + piece + "</strong>";
    out += piece;
  }
  return out;
}

void list_items(const std::vector<ListItem>& items, std::string& out) {
  out += "<ul>\n";
  for (const ListItem& item : items) {
    out += "<li>" + inline_text(item.text);
    if (!item.children.empty()) {
      out += "\n";
      list_items(item.children, out);
    }
    out += "</li>\n";
  }
  out += "</ul>\n";
}

void table(const Table& table, std::string& out) {
  // The wrapper scrolls sideways on a narrow screen instead of widening the page.
  out += "<div class=\"table\"><table>\n<thead><tr>";
  for (const std::string& cell : table.header)
    out += "<th scope=\"col\">" + escaped(cell) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (const Text& cell : row) out += "<td>" + inline_text(cell) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
}

std::string plain_text(const Text& text) {
  std::string out;
  for (const Span& span : text) out += span.text;
  return out;
}

void contents(const Document& document, std::string& out) {
  out += "<nav aria-labelledby=\"sommaire\">\n<h2 id=\"sommaire\">Sommaire</h2>\n<ul>\n";
  for (const Block& block : document.blocks) {
    if (block.kind != Block::Kind::heading || block.level != 2 || block.anchor.empty()) continue;
    out += "<li><a href=\"#" + escaped(block.anchor) + "\">" + escaped(plain_text(block.text)) +
           "</a></li>\n";
  }
  out += "</ul>\n</nav>\n";
}

}  // namespace

std::string html(const Document& document) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + escaped(document.language) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escaped(document.title) + "</title>\n<link rel=\"stylesheet\" href=\"" + kStylesheet +
      "\">\n</head>\n<body>\n<main>\n";
  bool contents_written = false;
  for (const Block& block : document.blocks) {
    // The table of contents follows the title and its first paragraph.
    if (!contents_written && block.kind == Block::Kind::heading && block.level == 2) {
      contents(document, out);
      contents_written = true;
    }
    switch (block.kind) {
      case Block::Kind::heading: {
        const std::string level = std::to_string(block.level < 1   ? 1
                                                 : block.level > 6 ? 6
                                                                   : block.level);
        out += "<h" + level;
        if (!block.anchor.empty()) out += " id=\"" + escaped(block.anchor) + "\"";
        out += ">" + inline_text(block.text) + "</h" + level + ">\n";
        break;
      }
      case Block::Kind::paragraph:
        out += "<p>" + inline_text(block.text) + "</p>\n";
        break;
      case Block::Kind::list:
        list_items(block.items, out);
        break;
      case Block::Kind::table:
        table(block.table, out);
        break;
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace pdp::doc
