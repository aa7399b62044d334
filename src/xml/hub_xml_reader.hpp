// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>
#include <hubsearch/record.hpp>

#include "formats/parsed.hpp"
#include "xml/xml_input.hpp"

#include <string>
#include <vector>

namespace hubsearch::detail {

/// True when `root` is a hub-XML study or transcript.
bool is_hub_xml(pugi::xml_node root);

/// Reads a hub-XML study or transcript (docs/hub-xml.md). Warnings are appended to `warnings`
/// with line and column but no path. Throws InputError for a problem that rejects the file.
ParsedDocument read_hub_xml(const XmlDocument& xml, const std::string& source,
                            std::vector<Diagnostic>& warnings, const ReaderLimits& limits = {});

}  // namespace hubsearch::detail
