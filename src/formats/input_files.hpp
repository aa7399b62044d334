// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>

#include <filesystem>
#include <vector>

namespace hubsearch::detail {

/// The input files under `path`: `path` itself when it is a file, else every file of a
/// supported kind under the directory (recursively), in name order so that runs are
/// reproducible. Unreadable directories are reported in `problems` (as errors) and skipped;
/// symbolic links are followed only with IndexOptions::follow_symlinks, and a link leading out
/// of `path` is otherwise reported as a warning.
std::vector<std::filesystem::path> list_inputs(const std::filesystem::path& path,
                                               const IndexOptions& options,
                                               std::vector<Diagnostic>& problems);

}  // namespace hubsearch::detail
