// SPDX-License-Identifier: MIT
#pragma once

#include <xapian.h>

#include <string_view>

namespace hubsearch::detail {

/// The stemmer for each language we analyse: Russian and English from Snowball, Kazakh our own
/// (docs/kazakh-stemmer.md). Other languages get no stemming. Thread safety: one Analyzer
/// per thread (Xapian::Stem objects are not safe to share between threads).
class Analyzer {
public:
    Analyzer();

    /// The stemmer for language `lang` ("ru", "kk", "en"; anything else stems nothing).
    [[nodiscard]] const Xapian::Stem& stemmer(std::string_view lang) const;

private:
    Xapian::Stem russian_;
    Xapian::Stem english_;
    Xapian::Stem kazakh_;
    Xapian::Stem none_;
};

}  // namespace hubsearch::detail
