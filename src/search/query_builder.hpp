// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/search.hpp>

#include "analysis/analyzer.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace hubsearch::detail {

/// Turns query text and filters into Xapian queries: our field names, filters resolved through
/// the vocabularies, and case folded so that capitalised words are stemmed too.
/// Not thread-safe.
class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, const Analyzer& analyzer);

    /// Parses `text` with `default_op` between words, once without stemming (exact forms) and
    /// once with the stemmer of each of `languages`, and ORs the readings: a record matches when
    /// its words make sense in one of the languages, and exact forms score above stem matches.
    /// An empty text matches everything.
    /// @throws Error(query_syntax) when the text cannot be understood even as plain words, and
    /// Error(invalid_argument) for a field filter naming an unknown topic, country, etc.
    [[nodiscard]] Xapian::Query parse(const std::string& text, Xapian::Query::op default_op,
                                      const std::vector<std::string>& languages);

    /// The filter for `filters`, or a null query when there is none.
    [[nodiscard]] static Xapian::Query filter(const Filters& filters);

    /// How many terms the last parse produced (0 for an empty or pure-filter query).
    [[nodiscard]] std::size_t term_count() const noexcept { return term_count_; }

private:
    /// One reading of the (already case-folded) text with `stemmer`.
    Xapian::Query parse_one(const std::string& folded, const std::string& original,
                            const Xapian::Stem& stemmer);

    Xapian::QueryParser parser_;
    const Analyzer& analyzer_;
    std::size_t term_count_ = 0;
};

/// Filter queries for one value of each kind. @throws Error(invalid_argument) for a value that
/// resolves to nothing.
Xapian::Query topic_filter(const std::string& value);
Xapian::Query country_filter(const std::string& value);
Xapian::Query year_filter(const YearRange& range);
Xapian::Query type_filter(const std::string& value);
Xapian::Query language_filter(const std::string& value);

}  // namespace hubsearch::detail
