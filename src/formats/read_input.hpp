// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>

#include "formats/parsed.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hubsearch::detail {

/// Reads one input file's bytes in `format`, or with InputFormat::automatic in whichever
/// supported format its content shows.
/// `path` names it in records and diagnostics. Warnings are appended to `warnings` with line
/// and column but no path. Throws InputError for a problem that rejects the whole input.
ParsedInput read_input(std::string_view bytes, const std::filesystem::path& path,
                       std::vector<Diagnostic>& warnings, const ReaderLimits& limits = {},
                       InputFormat format = InputFormat::automatic);

}  // namespace hubsearch::detail
