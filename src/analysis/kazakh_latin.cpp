// SPDX-License-Identifier: MIT
#include "analysis/kazakh_latin.hpp"

#include "analysis/case_fold.hpp"

#include <xapian.h>

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace hubsearch::detail {
namespace {

using std::u32string;
using std::u32string_view;

char32_t lower(char32_t c) {
    return static_cast<char32_t>(Xapian::Unicode::tolower(static_cast<unsigned>(c)));
}
char32_t upper(char32_t c) {
    return static_cast<char32_t>(Xapian::Unicode::toupper(static_cast<unsigned>(c)));
}

bool is_latin_letter(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
    if (c >= 0x00C0 && c <= 0x024F) return c != 0x00D7 && c != 0x00F7;  // not × ÷
    if (c == 0x0259 || c == 0x0275) return true;                        // ə ɵ
    return c >= 0x1E00 && c <= 0x1EFF;
}
bool is_cyrillic_letter(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }
bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019 || c == 0x02BC; }

// Latin letters followed by a combining mark, as some keyboards and PDFs produce them.
// clang-format off
constexpr std::array<std::pair<std::pair<char32_t, char32_t>, char32_t>, 17> compositions{{
    {{U'a', 0x0301}, U'á'}, {{U'a', 0x0308}, U'ä'}, {{U'o', 0x0301}, U'ó'},
    {{U'o', 0x0308}, U'ö'}, {{U'u', 0x0301}, U'ú'}, {{U'u', 0x0308}, U'ü'},
    {{U'u', 0x0304}, U'ū'}, {{U'y', 0x0301}, U'ý'}, {{U'i', 0x0301}, U'í'},
    {{U'n', 0x0301}, U'ń'}, {{U'n', 0x0303}, U'ñ'}, {{U'g', 0x0301}, U'ǵ'},
    {{U'g', 0x0306}, U'ğ'}, {{U's', 0x0327}, U'ş'}, {{U'c', 0x0327}, U'ç'},
    {{U'ı', 0x0307}, U'i'}, {{U'e', 0x0301}, U'é'},
}};
// clang-format on

// One letter of a word: its lower-case form and whether it was a capital.
struct Letter {
    char32_t c;
    bool upper;
};

std::vector<Letter> compose_word(u32string_view word) {
    std::vector<Letter> letters;
    for (const char32_t c : word) {
        if (c >= 0x0300 && c <= 0x036F && !letters.empty()) {
            for (const auto& [key, composed] : compositions) {
                if (key.first == letters.back().c && key.second == c) {
                    letters.back().c = composed;
                    break;
                }
            }
            continue;  // a mark we cannot compose carries no letter of its own
        }
        const char32_t l = c == U'İ' ? U'i' : lower(c);
        letters.push_back({l, l != c});
    }
    return letters;
}

constexpr u32string_view marks_2021 = U"äöüğñşūŋç";
constexpr u32string_view marks_2018 = U"áóúǵńýí";
constexpr u32string_view latin_vowels = U"aáäeéioóöuúüūyýıəí";
constexpr u32string_view front_latin = U"eáäóöúüə";

bool contains_any(const std::vector<Letter>& letters, u32string_view set) {
    for (const Letter& l : letters) {
        if (set.find(l.c) != u32string_view::npos) return true;
    }
    return false;
}

enum class Alphabet { unknown, y2018, y2021 };

// The 2018 and 2021 alphabets swap i and ı, so the letters only one of them has decide how the
// whole text is read.
Alphabet alphabet_of(u32string_view text) {
    const std::vector<Letter> letters = compose_word(text);
    const bool has_2021 = contains_any(letters, marks_2021);
    const bool has_2018 = contains_any(letters, marks_2018);
    if (has_2021 && !has_2018) return Alphabet::y2021;
    if (has_2018 && !has_2021) return Alphabet::y2018;
    return Alphabet::unknown;
}

// Transliterates one word (a run of Latin letters and apostrophes). With no alphabet known the
// word is read as 2018/plain ASCII (i = і), which is how people type, except that a lone ı is
// і between consonants (2021) and й after a vowel (2018 "qalaı").
u32string transliterate_word(u32string_view word, Alphabet alphabet) {
    const std::vector<Letter> letters = compose_word(word);
    const bool is_2021 = alphabet == Alphabet::y2021;
    bool front = false;
    bool back = false;
    for (const Letter& l : letters) {
        if (front_latin.find(l.c) != u32string_view::npos || (!is_2021 && l.c == U'i')) {
            front = true;
        }
        if (u32string_view(U"aoy").find(l.c) != u32string_view::npos) back = true;
    }
    const auto at = [&](std::size_t k) -> char32_t {
        return k < letters.size() ? letters[k].c : 0;
    };
    const auto is_vowel_at = [&](std::size_t k) {
        return k < letters.size() && latin_vowels.find(letters[k].c) != u32string_view::npos;
    };

    u32string out;
    for (std::size_t k = 0; k < letters.size(); ++k) {
        const char32_t c = letters[k].c;
        const char32_t next = at(k + 1);
        u32string_view cyr;
        std::size_t used = 1;
        const bool apostrophe_next = is_apostrophe(next);
        if (is_apostrophe(c)) {
            continue;  // 2017-style marks are consumed with their letter; others carry nothing
        } else if (c == U's' && next == U'h') {
            cyr = U"ш", used = 2;
        } else if (c == U'c' && next == U'h') {
            cyr = U"ч", used = 2;
        } else if (c == U'z' && next == U'h') {
            cyr = U"ж", used = 2;  // English-style "zh"; z+h never meet in Kazakh words
        } else if (apostrophe_next &&
                   u32string_view(U"agnouyisc").find(c) != u32string_view::npos) {
            // The 2017 alphabet: a' g' n' o' u' y' i' s' c'.
            switch (c) {
                case U'a':
                    cyr = U"ә";
                    break;
                case U'g':
                    cyr = U"ғ";
                    break;
                case U'n':
                    cyr = U"ң";
                    break;
                case U'o':
                    cyr = U"ө";
                    break;
                case U'u':
                    cyr = U"ү";
                    break;
                case U'y':
                    cyr = U"у";
                    break;
                case U'i':
                    cyr = k > 0 && is_vowel_at(k - 1) ? U"й" : U"и";
                    break;
                case U's':
                    cyr = U"ш";
                    break;
                default:
                    cyr = U"ч";
                    break;
            }
            used = 2;
        } else if (c == U'y' && (next == U'a' || next == U'u' || next == U'o') && !is_2021) {
            // ы is never followed by a vowel in Kazakh, so "ya"/"yu"/"yo" are English-style
            // spellings of я, ю, ё (mostly in names).
            cyr = next == U'a' ? U"я" : next == U'u' ? U"ю" : U"ё";
            used = 2;
        } else {
            switch (c) {
                case U'a':
                    cyr = U"а";
                    break;
                case U'á':
                case U'ä':
                case U'ə':
                    cyr = U"ә";
                    break;
                case U'b':
                    cyr = U"б";
                    break;
                case U'c':
                    cyr = U"ц";
                    break;
                case U'ç':
                    cyr = U"ч";
                    break;
                case U'd':
                    cyr = U"д";
                    break;
                case U'e':
                case U'é':
                    cyr = U"е";
                    break;
                case U'f':
                    cyr = U"ф";
                    break;
                case U'g':
                    cyr = U"г";
                    break;
                case U'ǵ':
                case U'ğ':
                    cyr = U"ғ";
                    break;
                case U'h':
                    cyr = U"х";
                    break;
                case U'i':
                    if (is_2021) {
                        cyr = k > 0 && is_vowel_at(k - 1) ? U"й" : U"и";
                    } else {
                        cyr = U"і";
                    }
                    break;
                case U'ı':
                    if (is_2021) {
                        cyr = U"і";
                    } else if (k > 0 && is_vowel_at(k - 1)) {
                        cyr = U"й";
                    } else {
                        cyr = alphabet == Alphabet::y2018 ? U"и" : U"і";
                    }
                    break;
                case U'í':
                    cyr = k > 0 && is_vowel_at(k - 1) ? U"й" : U"и";
                    break;
                case U'j':
                    cyr = U"ж";
                    break;
                case U'k':
                    cyr = U"к";
                    break;
                case U'l':
                    cyr = U"л";
                    break;
                case U'm':
                    cyr = U"м";
                    break;
                case U'n':
                    cyr = U"н";
                    break;
                case U'ń':
                case U'ñ':
                case U'ŋ':
                    cyr = U"ң";
                    break;
                case U'o':
                    cyr = U"о";
                    break;
                case U'ó':
                case U'ö':
                case U'ɵ':
                    cyr = U"ө";
                    break;
                case U'p':
                    cyr = U"п";
                    break;
                case U'q':
                    cyr = U"қ";
                    break;
                case U'r':
                    cyr = U"р";
                    break;
                case U's':
                    cyr = U"с";
                    break;
                case U'ş':
                    cyr = U"ш";
                    break;
                case U't':
                    cyr = U"т";
                    break;
                case U'u':
                    if (is_2021) {
                        cyr = U"у";
                    } else if (k + 1 == letters.size() || is_vowel_at(k + 1) ||
                               (k > 0 && is_vowel_at(k - 1))) {
                        // Typed for ý: the glide у sits next to a vowel or ends a word
                        // ("auyl", "basqaru").
                        cyr = U"у";
                    } else if (front && back) {
                        // Native words keep to one vowel row; a word with both is a loan
                        // ("Respublika"), where u is у.
                        cyr = U"у";
                    } else {
                        cyr = front ? U"ү" : U"ұ";  // "ulken" → үлкен, "ulttyq" → ұлттық
                    }
                    break;
                case U'ú':
                case U'ü':
                    cyr = U"ү";
                    break;
                case U'ū':
                    cyr = U"ұ";
                    break;
                case U'v':
                    cyr = U"в";
                    break;
                case U'w':
                    cyr = U"у";
                    break;
                case U'x':
                    cyr = U"кс";
                    break;
                case U'y':
                    cyr = U"ы";
                    break;
                case U'ý':
                    cyr = U"у";
                    break;
                case U'z':
                    cyr = U"з";
                    break;
                default:
                    break;
            }
        }
        if (cyr.empty()) {
            out += letters[k].upper ? upper(c) : c;  // a Latin letter Kazakh does not use
        } else {
            for (std::size_t m = 0; m < cyr.size(); ++m) {
                out += letters[k].upper && m == 0 ? upper(cyr[m]) : cyr[m];
            }
        }
        k += used - 1;
    }
    return out;
}

// clang-format off
// Cyrillic letters and the Latin ones drawn the same; lower case first, then capitals.
constexpr std::array<std::pair<char32_t, char32_t>, 27> look_alikes{{
    {U'a', U'а'}, {U'c', U'с'}, {U'e', U'е'}, {U'o', U'о'}, {U'p', U'р'}, {U'x', U'х'},
    {U'y', U'у'}, {U'k', U'к'}, {U'h', U'һ'}, {U'i', U'і'}, {U'ə', U'ә'}, {U'ɵ', U'ө'},
    {U'A', U'А'}, {U'B', U'В'}, {U'C', U'С'}, {U'E', U'Е'}, {U'H', U'Н'}, {U'I', U'І'},
    {U'K', U'К'}, {U'M', U'М'}, {U'O', U'О'}, {U'P', U'Р'}, {U'T', U'Т'}, {U'X', U'Х'},
    {U'Y', U'У'}, {U'Ə', U'Ә'}, {U'Ɵ', U'Ө'},
}};
// clang-format on

}  // namespace

std::string kazakh_latin_to_cyrillic(std::string_view latin) {
    const u32string text = utf8_to_u32(latin);
    const Alphabet alphabet = alphabet_of(text);
    u32string out;
    std::size_t k = 0;
    while (k < text.size()) {
        if (!is_latin_letter(text[k])) {
            out += text[k++];
            continue;
        }
        std::size_t end = k;
        // A word runs over letters, combining marks and the apostrophes of the 2017 alphabet.
        while (end < text.size() &&
               (is_latin_letter(text[end]) || (text[end] >= 0x0300 && text[end] <= 0x036F) ||
                (is_apostrophe(text[end]) && end + 1 < text.size() &&
                 is_latin_letter(text[end + 1])))) {
            ++end;
        }
        out += transliterate_word(u32string_view(text).substr(k, end - k), alphabet);
        k = end;
    }
    return u32_to_utf8(out);
}

bool looks_like_kazakh_latin(std::string_view word) {
    const u32string text = utf8_to_u32(word);
    std::vector<Letter> letters = compose_word(text);
    if (letters.size() < 3) return false;
    int score = 0;
    for (std::size_t k = 0; k < letters.size(); ++k) {
        const char32_t c = letters[k].c;
        const char32_t next = k + 1 < letters.size() ? letters[k + 1].c : 0;
        if (!is_latin_letter(c) && c != U'\'' && c != U'-') return false;
        if (u32string_view(U"áäǵğńñóöúüūýşıŋə").find(c) != u32string_view::npos) score += 3;
        if (c == U'q') score += next == U'u' ? 1 : 3;
        // Kazakh Latin writes no c (except the 2018 ch), w or x: English does.
        if ((c == U'c' && next != U'h') || c == U'w' || c == U'x') score -= 3;
    }
    const u32string lowered = [&] {
        u32string s;
        for (const Letter& l : letters) s += l.c;
        return s;
    }();
    for (const u32string_view pair :
         {U"th", U"ph", U"wh", U"ck", U"gh", U"ee", U"oo", U"ou", U"ea", U"tion"}) {
        if (lowered.find(pair) != u32string::npos) score -= 2;
    }
    // The -lik/-dik/-tik former ends many Kazakh words and almost no English ones.
    if (lowered.size() >= 6) {
        const u32string_view tail = u32string_view(lowered).substr(lowered.size() - 3);
        for (const u32string_view ending : {U"lik", U"dik", U"tik", U"lyq", U"dyq", U"tyq"}) {
            if (tail == ending) score += 2;
        }
    }
    return score >= 2;
}

std::string repair_mixed_script(std::string_view word) {
    u32string text = utf8_to_u32(word);
    std::size_t latin = 0;
    std::size_t cyrillic = 0;
    for (const char32_t c : text) {
        if (is_cyrillic_letter(c)) {
            ++cyrillic;
        } else if (is_latin_letter(c)) {
            ++latin;
        }
    }
    if (latin == 0 || cyrillic == 0) return std::string(word);
    // A tie goes to Cyrillic: our mixed words come from Kazakh and Russian text typed with a
    // Latin letter or two, far more often than the reverse.
    const bool to_cyrillic = cyrillic >= latin;
    for (char32_t& c : text) {
        for (const auto& [lat, cyr] : look_alikes) {
            if (to_cyrillic && c == lat) {
                c = cyr;
                break;
            }
            if (!to_cyrillic && c == cyr) {
                c = lat;
                break;
            }
        }
    }
    return u32_to_utf8(text);
}

}  // namespace hubsearch::detail
