// SPDX-License-Identifier: MIT
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace hubsearch::detail {

/// A rule-based suffix stripper for Kazakh in Cyrillic script (there is no Snowball stemmer for
/// Kazakh). It removes, right to left, one case ending, one possessive ending, one plural
/// ending and one -лық/-лік derivation, checking vowel harmony, the consonant the allomorph
/// needs and a minimum stem, then maps the stem to a canonical key (the rules and what is not
/// done are in docs/kazakh-stemmer.md). The result is an index key, not always a real word:
/// "жалақы" and "жалақысы" both give "жалақ".
class KazakhStemmer : public Xapian::StemImplementation {
public:
    /// Stems one lower-cased UTF-8 word; anything that is not all Cyrillic letters (or is not
    /// valid UTF-8) is returned unchanged.
    std::string operator()(const std::string& word) override;

    /// Returns "kazakh".
    std::string get_description() const override;

private:
    /// Stems already computed: a text repeats its words, and the rules cost far more than a
    /// lookup (snippets stem every word of a record's text at every search).
    std::unordered_map<std::string, std::string> known_;
};

/// The same stemming as KazakhStemmer, as a free function for code that has no Xapian::Stem.
std::string stem_kazakh(const std::string& word);

}  // namespace hubsearch::detail
