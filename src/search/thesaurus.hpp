// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hubsearch::detail {

/// A term of a concept in one language: its words and their stems in that language.
struct ThesaurusTerm {
    std::string lang;
    std::string text;                ///< Normalised (case-folded) text.
    std::vector<std::string> stems;  ///< One stem per word.
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

/// The domain thesaurus (data/thesaurus.tsv) plus the topic vocabulary's labels, with every
/// term stemmed in its own language so that inflected query words find it. Thread-safe.
class Thesaurus {
public:
    /// The thesaurus compiled into the library.
    static const Thesaurus& instance();

    /// Finds concepts in a query, given for each word the set of forms it may stand for (the
    /// word itself and its stem in each language the query may be in). Longest terms win;
    /// matches do not overlap.
    [[nodiscard]] std::vector<ThesaurusMatch> find(
        const std::vector<std::vector<std::string>>& word_forms) const;

    [[nodiscard]] std::size_t concept_count() const noexcept { return concepts_.size(); }

private:
    Thesaurus();

    std::vector<ThesaurusConcept> concepts_;
};

}  // namespace hubsearch::detail
