// SPDX-License-Identifier: MIT
#include "search/spelling.hpp"

#include "analysis/case_fold.hpp"

#include <algorithm>
#include <vector>

namespace hubsearch::detail {

std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the optimal-string-alignment table.
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_min = std::min(row_min, current[j]);
        }
        if (row_min > limit) return limit + 1;
        before.swap(previous);
        previous.swap(current);
    }
    return std::min(previous[m], limit + 1);
}

std::string SpellingCorrector::correct_word(const std::string& word) const {
    const std::u32string wanted = utf8_to_u32(word);
    if (wanted.size() < 4 || db_.term_exists(word)) return {};
    const std::size_t limit = wanted.size() < 6 ? 1 : 2;
    const std::string first_letter = u32_to_utf8(wanted.substr(0, 1));

    std::string best;
    std::size_t best_distance = limit + 1;
    Xapian::doccount best_frequency = 0;
    for (auto it = db_.allterms_begin(first_letter); it != db_.allterms_end(first_letter); ++it) {
        const std::string candidate = *it;
        const std::u32string letters = utf8_to_u32(candidate);
        const std::size_t distance = edit_distance(wanted, letters, limit);
        if (distance > limit) continue;
        const Xapian::doccount frequency = it.get_termfreq();
        if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
            best = candidate;
            best_distance = distance;
            best_frequency = frequency;
        }
    }
    return best;
}

}  // namespace hubsearch::detail
