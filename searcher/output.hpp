// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/record.hpp>
#include <hubsearch/search.hpp>

#include <ostream>
#include <string>

namespace hubsearch::cli {

/// How human-readable output marks matched words.
struct HumanStyle {
    bool color = false;  ///< ANSI bold when true, [brackets] otherwise.
};

/// The highlight markers to request from the library for `style`.
std::pair<std::string, std::string> highlight_markers(const HumanStyle& style);

/// Prints a result page for a person at a terminal.
void print_human(std::ostream& out, const std::string& query, const SearchRequest& request,
                 const SearchResults& results);

/// Prints how a query was understood (--explain).
void print_explanation(std::ostream& out, const QueryExplanation& explanation);

/// Prints a result page as JSON (docs/json-schema.md).
void print_json(std::ostream& out, const std::string& query, const SearchRequest& request,
                const SearchResults& results);

/// Prints one full record for a person.
void print_record_human(std::ostream& out, const Record& record);

/// Prints one full record as JSON (docs/json-schema.md).
void print_record_json(std::ostream& out, const Record& record);

}  // namespace hubsearch::cli
