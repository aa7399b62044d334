// SPDX-License-Identifier: MIT
#include "cli/index_location.hpp"

#include <cstdlib>

namespace hubsearch::cli {

std::filesystem::path default_index_path() {
    if (const char* env = std::getenv(index_env_var); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        return std::filesystem::path(xdg) / "hubsearch" / "index";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::filesystem::path(home) / ".local" / "share" / "hubsearch" / "index";
    }
    return "hubsearch-index";
}

std::string index_option_help() {
    return "index directory (default: $" + std::string(index_env_var) +
           ", else $XDG_DATA_HOME/hubsearch/index, else ~/.local/share/hubsearch/index; now " +
           default_index_path().string() + ")";
}

}  // namespace hubsearch::cli
