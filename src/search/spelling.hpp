// SPDX-License-Identifier: MIT
#pragma once

#include <xapian.h>

#include <string>

namespace hubsearch::detail {

/// Suggests corrections for words the index does not hold, from the words it does.
///
/// Xapian's own spelling dictionary made indexing three times slower and the index much larger,
/// for a feature used only when a query finds little; so corrections are looked up at query
/// time among the indexed words instead. Not thread-safe (it reads through `db`).
class SpellingCorrector {
public:
    explicit SpellingCorrector(const Xapian::Database& db) : db_(db) {}

    /// The indexed word nearest to `word` (lower-case, unprefixed): at most two edits away
    /// (insertions, deletions, substitutions, transpositions; one for words under six letters),
    /// same first letter, fewest edits first, then the word in most records. Empty when the
    /// index holds `word` itself or nothing near it.
    [[nodiscard]] std::string correct_word(const std::string& word) const;

private:
    const Xapian::Database& db_;
};

/// Damerau–Levenshtein distance between two code-point strings, or `limit + 1` as soon as it
/// is sure to exceed `limit`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit);

}  // namespace hubsearch::detail
