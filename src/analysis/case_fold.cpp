// SPDX-License-Identifier: MIT
#include "analysis/case_fold.hpp"

#include <xapian.h>

namespace hubsearch::detail {
namespace {

constexpr char32_t replacement_char = 0xFFFD;

// Length of the sequence a lead byte announces, 0 for bytes that cannot start one.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

}  // namespace

void append_utf8(std::string& out, char32_t code) {
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) code = replacement_char;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::u32string utf8_to_u32(std::string_view text, bool* had_invalid) {
    std::u32string out;
    out.reserve(text.size());
    bool invalid = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t len = sequence_length(lead);
        bool ok = len != 0 && i + len <= text.size();
        char32_t code = 0;
        if (ok) {
            code = len == 1 ? lead : static_cast<char32_t>(lead & (0x7F >> len));
            for (std::size_t k = 1; k < len && ok; ++k) {
                const auto byte = static_cast<unsigned char>(text[i + k]);
                ok = (byte & 0xC0) == 0x80;
                code = (code << 6) | (byte & 0x3Fu);
            }
            // The lead-byte ranges above exclude the overlong 2-byte forms; these checks
            // exclude the longer overlong forms, the surrogates and what lies past U+10FFFF.
            if (ok && len == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ok = false;
            if (ok && len == 4 && (code < 0x10000 || code > 0x10FFFF)) ok = false;
        }
        if (ok) {
            out += code;
            i += len;
        } else {
            // One replacement per bad byte: we always move forward and never swallow the valid
            // text that follows a truncated sequence.
            out += replacement_char;
            invalid = true;
            ++i;
        }
    }
    if (had_invalid != nullptr) *had_invalid = invalid;
    return out;
}

std::string u32_to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (const char32_t code : text) append_utf8(out, code);
    return out;
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    // Decoded by hand rather than with Xapian::Utf8Iterator, which reads a bad byte as a
    // Latin-1 character and would turn stray bytes into letters.
    for (const char32_t code : utf8_to_u32(text)) {
        auto lower = static_cast<char32_t>(Xapian::Unicode::tolower(static_cast<unsigned>(code)));
        if (lower == U'ё') lower = U'е';  // Russian writes ё optionally
        append_utf8(out, lower);
    }
    return out;
}

}  // namespace hubsearch::detail
