// SPDX-License-Identifier: MIT
#include "search/facets.hpp"

#include "index/schema.hpp"
#include "search/docid_range.hpp"

#include <algorithm>
#include <exception>
#include <thread>

namespace hubsearch::detail {

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
    const std::string packed = doc.get_value(schema::slot_facets);
    std::size_t start = 0;
    std::uint64_t hash = 0xcbf29ce484222325u;  // FNV-1a of the line, computed while scanning it.
    for (std::size_t i = 0; i <= packed.size(); ++i) {
        if (i == packed.size() || packed[i] == '\n') {
            if (i > start + 1) add(std::string_view(packed).substr(start, i - start), hash, 1);
            start = i + 1;
            hash = 0xcbf29ce484222325u;
        } else {
            hash = (hash ^ static_cast<unsigned char>(packed[i])) * 0x100000001b3u;
        }
    }
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
    namespace letter = schema::facet_letter;
    std::map<char, std::vector<FacetCount>> by_letter;
    for (const Slot& slot : slots_) {
        if (slot.line == 0) continue;
        const std::string& line = lines_[slot.line - 1];
        by_letter[line.front()].push_back({line.substr(1), slot.count});
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
}

namespace {

Xapian::doccount count_into(FacetCounter& counter, const Xapian::Database& db,
                            const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // No ranking: every match is visited once, and weights would be thrown away.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&counter);
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace

std::map<std::string, std::vector<FacetCount>> count_facets(const Xapian::Database& db,
                                                            Xapian::Database* second,
                                                            const Xapian::Query& query,
                                                            Xapian::doccount& matches) {
    FacetCounter counter;
    if (second == nullptr) {
        matches = count_into(counter, db, query);
        return counter.counts();
    }
    // Each half of the documents on its own thread, with its own handle on the index.
    const Xapian::docid middle = db.get_lastdocid() / 2 + 1;
    const Xapian::docid end = db.get_lastdocid() + 1;
    // Query objects share reference-counted subqueries and their counts are not atomic, so the
    // helper thread gets its own copy of the tree, made here from the serialised form.
    const std::string serialised = query.serialise();
    FacetCounter upper;
    Xapian::doccount upper_matches = 0;
    std::exception_ptr failure;
    std::thread helper([&] {
        try {
            const Xapian::Query own = Xapian::Query::unserialise(serialised);
            upper_matches = count_into(upper, *second, in_docid_range(own, middle, end));
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        matches = count_into(counter, db, in_docid_range(query, 1, middle));
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failure) std::rethrow_exception(failure);
    counter.merge(upper);
    matches += upper_matches;
    return counter.counts();
}

}  // namespace hubsearch::detail
