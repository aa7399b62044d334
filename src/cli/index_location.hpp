// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>

namespace hubsearch::cli {

/// The environment variable that overrides the default index location.
inline constexpr const char* index_env_var = "HUBSEARCH_DB";

/// The index used when no --db is given: $HUBSEARCH_DB, else
/// $XDG_DATA_HOME/hubsearch/index, else ~/.local/share/hubsearch/index, else ./hubsearch-index.
std::filesystem::path default_index_path();

/// The text --help shows for --db.
std::string index_option_help();

/// Exit codes shared by both tools (docs/user-guide.md).
enum ExitCode : int {
    exit_ok = 0,        ///< Everything worked.
    exit_rejected = 1,  ///< hub-index: some inputs rejected; hub-search: --show ID unknown.
    exit_usage = 2,     ///< Bad options or a query that cannot be understood.
    exit_unusable = 3,  ///< The index cannot be opened, read or written.
};

}  // namespace hubsearch::cli
