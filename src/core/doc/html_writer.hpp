// The document as one standalone HTML page: no script and nothing loaded but its sibling
// stylesheet, so it is served as is under the page's strict Content-Security-Policy
// (default-src 'self', no inline style).
#pragma once

#include <string>

#include "core/doc/document.hpp"

namespace pdp::doc {

// The stylesheet the page links to, next to it ("regles.css", from docs/regles.css).
inline constexpr const char* kStylesheet = "regles.css";

std::string html(const Document& document);

}  // namespace pdp::doc
