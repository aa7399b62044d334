// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
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

struct ConceptSet;

/// A concept: the same idea named in English, Russian and Kazakh.
struct ThesaurusConcept {
    std::string_view id;  ///< Concept id, or "topic:ID" for a topic of the vocabulary.
    std::vector<ThesaurusTerm> terms;
    std::vector<const ConceptSet*> sets;  ///< The concept sets it is a member of.
};

/// Concepts that one query word can name together: each has a term with the same stems in one
/// language (often a thesaurus concept and the topic of the same name). Records carry a term
/// per set (schema::concept + id), so that such a query reads one posting list.
struct ConceptSet {
    std::string_view id;  ///< The members' ids, sorted, joined by '+' (thesaurus_compiler.cpp).
    std::vector<const ThesaurusConcept*> members;
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

    /// The concept set whose members are exactly `concepts` (in any order, as find() gives
    /// them), or null when no set has those members.
    [[nodiscard]] const ConceptSet* set_of(
        const std::vector<const ThesaurusConcept*>& concepts) const;

    /// Every concept, in the order of the data files.
    [[nodiscard]] const std::vector<ThesaurusConcept>& concepts() const { return concepts_; }

    /// Identifies this thesaurus: an index records it when its concept terms come from it.
    [[nodiscard]] std::string_view fingerprint() const { return fingerprint_; }

private:
    Thesaurus();

    std::vector<ThesaurusConcept> concepts_;
    std::vector<ConceptSet> sets_;
    std::string_view fingerprint_;
};

}  // namespace hubsearch::detail
