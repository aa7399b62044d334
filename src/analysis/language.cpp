// SPDX-License-Identifier: MIT
#include "analysis/language.hpp"

#include <xapian.h>

#include <cstddef>

namespace hubsearch::detail {
namespace {

bool is_kazakh_letter(unsigned code) {
    switch (code) {
        case 0x04D8:
        case 0x04D9:  // Ә ә
        case 0x0492:
        case 0x0493:  // Ғ ғ
        case 0x049A:
        case 0x049B:  // Қ қ
        case 0x04A2:
        case 0x04A3:  // Ң ң
        case 0x04E8:
        case 0x04E9:  // Ө ө
        case 0x04B0:
        case 0x04B1:  // Ұ ұ
        case 0x04AE:
        case 0x04AF:  // Ү ү
        case 0x04BA:
        case 0x04BB:  // Һ һ
        case 0x0406:
        case 0x0456:  // І і
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string detect_language(std::string_view text) {
    // Counted per word: Kazakh-only letters are in most Kazakh words, while a Russian text
    // holds them only in the odd Kazakh name.
    std::size_t cyrillic_words = 0, kazakh_words = 0, latin_words = 0;
    bool in_word = false, word_cyrillic = false, word_kazakh = false, word_latin = false;
    const auto end_word = [&] {
        if (!in_word) return;
        if (word_cyrillic && !word_latin) ++cyrillic_words;
        if (word_kazakh && !word_latin) ++kazakh_words;
        if (word_latin && !word_cyrillic) ++latin_words;
        in_word = word_cyrillic = word_kazakh = word_latin = false;
    };
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned code = *it;
        if (code >= 0x0400 && code <= 0x04FF) {
            in_word = word_cyrillic = true;
            if (is_kazakh_letter(code)) word_kazakh = true;
        } else if (code < 0x0250 && Xapian::Unicode::is_wordchar(code) &&
                   !(code >= '0' && code <= '9')) {
            in_word = word_latin = true;
        } else if (!Xapian::Unicode::is_wordchar(code)) {
            end_word();
        }
    }
    end_word();
    if (cyrillic_words == 0 && latin_words == 0) return {};
    if (cyrillic_words >= latin_words) return kazakh_words * 4 > cyrillic_words ? "kk" : "ru";
    return "en";
}

std::vector<std::string> candidate_languages(std::string_view text) {
    bool cyrillic = false, latin = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned code = *it;
        if (code >= 0x0400 && code <= 0x04FF) {
            cyrillic = true;
        } else if (code < 0x0250 && Xapian::Unicode::is_wordchar(code) &&
                   !(code >= '0' && code <= '9')) {
            latin = true;
        }
    }
    std::vector<std::string> languages;
    if (cyrillic) languages = {"ru", "kk"};
    if (latin) languages.push_back("en");
    return languages;
}

std::string primary_language(std::string_view tag) {
    std::string out;
    for (const char c : tag) {
        if (c == '-' || c == '_') break;
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return out;
}

}  // namespace hubsearch::detail
