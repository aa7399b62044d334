// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace hubsearch::detail {

/// Transliterates Kazakh written in Latin letters into Kazakh Cyrillic, keeping upper and lower
/// case; characters that are not Latin letters are copied through. Accepts the 2021 alphabet
/// (ä ğ ı=і i=и/й ñ ö ş u=у ū ü y=ы), the 2018 one (á ǵ i=і ı/í=и/й ń ó u=ұ ú ý=у sh ch) and
/// plain-ASCII typing (q=қ, y=ы, i=і, sh=ш, ch=ч, zh=ж); each word is read by the alphabet
/// its letters reveal. The table and the ambiguities are in docs/kazakh-stemmer.md.
/// "memlekettik qyzmet" gives "мемлекеттік қызмет".
std::string kazakh_latin_to_cyrillic(std::string_view latin);

/// True when the Latin word `word` is probably Kazakh rather than English: it has a letter of
/// the Kazakh Latin alphabets that English lacks (á ä ǵ ğ ń ñ ó ö ú ü ū ý ş ı), a q not followed
/// by u, or a Kazakh ending such as -lik/-dik/-tik, and none of c, w, x or English-only letter
/// pairs (th, ph, ck, oo, ...). Tuned for precision: "civil" is false, "memlekettik" true.
bool looks_like_kazakh_latin(std::string_view word);

/// Repairs a word typed in two scripts: in a word with more Cyrillic than Latin letters the
/// Latin look-alikes (a c e o p x y k h i ə and the capitals A B C E H I K M O P T X Y) become
/// Cyrillic, Latin i becoming the Kazakh/Ukrainian і; in a word with more Latin letters the
/// Cyrillic look-alikes become Latin. Words in one script come back unchanged.
std::string repair_mixed_script(std::string_view word);

}  // namespace hubsearch::detail
