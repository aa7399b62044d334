// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>

#include "formats/parsed.hpp"
#include "xml/xml_input.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace hubsearch::detail {

/// True when `root` is a TEI document or corpus (`TEI` or `teiCorpus`, in the TEI namespace or
/// none).
bool is_tei(pugi::xml_node root);

/// Reads a TEI / Parla-CLARIN transcript (docs/formats/tei.md): a `teiCorpus` with its
/// component `TEI` files, inline or through xi:include relative to `path`'s directory, or a
/// single `TEI` file. Every speech (`u`) becomes a speech record. Warnings are appended with
/// line and column but no path. Throws InputError for a problem that rejects the input.
ParsedDocument read_tei(const XmlDocument& xml, const std::filesystem::path& path,
                        std::vector<Diagnostic>& warnings, const ReaderLimits& limits = {});

/// The files a TEI corpus file pulls in through xi:include (components, person and
/// organisation lists), resolved against `path`'s directory and lexically normalised; empty
/// when `xml` is not a teiCorpus. Used to index each component once, as part of its corpus.
std::vector<std::filesystem::path> tei_included_files(const XmlDocument& xml,
                                                      const std::filesystem::path& path);

}  // namespace hubsearch::detail
