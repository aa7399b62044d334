// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hubsearch::detail {

/// Guesses the language of `text` from its letters: "kk" when Cyrillic text holds Kazakh-only
/// letters (ә ғ қ ң ө ұ ү һ і) often enough, "ru" for other Cyrillic, "en" for Latin, "" when
/// there are no letters.
std::string detect_language(std::string_view text);

/// The languages a query's words may be in, judged by their scripts: Cyrillic words may be
/// Russian or Kazakh, Latin words English. Empty when the text has no letters.
std::vector<std::string> candidate_languages(std::string_view text);

/// Returns the primary subtag of a BCP-47 tag in lower case: "ru-RU" gives "ru".
std::string primary_language(std::string_view tag);

}  // namespace hubsearch::detail
