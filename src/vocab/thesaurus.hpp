// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hubsearch::detail {

/// A term of a concept in one language.
struct ThesaurusTerm {
    // Views of the data compiled into the library: loading allocates only the vectors.
    std::string_view lang;                ///< "en", "ru" or "kk".
    std::string_view text;                ///< Normalised (case-folded) text.
    std::vector<std::string_view> stems;  ///< One stem per word, by the stemmer of `lang`.
};

/// A concept: the same idea named in English, Russian and Kazakh.
struct ThesaurusConcept {
    std::string_view id;  ///< Concept id, or "topic:ID" for a topic of the vocabulary.
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
/// stems so that inflected query words find a term. Terms come normalised and stemmed from the
/// build (thesaurus_compiler.cpp): this runs at the start of every hub-search process.
/// Thread-safe.
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

    /// Identifies this thesaurus: an index records it when its concept terms come from it.
    [[nodiscard]] std::string_view fingerprint() const { return fingerprint_; }

    /// A term and its concept, for finding terms in running text.
    struct TermRef {
        const ThesaurusTerm* term;
        const ThesaurusConcept* concept;
    };
    /// The terms of language `lang` whose first word has the stem `stem` (built on first use).
    [[nodiscard]] const std::vector<TermRef>& terms_starting_with(std::string_view lang,
                                                                  std::string_view stem) const;

private:
    Thesaurus();

    std::vector<ThesaurusConcept> concepts_;
    std::string_view fingerprint_;
    mutable std::once_flag indexed_;
    mutable std::map<std::pair<std::string_view, std::string_view>, std::vector<TermRef>>
        by_first_stem_;
};

}  // namespace hubsearch::detail
