// SPDX-License-Identifier: MIT
#include "search/facets.hpp"

#include "index/schema.hpp"

#include <algorithm>
#include <cmath>

namespace hubsearch::detail {

void MultiValueCountSpy::operator()(const Xapian::Document& doc, double) {
    const std::string value = doc.get_value(slot_);
    if (value.empty()) return;
    if (numeric_year_) {
        ++counts_[std::to_string(std::lround(Xapian::sortable_unserialise(value)))];
        return;
    }
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto end = std::min(value.find('\n', start), value.size());
        if (end > start) ++counts_[value.substr(start, end - start)];
        start = end + 1;
    }
}

std::vector<FacetCount> MultiValueCountSpy::counts() const {
    std::vector<FacetCount> out;
    out.reserve(counts_.size());
    for (const auto& [value, count] : counts_) out.push_back({value, count});
    if (numeric_year_) {
        std::sort(out.begin(), out.end(),
                  [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
    } else {
        std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
            return a.count > b.count;
        });
    }
    return out;
}

FacetSpies::FacetSpies()
    : topic_(schema::slot_topics, false),
      country_(schema::slot_countries, false),
      year_(schema::slot_year, true),
      type_(schema::slot_type, false),
      language_(schema::slot_languages, false) {}

void FacetSpies::attach(Xapian::Enquire& enquire) {
    for (auto* spy : {&topic_, &country_, &year_, &type_, &language_}) enquire.add_matchspy(spy);
}

void FacetSpies::reset() {
    for (auto* spy : {&topic_, &country_, &year_, &type_, &language_}) spy->reset();
}

std::map<std::string, std::vector<FacetCount>> FacetSpies::counts() const {
    return {{"topic", topic_.counts()},
            {"country", country_.counts()},
            {"year", year_.counts()},
            {"type", type_.counts()},
            {"language", language_.counts()}};
}

}  // namespace hubsearch::detail
