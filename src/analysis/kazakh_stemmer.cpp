// SPDX-License-Identifier: MIT
#include "analysis/kazakh_stemmer.hpp"

#include "analysis/case_fold.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace hubsearch::detail {
namespace {

using Word = std::u32string;
using std::u32string_view;

// Letters that are vowels wherever they stand. и and у are left out: in Kazakh spelling they
// also stand for the glides [jɪ] and [w] ("басқару", "такси") and take the suffixes that
// follow consonants.
constexpr u32string_view true_vowels = U"аәеёоөұүыіэюя";
constexpr u32string_view back_vowels = U"аоұыяёэ";
constexpr u32string_view front_vowels = U"әеөүі";

bool is_true_vowel(char32_t c) { return true_vowels.find(c) != u32string_view::npos; }
bool is_vowel_letter(char32_t c) { return is_true_vowel(c) || c == U'и' || c == U'у'; }
bool is_cyrillic_letter(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

// What the last letter of a stem is, as far as choosing a suffix allomorph goes: the
// consonant-initial suffixes (-ның/-дың/-тың, -ға/-қа, -лар/-дар/-тар, ...) are chosen by it,
// so a suffix is stripped only after a letter that could have chosen it. This check keeps
// "орта" (р is not voiceless, so -та cannot follow it) and "отан" whole.
enum Context : unsigned {
    after_vowel = 1U << 0,  // а ә е ё о ө ұ ү ы і э ю я
    after_glide = 1U << 1,  // й у и
    after_r = 1U << 2,      // р
    after_l = 1U << 3,      // л
    after_nasal = 1U << 4,  // м н ң
    after_jz = 1U << 5,     // ж з
    after_voiceless = 1U << 6,  // к қ п с т ф х ц ч ш щ, and б в г ғ д (devoiced in loans)
    after_poss3 = 1U << 7,   // a 3rd-person possessive -ы/-і/-сы/-сі
    after_poss12 = 1U << 8,  // a 1st/2nd-person singular possessive -ым/-ім/-ың/-ің
};
constexpr unsigned voiced = after_vowel | after_glide | after_r | after_l | after_nasal | after_jz;
constexpr unsigned V = after_vowel;
constexpr unsigned G = after_glide;
constexpr unsigned R = after_r;
constexpr unsigned L = after_l;
constexpr unsigned N = after_nasal;
constexpr unsigned Z = after_jz;
constexpr unsigned T = after_voiceless;
constexpr unsigned P3 = after_poss3;
constexpr unsigned P12 = after_poss12;

unsigned context_of(const Word& stem) {
    if (stem.empty()) return 0;
    const char32_t last = stem.back();
    unsigned ctx = 0;
    if (is_true_vowel(last)) {
        ctx = after_vowel;
        if (last == U'ы' || last == U'і') ctx |= after_poss3;
    } else if (last == U'й' || last == U'у' || last == U'и') {
        ctx = after_glide;
    } else if (last == U'р') {
        ctx = after_r;
    } else if (last == U'л') {
        ctx = after_l;
    } else if (last == U'м' || last == U'н' || last == U'ң') {
        ctx = after_nasal;
        const std::size_t n = stem.size();
        if (last != U'н' && n >= 3 && (stem[n - 2] == U'ы' || stem[n - 2] == U'і') &&
            !is_true_vowel(stem[n - 3])) {
            ctx |= after_poss12;
        }
    } else if (last == U'ж' || last == U'з') {
        ctx = after_jz;
    } else if (last == U'ь' || last == U'ъ') {
        // Loans such as "медаль" vary in practice; accept whatever allomorph follows.
        ctx = voiced | after_voiceless;
    } else {
        ctx = after_voiceless;
    }
    return ctx;
}

enum class Harmony { any, back, front };

Harmony harmony_of(u32string_view text) {
    for (auto it = text.rbegin(); it != text.rend(); ++it) {
        if (back_vowels.find(*it) != u32string_view::npos) return Harmony::back;
        if (front_vowels.find(*it) != u32string_view::npos) return Harmony::front;
    }
    return Harmony::any;  // only и у ю, or no vowel: Russian loans such as "министр"
}

bool harmony_agrees(const Word& stem, u32string_view suffix) {
    const Harmony s = harmony_of(suffix);
    const Harmony t = harmony_of(stem);
    return s == Harmony::any || t == Harmony::any || s == t;
}

std::size_t syllables(const Word& w) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        // у after a vowel is the glide [w] ("ауыл", "әлеумет"), not a syllable of its own.
        if (is_true_vowel(w[i]) || w[i] == U'и' ||
            (w[i] == U'у' && (i == 0 || !is_true_vowel(w[i - 1])))) {
            ++count;
        }
    }
    return count;
}

// A stem we are willing to leave: at least `min_letters` (never fewer than 2) letters, with a
// vowel, and not a bare consonant+vowel pair. Kazakh noun roots of two letters are VC or CV
// with the glide у ("ел", "ат", "үй", "су"), so "таға" or "аға" are not cut to "та" or "а".
bool acceptable(const Word& stem, std::size_t min_letters) {
    if (stem.size() < std::max<std::size_t>(min_letters, 2)) return false;
    if (std::none_of(stem.begin(), stem.end(), is_vowel_letter)) return false;
    if (stem.size() == 2 && is_true_vowel(stem[1])) return false;
    return true;
}

bool ends_with(const Word& w, u32string_view suffix) {
    return w.size() >= suffix.size() &&
           u32string_view(w).substr(w.size() - suffix.size()) == suffix;
}

struct Suffix {
    u32string_view text;
    unsigned contexts;         // the letters that may precede it (Context bits)
    std::size_t min_stem = 2;  // letters the stem must keep
    bool harmonic = true;      // false for the instrumental: it is -мен after any vowel
};

// Case endings, longest first so that -ндағы wins over -дағы and -ның over -ны. -а/-е is the
// dative only after a 1st/2nd-person possessive ("еліме"); elsewhere a final а/е is part of
// the word ("бағдарлама", "мекеме"). -н, -на/-не, -нда/-нде follow only a 3rd-person
// possessive ("жалақысын", "қызметіне", "ауданында").
// clang-format off
constexpr std::array<Suffix, 45> case_suffixes{{
    // locative-attributive after a 3rd-person possessive; instrumental, long form
    {U"ндағы", P3}, {U"ндегі", P3},
    {U"менен", V | G | R | L | N, 2, false}, {U"бенен", Z, 2, false}, {U"пенен", T, 2, false},
    // locative-attributive
    {U"дағы", voiced}, {U"дегі", voiced}, {U"тағы", T}, {U"тегі", T},
    // genitive
    {U"ның", V | N}, {U"нің", V | N}, {U"дың", G | R | L | Z}, {U"дің", G | R | L | Z},
    {U"тың", T}, {U"тің", T},
    // locative after a 3rd-person possessive
    {U"нда", P3}, {U"нде", P3},
    // ablative
    {U"нан", N | P3}, {U"нен", N | P3}, {U"дан", V | G | R | L | Z}, {U"ден", V | G | R | L | Z},
    {U"тан", T}, {U"тен", T},
    // instrumental
    {U"мен", V | G | R | L | N, 2, false}, {U"бен", Z, 2, false}, {U"пен", T, 2, false},
    // accusative
    {U"ны", V}, {U"ні", V}, {U"ды", G | R | L | N | Z}, {U"ді", G | R | L | N | Z},
    {U"ты", T}, {U"ті", T},
    // dative
    {U"ға", voiced}, {U"ге", voiced}, {U"қа", T}, {U"ке", T}, {U"на", P3}, {U"не", P3},
    // locative
    {U"да", voiced}, {U"де", voiced}, {U"та", T}, {U"те", T},
    // accusative and dative after a possessive
    {U"н", P3}, {U"а", P12}, {U"е", P12},
}};
// clang-format on

// Possessive endings. The 1st/2nd person singular (-ым/-ім/-ың/-ің) is stripped only under a
// dative -а/-е, because -ым/-ім also ends many nouns ("білім", "шешім", "ғылым"). The short
// forms after vowels need a 3-letter stem so that "тамыз" and "басы" are not cut to "та"/"ба".
constexpr unsigned after_consonant = G | R | L | N | Z | T;
// clang-format off
constexpr std::array<Suffix, 16> possessive_suffixes{{
    {U"ымыз", after_consonant}, {U"іміз", after_consonant},   // 1st person plural
    {U"ыңыз", after_consonant}, {U"іңіз", after_consonant},   // 2nd person polite
    {U"мыз", V, 3}, {U"міз", V, 3}, {U"ңыз", V, 3}, {U"ңіз", V, 3},
    {U"сы", V, 3}, {U"сі", V, 3},                             // 3rd person after a vowel
    {U"ым", after_consonant}, {U"ім", after_consonant},       // 1st/2nd singular (gated)
    {U"ың", after_consonant}, {U"ің", after_consonant},
    {U"ы", after_consonant}, {U"і", after_consonant},         // 3rd person after a consonant
}};
// clang-format on
constexpr std::size_t first_poss12 = 10;  // index of -ым: the four forms gated by P12
constexpr std::size_t end_poss12 = 14;

// clang-format off
constexpr std::array<Suffix, 6> plural_suffixes{{
    {U"лар", V | G | R}, {U"лер", V | G | R},
    {U"дар", L | N | Z}, {U"дер", L | N | Z},
    {U"тар", T}, {U"тер", T},
}};

// -лық/-лік forms relational adjectives and abstract nouns ("мемлекеттік" from "мемлекет").
// Stripped only when two syllables stay, which keeps "халық", "салық", "бастық", "бірлік",
// "достық" whole (see docs/kazakh-stemmer.md).
constexpr std::array<Suffix, 6> derivational_suffixes{{
    {U"лық", V | G | R}, {U"лік", V | G | R},
    {U"дық", L | N | Z}, {U"дік", L | N | Z},
    {U"тық", T}, {U"тік", T},
}};

// Words whose ending looks like a suffix but is part of the word, frequent enough in
// public-administration text to matter: "аудан" would otherwise lose -дан, "сауда" -да.
constexpr std::array<u32string_view, 24> protected_words{{
    U"аудан", U"майдан", U"сауда", U"пайда", U"шілде", U"канада", U"орда", U"ақорда",
    U"қызылорда", U"қазақстан", U"өзбекстан", U"қырғызстан", U"тәжікстан", U"түрікменстан",
    U"ауғанстан", U"пәкістан", U"түркістан", U"үндістан", U"дағыстан", U"татарстан",
    U"башқұртстан", U"арыстан", U"шайтан", U"зындан",
}};
// clang-format on

bool is_protected(const Word& w) {
    return std::find(protected_words.begin(), protected_words.end(), u32string_view(w)) !=
           protected_words.end();
}

// Stems whose last vowel drops before a vowel suffix ("халық" → "халқы"): the short form is
// mapped back to the full one.
// clang-format off
constexpr std::array<std::pair<u32string_view, u32string_view>, 18> elided_stems{{
    {U"халқ", U"халық"}, {U"мүлк", U"мүлік"}, {U"ерк", U"ерік"}, {U"орн", U"орын"},
    {U"ауз", U"ауыз"}, {U"мұрн", U"мұрын"}, {U"қарн", U"қарын"}, {U"ерн", U"ерін"},
    {U"көрк", U"көрік"}, {U"бөрк", U"бөрік"}, {U"құлқ", U"құлық"}, {U"әрп", U"әріп"},
    {U"мойн", U"мойын"}, {U"қойн", U"қойын"}, {U"көңл", U"көңіл"}, {U"ғұрп", U"ғұрып"},
    {U"қалп", U"қалып"}, {U"нарқ", U"нарық"},
}};
// clang-format on

// Tries the suffixes in order and strips the first that fits; returns its index or -1.
template <std::size_t Size>
int strip_first(Word& w, const std::array<Suffix, Size>& suffixes, std::size_t begin,
                std::size_t end, std::size_t min_syllables = 0) {
    for (std::size_t i = begin; i < end; ++i) {
        const Suffix& s = suffixes[i];
        if (!ends_with(w, s.text)) continue;
        Word stem = w.substr(0, w.size() - s.text.size());
        if (!acceptable(stem, s.min_stem)) continue;
        if ((context_of(stem) & s.contexts) == 0) continue;
        if (s.harmonic && !harmony_agrees(stem, s.text)) continue;
        if (min_syllables != 0 && syllables(stem) < min_syllables) continue;
        w = std::move(stem);
        return static_cast<int>(i);
    }
    return -1;
}

// п, к, қ become б, г, ғ between vowels ("кітап" → "кітабы", "құқық" → "құқығы"); a stem
// never keeps the voiced form, so loans ending in г or б ("диалог") are keyed the same way.
void devoice_final(Word& w) {
    if (w.size() < 3) return;
    char32_t& last = w.back();
    if (last == U'б')
        last = U'п';
    else if (last == U'г')
        last = U'к';
    else if (last == U'ғ')
        last = U'қ';
}

// A stem's last letters are ambiguous without a lexicon: "мемлекеті" is "мемлекет" + -і but
// "жалақы" ends in ы; "кеңесі" is "кеңес" + -і or "кеңе" + -сі. Every stem is therefore brought
// to one key: a final consonant + ы/і, a final consonant + ын/ін (the accusative -н after it)
// and a final vowel + с are dropped, so "жалақы", "жалақысы", "жалақысын" all give "жалақ" and
// "кеңес", "кеңесі" both give "кеңе".
void normalise(Word& w) {
    for (int round = 0; round < 3; ++round) {
        for (const auto& [short_form, full_form] : elided_stems) {
            if (u32string_view(w) == short_form) w = Word(full_form);
        }
        const std::size_t n = w.size();
        Word shorter;
        if (n >= 2 && (w[n - 1] == U'ы' || w[n - 1] == U'і') && !is_true_vowel(w[n - 2])) {
            shorter = w.substr(0, n - 1);
        } else if (n >= 3 && w[n - 1] == U'н' && (w[n - 2] == U'ы' || w[n - 2] == U'і') &&
                   !is_true_vowel(w[n - 3])) {
            shorter = w.substr(0, n - 2);
        } else if (n >= 4 && w[n - 1] == U'с' && is_true_vowel(w[n - 2])) {
            shorter = w.substr(0, n - 1);
            if (shorter.size() < 3) shorter.clear();
        }
        if (shorter.empty() || !acceptable(shorter, 2)) break;
        w = std::move(shorter);
    }
    devoice_final(w);
}

Word stem_word(Word w) {
    if (is_protected(w)) return w;

    const int case_index = strip_first(w, case_suffixes, 0, case_suffixes.size());
    if (is_protected(w)) return w;

    // The 1st/2nd person singular possessive is stripped only under the dative -а/-е.
    const bool dative_after_poss12 =
        case_index >= 0 && (case_suffixes[static_cast<std::size_t>(case_index)].contexts & P12);
    if (dative_after_poss12) {
        strip_first(w, possessive_suffixes, first_poss12, end_poss12);
    } else if (strip_first(w, possessive_suffixes, 0, first_poss12) < 0) {
        strip_first(w, possessive_suffixes, end_poss12, possessive_suffixes.size());
    }
    if (is_protected(w)) return w;

    strip_first(w, plural_suffixes, 0, plural_suffixes.size());
    if (is_protected(w)) return w;

    devoice_final(w);
    strip_first(w, derivational_suffixes, 0, derivational_suffixes.size(), 2);
    if (is_protected(w)) return w;

    normalise(w);
    return w;
}

}  // namespace

std::string stem_kazakh(const std::string& word) {
    bool invalid = false;
    Word w = utf8_to_u32(word, &invalid);
    if (invalid || w.empty()) return word;
    for (const char32_t c : w) {
        // Only lower-case Cyrillic letters: digits, Latin or capitals mean this is not a word
        // the rules were written for.
        if (!is_cyrillic_letter(c) || (c >= U'А' && c <= U'Я')) return word;
    }
    return u32_to_utf8(stem_word(std::move(w)));
}

std::string KazakhStemmer::operator()(const std::string& word) {
    // Bounded: a vocabulary this large means the words are no longer repeating.
    constexpr std::size_t max_known = 1 << 15;
    if (const auto it = known_.find(word); it != known_.end()) return it->second;
    if (known_.size() >= max_known) known_.clear();
    return known_.emplace(word, stem_kazakh(word)).first->second;
}

std::string KazakhStemmer::get_description() const { return "kazakh"; }

}  // namespace hubsearch::detail
