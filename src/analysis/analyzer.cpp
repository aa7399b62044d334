// SPDX-License-Identifier: MIT
#include "analysis/analyzer.hpp"

#include "analysis/kazakh_stemmer.hpp"

namespace hubsearch::detail {

Analyzer::Analyzer()
    : russian_("russian"), english_("english"), kazakh_(new KazakhStemmer), none_("none") {}

const Xapian::Stem& Analyzer::stemmer(std::string_view lang) const {
    if (lang == "ru") return russian_;
    if (lang == "en") return english_;
    if (lang == "kk") return kazakh_;
    return none_;
}

}  // namespace hubsearch::detail
