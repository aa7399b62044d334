// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/search.hpp>

#include <xapian.h>

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hubsearch::detail {

/// Counts every facet value (schema::slot_facets) over the documents it is shown. Multi-valued
/// facets count once per value: a study covering three countries counts for each.
class FacetCounter : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;

    /// The counts per facet name (topic, country, year, type, language), largest first with
    /// ties by value; years newest first.
    [[nodiscard]] std::map<std::string, std::vector<FacetCount>> counts() const;

private:
    /// Counts of one facet, keyed by views of strings it owns.
    struct Tally {
        std::unordered_map<std::string_view, std::size_t> counts;
        std::deque<std::string> values;
        void add(std::string_view value);
    };
    Tally year_, type_, topic_, country_, language_;
};

/// Counts the facets of every record `query` matches in `db`. Records are only counted, not
/// ranked, which makes this cheaper than ranking the whole match set.
std::map<std::string, std::vector<FacetCount>> count_facets(const Xapian::Database& db,
                                                            const Xapian::Query& query,
                                                            Xapian::doccount& matches);

}  // namespace hubsearch::detail
