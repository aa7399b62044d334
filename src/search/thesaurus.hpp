// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace hubsearch::detail {

/// A term of a concept in one language.
struct ThesaurusTerm {
    std::string lang;                ///< "en", "ru" or "kk".
    std::string text;                ///< Normalised (case-folded) text.
    std::vector<std::string> words;  ///< Its words.
    std::vector<std::string> stems;  ///< One stem per word, once its language is prepared.
};

/// A concept: the same idea named in English, Russian and Kazakh.
struct ThesaurusConcept {
    std::string id;  ///< Concept id, or "topic:ID" for a topic of the vocabulary.
    std::vector<ThesaurusTerm> terms;
};

/// Where concepts were found in a query's words: every concept with a term spanning the same
/// words (a thesaurus concept and a topic often share a name).
struct ThesaurusMatch {
    std::vector<const ThesaurusConcept*> concepts;
    std::size_t first_word = 0;
    std::size_t word_count = 0;
};

/// The domain thesaurus (data/thesaurus.tsv) plus the topic vocabulary's labels, matched on
/// stems so that inflected query words find a term. Terms are stemmed per language on first
/// use, so that a query costs only the stemming of the languages it may be in (this runs at
/// the start of every hub-search process). Thread-safe.
class Thesaurus {
public:
    /// The thesaurus compiled into the library.
    static const Thesaurus& instance();

    /// Finds concepts in a query, given for each word the set of forms it may stand for (the
    /// word itself and its stem in each of `languages`). Only terms in `languages` are
    /// considered. Longest terms win; matches do not overlap.
    [[nodiscard]] std::vector<ThesaurusMatch> find(
        const std::vector<std::vector<std::string>>& word_forms,
        const std::vector<std::string>& languages) const;

private:
    Thesaurus();
    /// Stems every term of `lang` once; returns false for a language the thesaurus lacks.
    bool prepare(const std::string& lang) const;

    /// Mutable only for the stems, filled once per language under prepared_.
    mutable std::vector<ThesaurusConcept> concepts_;
    static constexpr std::array<const char*, 3> languages_{"en", "ru", "kk"};
    mutable std::array<std::once_flag, 3> prepared_;
};

}  // namespace hubsearch::detail
