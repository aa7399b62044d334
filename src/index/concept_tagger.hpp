// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analyzer.hpp"
#include "vocab/thesaurus.hpp"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hubsearch::detail {

struct LanguageTerms;

/// Finds the thesaurus's terms in a record's texts, so that the record carries one term per
/// concept it names, and one per concept set those concepts belong to (schema::concept). A
/// query then expands to a concept, or to the concepts a word names together, with one posting
/// list instead of every name of the concepts in three languages. Not thread-safe.
class ConceptTagger {
public:
    explicit ConceptTagger(const Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Counts, `weight` times each, the concepts named in `text` (normalised, in language
    /// `lang`): a term is named when the stems of all its words occur in the text.
    void add_text(std::string_view text, const std::string& lang, Xapian::termcount weight);

    /// Adds a term per concept counted since the last call and a term per concept set of those
    /// concepts, and starts counting afresh. Returns the wdf the set terms added up to.
    Xapian::termcount add_terms_to(Xapian::Document& doc);

private:
    /// One language's word cache and counts.
    struct Language {
        const LanguageTerms* terms = nullptr;  ///< The thesaurus's terms in this language.
        const Xapian::Stem* stemmer = nullptr;
        /// Each word seen, with the number of its stem among the words of terms (see
        /// LanguageTerms), or none. Texts repeat their words (Zipf): most words are found here
        /// rather than stemmed.
        std::unordered_map<std::string, std::uint32_t> stem_number_of_word;
        /// How often each term word occurs in the current text, by stem number (zero between
        /// texts), and which of them occur.
        std::vector<Xapian::termcount> occurrences;
        std::vector<std::uint32_t> occurring;
    };

    /// The number of `word`'s stem among the words of `language`'s terms, or none.
    std::uint32_t stem_number(Language& language, std::string_view word);

    const Analyzer& analyzer_;
    std::array<Language, 3> languages_;  ///< English, Russian, Kazakh.
    std::string key_;                    ///< Reused, so that a cache look-up allocates nothing.
    /// The concepts named in the current text, and in the record since the last add_terms_to.
    std::vector<std::pair<const ThesaurusConcept*, Xapian::termcount>> named_here_;
    std::unordered_map<const ThesaurusConcept*, Xapian::termcount> counts_;
};

}  // namespace hubsearch::detail
