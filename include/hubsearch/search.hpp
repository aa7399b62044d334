// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/export.hpp>
#include <hubsearch/record.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hubsearch {

/// An inclusive range of years.
struct YearRange {
    int from = 0;  ///< First year included.
    int to = 0;    ///< Last year included.
};

/// Restrictions on the records a search returns.
/// Values of one kind OR together; different kinds AND together. Empty means no restriction.
struct Filters {
    std::vector<std::string> topics;     ///< Topic ids or labels in any language.
    std::vector<std::string> countries;  ///< ISO codes or country names in any language.
    std::vector<YearRange> years;        ///< Year ranges.
    std::vector<RecordType> types;       ///< Record types.
    std::vector<std::string> languages;  ///< Language codes ("ru", "kk", "en").
};

/// What to search for and how much to return.
struct SearchRequest {
    /// Query text in Xapian query-parser syntax plus our fields (see docs/user-guide.md).
    /// Empty matches every record (useful with filters and facets).
    std::string query;
    Filters filters;         ///< Applied on top of the query's own field filters.
    std::size_t offset = 0;  ///< Number of best hits to skip.
    std::size_t limit = 10;  ///< Maximum hits to return.
    bool facets = false;     ///< Count topics, countries, years and types over all matches.
    bool snippets = true;    ///< Compute a highlighted snippet per hit.
    std::size_t snippet_length = 200;        ///< Approximate snippet length in characters.
    std::string highlight_start = "<mark>";  ///< Put before each matched word in snippets.
    std::string highlight_end = "</mark>";   ///< Put after each matched word in snippets.
    /// Also find records that name the query's concepts in the other languages (the domain
    /// thesaurus and topic labels), ranked below records matching the query's own words.
    bool expand_synonyms = true;
    /// Read the query in this language only ("ru", "kk", "en"). Empty: in every language its
    /// words may belong to, with Kazakh typed in Latin letters also read as Cyrillic.
    std::string query_language;
    /// Fill SearchResults::explanation.
    bool explain = false;
};

/// One way the query was read: its words stemmed in one language.
struct QueryReading {
    std::string language;            ///< "ru", "kk", "en", or "exact" for unstemmed forms.
    std::string text;                ///< The query text read (after transliteration, if any).
    std::vector<std::string> terms;  ///< Index terms it looks for; Z-prefixed ones are stems.
};

/// How a query was understood (SearchRequest::explain).
struct QueryExplanation {
    std::string normalized_query;         ///< After case folding and script repair.
    std::vector<std::string> languages;   ///< Languages the query was read in.
    std::vector<QueryReading> readings;   ///< One per language, plus the exact reading.
    std::vector<std::string> expansions;  ///< "concept: term, term, ..." per concept found.
    std::vector<std::string> filters;     ///< Filters applied, described in words.
    std::string correction;               ///< A spelling correction, if one was found.
    std::string xapian_query;             ///< The final query in Xapian's notation.
};

/// One result: the record's display fields, its score and snippet.
struct Hit {
    Record record;         ///< The record, with body and abstracts left empty.
    double score = 0;      ///< BM25 weight; only comparable within one result list.
    std::size_t rank = 0;  ///< Position in the full result list, from 1.
    /// A passage of the record with matched words between the highlight markers. The text is
    /// HTML-escaped (&amp; &lt; &gt;) so that it can be placed in a page as it is.
    std::string snippet;
};

/// A value of a facet and how many matching records have it.
struct FacetCount {
    std::string value;      ///< Topic id, country code, year or record type.
    std::size_t count = 0;  ///< Matching records carrying the value.
};

/// The outcome of a search.
struct SearchResults {
    std::size_t total_estimate = 0;  ///< Estimated number of matching records.
    std::vector<Hit> hits;           ///< The requested page, best first.
    /// When `SearchRequest::facets`: "topic", "country", "year", "type" and "language" mapped
    /// to counts over every matching record, largest first (years newest first).
    std::map<std::string, std::vector<FacetCount>> facets;
    /// True when no record matched all query words and the search fell back to any word.
    bool relaxed = false;
    /// A corrected query ("did you mean") when the query found little and the correction,
    /// made from the indexed vocabulary, finds more; otherwise empty.
    std::string suggestion;
    /// True when nothing matched the query as typed and the hits are those of `suggestion`.
    bool corrected = false;
    /// How the query was read, when SearchRequest::explain was set.
    std::optional<QueryExplanation> explanation;
};

/// Parses a year filter: "2019", "2018..2021", "2018.." or "..2021".
/// @throws Error with code invalid_argument.
[[nodiscard]] HUBSEARCH_EXPORT YearRange parse_year_range(std::string_view text);

/// Parses "study" or "speech" (any case). @throws Error with code invalid_argument.
[[nodiscard]] HUBSEARCH_EXPORT RecordType parse_record_type(std::string_view text);

/// A read-only, point-in-time view of an index.
/// Not thread-safe: use one Searcher per thread. Several searchers and one writer may use an
/// index at once. On a machine with two or more processors a search may run part of its work
/// on a second thread of its own (docs/api.md, "Thread safety and processes").
class HUBSEARCH_EXPORT Searcher {
public:
    /// Opens the index in `dir`.
    /// @throws Error with code not_found, corrupt or version_mismatch.
    explicit Searcher(const std::filesystem::path& dir);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Returns the records matching `request`, best first.
    /// @throws Error with code query_syntax (a query that cannot be understood even as plain
    /// words) or invalid_argument (an unknown filter value, such as a topic that resolves to
    /// no id).
    [[nodiscard]] SearchResults search(const SearchRequest& request) const;

    /// Returns the full record with identifier `id`, or nothing.
    [[nodiscard]] std::optional<Record> find(std::string_view id) const;

    /// Number of records in the index.
    [[nodiscard]] std::size_t record_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hubsearch
