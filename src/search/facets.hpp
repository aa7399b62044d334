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

/// Every record's facet values (schema::slot_facets), read from the index in one pass and kept
/// in memory, so that counting a match is a lookup by document number instead of a read of its
/// value. Immutable once read: threads may share it.
class FacetTable {
public:
    /// Reads the facet values of every document of `db` (about 22 ms per 100,000 records).
    explicit FacetTable(const Xapian::Database& db);

    /// The ids (indexes in lines()) of the facet values of document `docid`, as [first, last).
    [[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> values_of(
        Xapian::docid docid) const {
        if (docid + 1 >= starts_.size()) return {nullptr, nullptr};
        return {ids_.data() + starts_[docid], ids_.data() + starts_[docid + 1]};
    }
    /// The distinct facet lines ("y2019", "cKZ"...).
    [[nodiscard]] const std::vector<std::string>& lines() const { return lines_; }

private:
    std::vector<std::uint32_t> starts_;  ///< By docid: where its ids start in ids_.
    std::vector<std::uint32_t> ids_;
    std::vector<std::string> lines_;
};

/// Counts every facet value over the documents it is shown. Multi-valued facets count once per
/// value: a study covering three countries counts for each. With a FacetTable the values are
/// looked up there; without, each document's value slot is read.
class FacetCounter : public Xapian::MatchSpy {
public:
    explicit FacetCounter(const FacetTable* table = nullptr);

    void operator()(const Xapian::Document& doc, double weight) override;

    /// The counts per facet name (topic, country, year, type, language), largest first with
    /// ties by value; years newest first.
    [[nodiscard]] std::map<std::string, std::vector<FacetCount>> counts() const;

    /// Adds the counts of `other`.
    void merge(const FacetCounter& other);

    /// The table it looks values up in, or null.
    [[nodiscard]] const FacetTable* table() const { return table_; }

private:
    /// Counts per line of the slot: an open-addressing table, because this runs for every
    /// matching record and std::unordered_map's lookups were most of its time.
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t line = 0;  ///< Index in lines_ + 1; 0 marks an empty slot.
        std::size_t count = 0;
    };
    void add(std::string_view line, std::uint64_t hash, std::size_t count);
    void grow();

    std::vector<Slot> slots_ = std::vector<Slot>(256);
    std::vector<std::string> lines_;
    const FacetTable* table_;
    std::vector<std::size_t> by_id_;  ///< With a table: counts by its line ids.
};

/// Counts the facets of every record `query` matches in `db`, and the matches. Records are
/// only counted, not ranked, which makes this cheaper than ranking the whole match set. With
/// `second`, another handle on the same revision of the index, half of the records are counted
/// on a second thread; with `table` (read from that revision), values are looked up there.
std::map<std::string, std::vector<FacetCount>> count_facets(const Xapian::Database& db,
                                                            Xapian::Database* second,
                                                            const FacetTable* table,
                                                            const Xapian::Query& query,
                                                            Xapian::doccount& matches);

}  // namespace hubsearch::detail
