// SPDX-License-Identifier: MIT
#include "search/facets.hpp"

#include "index/schema.hpp"

#include <algorithm>

namespace hubsearch::detail {

void FacetCounter::Tally::add(std::string_view value) {
    const auto it = counts.find(value);
    if (it != counts.end()) {
        ++it->second;
        return;
    }
    // The map's keys view strings kept here: the document's value dies after the call.
    values.emplace_back(value);
    counts.emplace(values.back(), 1);
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    namespace letter = schema::facet_letter;
    const std::string packed = doc.get_value(schema::slot_facets);
    const std::string_view all(packed);
    std::size_t start = 0;
    while (start < all.size()) {
        const auto end = std::min(all.find('\n', start), all.size());
        const std::string_view value = all.substr(start + 1, end - start - 1);
        switch (all[start]) {
            case letter::year:
                year_.add(value);
                break;
            case letter::type:
                type_.add(value);
                break;
            case letter::topic:
                topic_.add(value);
                break;
            case letter::country:
                country_.add(value);
                break;
            case letter::language:
                language_.add(value);
                break;
            default:
                break;  // A facet this version does not know.
        }
        start = end + 1;
    }
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
    const auto sorted = [](const Tally& tally, bool newest_first) {
        std::vector<FacetCount> out;
        out.reserve(tally.counts.size());
        for (const auto& [value, count] : tally.counts) out.push_back({std::string(value), count});
        std::sort(out.begin(), out.end(), [&](const FacetCount& a, const FacetCount& b) {
            if (newest_first) return a.value > b.value;
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        return out;
    };
    return {{"topic", sorted(topic_, false)},
            {"country", sorted(country_, false)},
            {"year", sorted(year_, true)},
            {"type", sorted(type_, false)},
            {"language", sorted(language_, false)}};
}

std::map<std::string, std::vector<FacetCount>> count_facets(const Xapian::Database& db,
                                                            const Xapian::Query& query,
                                                            Xapian::doccount& matches) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // No ranking: every match is visited once, and weights would be thrown away.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetCounter counter;
    enquire.add_matchspy(&counter);
    const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
    matches = all.get_matches_estimated();
    return counter.counts();
}

}  // namespace hubsearch::detail
