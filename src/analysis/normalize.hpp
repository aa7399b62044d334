// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hubsearch::detail {

/// The form in which text is indexed and queried: every word repaired when it mixes Latin and
/// Cyrillic look-alike letters, then case-folded (ё as е). Non-word characters are kept, so
/// phrases, operators and field prefixes in a query survive.
std::string normalize_text(std::string_view text);

/// The words of `text`: maximal runs of word characters ("онлайн-отбор" gives two words).
std::vector<std::string> split_words(std::string_view text);

}  // namespace hubsearch::detail
