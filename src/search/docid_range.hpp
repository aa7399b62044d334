// SPDX-License-Identifier: MIT
#pragma once

#include <xapian.h>

#include <algorithm>

namespace hubsearch::detail {

/// Matches the documents numbered [first, end), to restrict a query to part of the index. Its
/// skip_to() costs nothing, so the query it filters drives the search whichever is iterated;
/// its true size keeps the match estimate of each part a share of the whole.
class DocidRange : public Xapian::PostingSource {
public:
    DocidRange(Xapian::docid first, Xapian::docid end) : first_(first), end_(end) {}
    void init(const Xapian::Database& db) override {
        size_ = std::min<Xapian::doccount>(db.get_doccount(), end_ > first_ ? end_ - first_ : 0);
        current_ = 0;
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return size_; }
    Xapian::doccount get_termfreq_max() const override { return size_; }
    void next(double) override { current_ = current_ < first_ ? first_ : current_ + 1; }
    void skip_to(Xapian::docid did, double) override {
        current_ = std::max({did, first_, current_});
    }
    bool at_end() const override { return current_ >= end_; }
    Xapian::docid get_docid() const override { return current_; }
    PostingSource* clone() const override { return new DocidRange(first_, end_); }

private:
    Xapian::docid first_, end_, current_ = 0;
    Xapian::doccount size_ = 0;
};

/// `query` restricted to the documents numbered [first, end).
inline Xapian::Query in_docid_range(const Xapian::Query& query, Xapian::docid first,
                                    Xapian::docid end) {
    // release(): the query owns the source (a plain pointer would be left to us to free).
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query((new DocidRange(first, end))->release()));
}

/// The document numbers of an index cut in two: [1, middle) and [middle, end).
struct Halves {
    Xapian::docid middle;
    Xapian::docid end;
};

inline Halves halves_of(const Xapian::Database& db) {
    return {db.get_lastdocid() / 2 + 1, db.get_lastdocid() + 1};
}

}  // namespace hubsearch::detail
