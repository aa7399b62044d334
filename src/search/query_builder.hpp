// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/search.hpp>

#include "analysis/analyzer.hpp"
#include "search/spelling.hpp"
#include "vocab/thesaurus.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace hubsearch::detail {

/// A query ready to run, and how it was made.
struct BuiltQuery {
    Xapian::Query query;           ///< Query text readings and expansions; no request filters.
    std::size_t word_count = 0;    ///< Distinct terms of the exact reading (0: filters only).
    QueryExplanation explanation;  ///< Always filled; cheap.
};

/// Turns query text and filters into Xapian queries: the text read in each language its words
/// may be in (and unstemmed, so exact forms score higher), Kazakh Latin transliterated,
/// thesaurus concepts expanded across languages, our field names, and filters resolved through
/// the vocabularies. Not thread-safe.
class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, const Analyzer& analyzer);

    /// Builds the query for `request`'s text with `default_op` between words. An empty text
    /// matches everything.
    /// @throws Error(query_syntax) when the text cannot be understood even as plain words, and
    /// Error(invalid_argument) for a field filter naming an unknown topic, country, etc.
    [[nodiscard]] BuiltQuery build(const SearchRequest& request, Xapian::Query::op default_op);

    /// The filter for `filters`, or a null query when there is none.
    [[nodiscard]] static Xapian::Query filter(const Filters& filters);

private:
    /// One reading of normalised `text` with `stemmer`.
    Xapian::Query parse_one(const std::string& text, const std::string& original,
                            const Xapian::Stem& stemmer);
    /// The cross-language expansion of plain-word queries, or a null query.
    Xapian::Query expand(const std::string& normalized, const std::vector<std::string>& languages,
                         Xapian::Query::op default_op, QueryExplanation& explanation);

    /// The expansion of the query words `match` spans to the concepts they name.
    Xapian::Query concept_unit(const ThesaurusMatch& match,
                               const std::vector<Xapian::Query>& word_queries) const;

    /// The query with its Kazakh words typed in Latin letters written in Cyrillic, or "" when
    /// it has none.
    std::string transliterate_kazakh(const std::string& text) const;
    /// The query with each unknown plain word replaced by its nearest indexed word, or "".
    std::string correct_spelling(const std::string& normalized) const;

    const Xapian::Database& db_;
    Xapian::QueryParser parser_;
    const Analyzer& analyzer_;
    SpellingCorrector spelling_;
    bool concept_terms_;  ///< The index has this thesaurus's concept terms (schema::concept).
};

/// Filter queries for one value of each kind. @throws Error(invalid_argument) for a value that
/// resolves to nothing.
Xapian::Query topic_filter(const std::string& value);
Xapian::Query country_filter(const std::string& value);
Xapian::Query year_filter(const YearRange& range);
Xapian::Query type_filter(const std::string& value);
Xapian::Query language_filter(const std::string& value);

/// Describes `filters` in words for explanations: "country: KZ | UZ".
std::vector<std::string> describe(const Filters& filters);

}  // namespace hubsearch::detail
