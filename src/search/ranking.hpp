// SPDX-License-Identifier: MIT
#pragma once

#include <xapian.h>

#include <vector>

namespace hubsearch::detail {

struct RankedHit {
    Xapian::docid docid = 0;
    double weight = 0;
};

/// One page of a ranking.
struct RankedPage {
    std::vector<RankedHit> hits;  ///< Best first; ties in document order.
    Xapian::doccount matches_estimated = 0;
    /// The ranking in `db` (of its half, when split): its snippet() highlights the query's
    /// words in any hit's text, since both halves weigh the words alike.
    Xapian::MSet mset;
};

/// Ranks what `query` matches in `db` by BM25 and returns the hits [offset, offset + limit).
/// With `second`, another handle on the same revision of the index, the upper half of the
/// documents is ranked on a second thread and the two rankings merged: the page is the one a
/// single ranking gives (every weight comes from the same statistics), each half costing about
/// 60 % of the whole.
RankedPage rank(const Xapian::Database& db, Xapian::Database* second, const Xapian::Query& query,
                Xapian::doccount offset, Xapian::doccount limit);

/// The length of the longest posting list `query` reads: a cheap measure of the work of
/// ranking it, known before ranking.
Xapian::doccount largest_posting_list(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace hubsearch::detail
