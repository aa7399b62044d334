// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/search.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace hubsearch::detail {

/// Counts the values of one facet slot over every matching document. Unlike Xapian's
/// ValueCountMatchSpy it understands multi-valued slots ('\n'-separated), so a study covering
/// three countries counts once for each.
class MultiValueCountSpy : public Xapian::MatchSpy {
public:
    /// `numeric_year`: the slot holds sortable_serialise(year), counted as its decimal text.
    MultiValueCountSpy(Xapian::valueno slot, bool numeric_year)
        : slot_(slot), numeric_year_(numeric_year) {}

    void operator()(const Xapian::Document& doc, double weight) override;

    /// Forgets everything counted so far.
    void reset() { counts_.clear(); }

    /// The counts, largest first (ties by value); years newest first.
    [[nodiscard]] std::vector<FacetCount> counts() const;

private:
    Xapian::valueno slot_;
    bool numeric_year_;
    std::map<std::string, std::size_t> counts_;
};

/// The spies for every facet of SearchResults::facets.
class FacetSpies {
public:
    FacetSpies();
    /// Makes `enquire` feed every spy.
    void attach(Xapian::Enquire& enquire);
    /// Forgets everything counted so far.
    void reset();
    /// The counts per facet name: topic, country, year, type, language.
    [[nodiscard]] std::map<std::string, std::vector<FacetCount>> counts() const;

private:
    MultiValueCountSpy topic_, country_, year_, type_, language_;
};

}  // namespace hubsearch::detail
