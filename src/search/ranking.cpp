// SPDX-License-Identifier: MIT
#include "search/ranking.hpp"

#include "search/docid_range.hpp"
#include "search/in_parallel.hpp"

#include <algorithm>

namespace hubsearch::detail {
namespace {

Xapian::MSet ranking(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount first,
                     Xapian::doccount count) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_query(query);
    return enquire.get_mset(first, count);
}

std::vector<RankedHit> hits_of(const Xapian::MSet& mset) {
    std::vector<RankedHit> hits;
    hits.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_weight()});
    return hits;
}

}  // namespace

RankedPage rank(const Xapian::Database& db, Xapian::Database* second, const Xapian::Query& query,
                Xapian::doccount offset, Xapian::doccount limit) {
    RankedPage page;
    if (second == nullptr) {
        page.mset = ranking(db, query, offset, limit);
        page.hits = hits_of(page.mset);
        page.matches_estimated = page.mset.get_matches_estimated();
        return page;
    }
    // Each half ranks its best offset + limit; the page is among them. The helper hands back
    // only plain values.
    const Halves halves = halves_of(db);
    const std::string serialised = query.serialise();
    std::vector<RankedHit> upper;
    Xapian::doccount upper_least = 0, upper_most = 0;
    in_parallel(
        [&] {
            const Xapian::MSet mset = ranking(
                *second,
                in_docid_range(Xapian::Query::unserialise(serialised), halves.middle, halves.end),
                0, offset + limit);
            upper = hits_of(mset);
            upper_least = mset.get_matches_lower_bound();
            upper_most = mset.get_matches_upper_bound();
        },
        [&] {
            page.mset = ranking(db, in_docid_range(query, 1, halves.middle), 0, offset + limit);
        });

    const std::vector<RankedHit> lower = hits_of(page.mset);
    std::vector<RankedHit> merged(lower.size() + upper.size());
    // Stable on ties, and the lower half comes first: equal weights keep document order, as in
    // a single ranking.
    std::merge(lower.begin(), lower.end(), upper.begin(), upper.end(), merged.begin(),
               [](const RankedHit& a, const RankedHit& b) { return a.weight > b.weight; });
    const auto first = std::min<std::size_t>(offset, merged.size());
    const auto last = std::min<std::size_t>(first + limit, merged.size());
    page.hits.assign(merged.begin() + static_cast<long>(first),
                     merged.begin() + static_cast<long>(last));

    // Each half extrapolates its count from half the postings. Xapian's estimate for the whole
    // query, from the lengths of its posting lists (no matching: microseconds), is what one
    // ranking would report; what the halves counted for certain bounds it.
    const Xapian::doccount least = page.mset.get_matches_lower_bound() + upper_least;
    const Xapian::doccount most = page.mset.get_matches_upper_bound() + upper_most;
    Xapian::Enquire whole(db);
    whole.set_query(query);
    const Xapian::MSet statistics = whole.get_mset(0, 0);
    const Xapian::doccount low = std::max(least, statistics.get_matches_lower_bound());
    const Xapian::doccount high =
        std::max(low, std::min(most, statistics.get_matches_upper_bound()));
    page.matches_estimated =
        least == most ? least : std::clamp(statistics.get_matches_estimated(), low, high);
    return page;
}

Xapian::doccount largest_posting_list(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::doccount largest = 0;
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
        largest = std::max(largest, db.get_termfreq(*term));
    }
    return largest;
}

}  // namespace hubsearch::detail
