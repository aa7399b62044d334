// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>

#include "formats/parsed.hpp"
#include "xml/xml_input.hpp"

#include <string>
#include <vector>

namespace hubsearch::detail {

/// True when `root` is an OAI-PMH response (`OAI-PMH` in the OAI-PMH 2.0 namespace).
bool is_oai_pmh(pugi::xml_node root);

/// Reads a ListRecords or GetRecord response (docs/formats/oai-pmh.md): each record with
/// oai_dc metadata becomes a study, each deleted record a deleted document id. A record that
/// cannot be read is skipped with a warning; the response itself is rejected (InputError)
/// only when it is an OAI-PMH error or holds no records.
ParsedInput read_oai_pmh(const XmlDocument& xml, const std::string& source,
                         std::vector<Diagnostic>& warnings, const ReaderLimits& limits = {});

}  // namespace hubsearch::detail
