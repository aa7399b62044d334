// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace hubsearch::detail {

/// Calls `take(key, lang, text)` for each row of a KEY<TAB>LANG<TAB>TEXT data file (the format
/// of data/*.tsv), skipping blank lines, '#' comments and rows with fewer than three fields.
template <typename Take>
void for_each_tsv_row(std::string_view rest, Take take) {
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto tab1 = line.find('\t');
        if (tab1 == std::string_view::npos) continue;
        const auto tab2 = line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos) continue;
        take(line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1));
    }
}

}  // namespace hubsearch::detail
