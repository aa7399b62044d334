// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>

#include "formats/parsed.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace hubsearch::detail {

/// True when `bytes` are a PDF file ("%PDF-" within the first 1024 bytes).
bool is_pdf(std::string_view bytes);

/// The sidecar of a PDF: the hub-XML file beside it with the same name and extension ".xml".
std::filesystem::path pdf_sidecar(const std::filesystem::path& pdf);

/// Reads a PDF as one study (docs/formats/pdf.md): its text, extracted with poppler, is the
/// body; the metadata comes from its sidecar when there is one, else from the PDF's
/// information dictionary. Warnings are appended without a path. Throws InputError when the
/// PDF cannot be read or the sidecar is invalid.
ParsedDocument read_pdf(std::string_view bytes, const std::filesystem::path& path,
                        std::vector<Diagnostic>& warnings, const ReaderLimits& limits = {});

}  // namespace hubsearch::detail
