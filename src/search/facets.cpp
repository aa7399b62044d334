// SPDX-License-Identifier: MIT
#include "search/facets.hpp"

#include "fnv1a.hpp"
#include "index/schema.hpp"
#include "search/docid_range.hpp"
#include "search/in_parallel.hpp"

#include <algorithm>
#include <unordered_map>

namespace hubsearch::detail {
namespace {

// Calls `line(text, fnv1a(text))` for every non-empty line of a packed facet value, hashing
// while it scans: this runs for every line of every match.
template <typename Line>
void for_each_line(std::string_view packed, Line line) {
    std::size_t start = 0;
    // FNV-1a, inline and byte by byte: cheaper than std::hash on these 3–20 byte lines.
    std::uint64_t hash = fnv1a_offset;
    for (std::size_t i = 0; i <= packed.size(); ++i) {
        if (i == packed.size() || packed[i] == '\n') {
            if (i > start + 1) line(packed.substr(start, i - start), hash);
            start = i + 1;
            hash = fnv1a_offset;
        } else {
            hash = fnv1a_add(hash, packed[i]);
        }
    }
}

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db) {
    // Lines by their hash: a std::map of strings made this 3x slower than reading the values.
    std::unordered_map<std::uint64_t, std::uint32_t> by_hash;
    const auto id_of = [&](std::string_view line, std::uint64_t hash) {
        const auto it = by_hash.find(hash);
        if (it != by_hash.end() && lines_[it->second] == line) return it->second;
        // Another line with the same hash (never seen, but possible): found by comparison.
        if (it != by_hash.end()) {
            const auto same = std::find(lines_.begin(), lines_.end(), line);
            if (same != lines_.end()) return static_cast<std::uint32_t>(same - lines_.begin());
        }
        const auto id = static_cast<std::uint32_t>(lines_.size());
        lines_.emplace_back(line);
        by_hash.emplace(hash, id);  // keeps the first line of a hash
        return id;
    };
    const Xapian::docid last = db.get_lastdocid();
    const auto mark_start = [&] { starts_.push_back(static_cast<std::uint32_t>(ids_.size())); };
    starts_.reserve(std::size_t{last} + 2);
    mark_start();  // document 0 does not exist
    for (auto value = db.valuestream_begin(schema::slot_facets);
         value != db.valuestream_end(schema::slot_facets); ++value) {
        // Documents without the value (deleted ones) get no ids.
        while (starts_.size() <= value.get_docid()) mark_start();
        for_each_line(*value, [&](std::string_view line, std::uint64_t hash) {
            ids_.push_back(id_of(line, hash));
        });
    }
    while (starts_.size() <= std::size_t{last} + 1) mark_start();
}

FacetCounter::FacetCounter(const FacetTable* table) : table_(table) {
    if (table_ != nullptr) by_id_.resize(table_->lines().size());
}

void FacetCounter::add(std::string_view line, std::uint64_t hash, std::size_t count) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.line == 0) {
            lines_.emplace_back(line);
            slot = {hash, lines_.size(), count};
            // At most half full, so that probes stay short.
            if (lines_.size() * 2 > slots_.size()) grow();
            return;
        }
        if (slot.hash == hash && lines_[slot.line - 1] == line) {
            slot.count += count;
            return;
        }
    }
}

void FacetCounter::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.line == 0) continue;
        std::size_t i = slot.hash & mask;
        while (slots_[i].line != 0) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    if (table_ != nullptr) {
        const auto [first, last] = table_->values_of(doc.get_docid());
        for (auto id = first; id != last; ++id) ++by_id_[*id];
        return;
    }
    for_each_line(doc.get_value(schema::slot_facets),
                  [&](std::string_view line, std::uint64_t hash) { add(line, hash, 1); });
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
    namespace letter = schema::facet_letter;
    std::map<std::string_view, std::size_t> totals;
    for (const Slot& slot : slots_) {
        if (slot.line != 0) totals[lines_[slot.line - 1]] += slot.count;
    }
    for (std::size_t id = 0; id < by_id_.size(); ++id) {
        if (by_id_[id] != 0) totals[table_->lines()[id]] += by_id_[id];
    }
    std::map<char, std::vector<FacetCount>> by_letter;
    for (const auto& [line, count] : totals) {
        by_letter[line.front()].push_back({std::string(line.substr(1)), count});
    }
    const auto sorted = [&](char facet, bool newest_first) {
        std::vector<FacetCount> out = std::move(by_letter[facet]);
        std::sort(out.begin(), out.end(), [&](const FacetCount& a, const FacetCount& b) {
            if (newest_first) return a.value > b.value;
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        return out;
    };
    return {{"topic", sorted(letter::topic, false)},
            {"country", sorted(letter::country, false)},
            {"year", sorted(letter::year, true)},
            {"type", sorted(letter::type, false)},
            {"language", sorted(letter::language, false)}};
}

void FacetCounter::merge(const FacetCounter& other) {
    for (const Slot& slot : other.slots_) {
        if (slot.line != 0) add(other.lines_[slot.line - 1], slot.hash, slot.count);
    }
    if (other.table_ == table_) {
        for (std::size_t id = 0; id < other.by_id_.size(); ++id) by_id_[id] += other.by_id_[id];
        return;
    }
    // Counted from another table: by the lines themselves.
    for (std::size_t id = 0; id < other.by_id_.size(); ++id) {
        const std::string& line = other.table_->lines()[id];
        if (other.by_id_[id] != 0) add(line, fnv1a(line), other.by_id_[id]);
    }
}

namespace {

Xapian::doccount count_into(FacetCounter& counter, const Xapian::Database& db,
                            const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // No ranking: every match is visited once, and weights would be thrown away (ranking every
    // match costs 2-3x more than ranking for a page, plus this pass).
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&counter);
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace

std::map<std::string, std::vector<FacetCount>> count_facets(const Xapian::Database& db,
                                                            Xapian::Database* second,
                                                            const FacetTable* table,
                                                            const Xapian::Query& query,
                                                            Xapian::doccount& matches) {
    FacetCounter counter(table);
    if (second == nullptr) {
        matches = count_into(counter, db, query);
        return counter.counts();
    }
    // Each half of the documents on its own thread, with its own handle on the index; the
    // table is only read.
    const Halves halves = halves_of(db);
    const std::string serialised = query.serialise();
    FacetCounter upper(table);
    Xapian::doccount upper_matches = 0;
    in_parallel(
        [&] {
            const Xapian::Query own = Xapian::Query::unserialise(serialised);
            upper_matches =
                count_into(upper, *second, in_docid_range(own, halves.middle, halves.end));
        },
        [&] { matches = count_into(counter, db, in_docid_range(query, 1, halves.middle)); });
    counter.merge(upper);
    matches += upper_matches;
    return counter.counts();
}

}  // namespace hubsearch::detail
