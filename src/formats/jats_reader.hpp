// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>

#include "formats/parsed.hpp"
#include "xml/xml_input.hpp"

#include <string>
#include <vector>

namespace hubsearch::detail {

/// True when `root` is a JATS article: `article` (no namespace) with `front/article-meta`.
bool is_jats(pugi::xml_node root);

/// Reads a JATS article as one study (docs/formats/jats.md). Warnings are appended with line
/// and column but no path. Throws InputError for a problem that rejects the file.
ParsedDocument read_jats(const XmlDocument& xml, const std::string& source,
                         std::vector<Diagnostic>& warnings, const ReaderLimits& limits = {});

}  // namespace hubsearch::detail
