// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analyzer.hpp"

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hubsearch::detail {

/// Finds the thesaurus's terms in a record's texts, so that the record carries one term per
/// concept it names (schema::concept). A query then expands to a concept with one posting list
/// instead of every name of the concept in three languages. Not thread-safe.
class ConceptTagger {
public:
    explicit ConceptTagger(const Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Counts, `weight` times each, the concepts named in `text` (normalised, in language
    /// `lang`): a term is named when the stems of all its words occur in the text.
    void add_text(std::string_view text, const std::string& lang, Xapian::termcount weight);

    /// Adds a term per concept counted since the last call, and starts counting afresh.
    void add_terms_to(Xapian::Document& doc);

private:
    const std::string& stem(const std::string& word, const std::string& lang);

    const Analyzer& analyzer_;
    std::map<std::string_view, Xapian::termcount> counts_;
    // Texts repeat their words (Zipf): most stems are found here rather than computed.
    std::unordered_map<std::string, std::string> stems_;
};

}  // namespace hubsearch::detail
