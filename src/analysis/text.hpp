// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hubsearch::detail {

/// Returns `text` with runs of whitespace turned into one space and both ends trimmed.
std::string collapse_whitespace(std::string_view text);

/// Returns `text` with ASCII letters in lower case; other bytes unchanged.
std::string lower_ascii(std::string_view text);

/// Returns the offset of the first byte that is not valid UTF-8 (overlong forms, surrogates
/// and code points past U+10FFFF included), or npos when the whole text is valid.
std::size_t find_invalid_utf8(std::string_view text);

/// Returns the number of characters (code points) in valid UTF-8 `text`; a byte that does not
/// start a character counts as one.
std::size_t count_characters(std::string_view text);

/// Line and column (both from 1, column in characters) of byte `offset` in UTF-8 `text`.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

}  // namespace hubsearch::detail
