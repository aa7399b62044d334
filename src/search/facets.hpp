// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/search.hpp>

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
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

    /// Adds the counts of `other`.
    void merge(const FacetCounter& other);

private:
    /// Counts per line of the slot ("y2019", "cKZ"...): an open-addressing table, because this
    /// runs for every matching record and std::unordered_map's lookups were most of its time.
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t line = 0;  ///< Index in lines_ + 1; 0 marks an empty slot.
        std::size_t count = 0;
    };
    void add(std::string_view line, std::uint64_t hash, std::size_t count);
    void grow();

    std::vector<Slot> slots_ = std::vector<Slot>(256);
    std::vector<std::string> lines_;
};

/// Counts the facets of every record `query` matches in `db`, and the matches. Records are
/// only counted, not ranked, which makes this cheaper than ranking the whole match set. With
/// `second`, another handle on the same revision of the index, half of the records are counted
/// on a second thread.
std::map<std::string, std::vector<FacetCount>> count_facets(const Xapian::Database& db,
                                                            Xapian::Database* second,
                                                            const Xapian::Query& query,
                                                            Xapian::doccount& matches);

}  // namespace hubsearch::detail
