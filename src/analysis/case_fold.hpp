// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace hubsearch::detail {

/// Lower-cases UTF-8 `text` by Unicode's simple case mapping, one code point at a time (Latin,
/// Latin Extended incl. the Kazakh Latin letters, Greek, Cyrillic incl. Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ
/// І and Ukrainian/Belarusian letters), and folds ё to е so that spellings with and without ё
/// meet. Each byte that is not part of valid UTF-8 becomes U+FFFD. No normalisation (NFC) and
/// no one-to-many mappings: "ß" stays "ß", "İ" becomes plain "i".
std::string fold_case(std::string_view text);

/// Decodes UTF-8 `text` into code points. Each byte that does not start a valid sequence
/// (overlong forms, surrogates and code points past U+10FFFF included) becomes U+FFFD, and
/// `*had_invalid` (when given) is set to whether that happened.
std::u32string utf8_to_u32(std::string_view text, bool* had_invalid = nullptr);

/// Encodes code points as UTF-8; values that are not Unicode scalar values become U+FFFD.
std::string u32_to_utf8(std::u32string_view text);

/// Appends code point `code` to `out` as UTF-8 (U+FFFD for values that are not scalar values).
void append_utf8(std::string& out, char32_t code);

}  // namespace hubsearch::detail
