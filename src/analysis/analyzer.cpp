// SPDX-License-Identifier: MIT
#include "analysis/analyzer.hpp"

namespace hubsearch::detail {

Analyzer::Analyzer() : russian_("russian"), english_("english"), kazakh_("none"), none_("none") {}

const Xapian::Stem& Analyzer::stemmer(std::string_view lang) const {
    if (lang == "ru") return russian_;
    if (lang == "en") return english_;
    if (lang == "kk") return kazakh_;
    return none_;
}

}  // namespace hubsearch::detail
