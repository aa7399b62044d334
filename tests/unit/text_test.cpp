// SPDX-License-Identifier: MIT
// Text helpers that positions in error messages and language detection rely on.
#include "analysis/text.hpp"

#include "analysis/case_fold.hpp"
#include "analysis/language.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch::detail;

TEST_CASE("columns count characters, not bytes", "[text]") {
    const std::string text = "<a>\n  Қазақ <b";
    const auto where = position_of(text, text.find("<b"));
    CHECK(where.line == 2);
    CHECK(where.column == 9);
}

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[text]") {
    CHECK(find_invalid_utf8("Қазақ") == std::string::npos);
    CHECK(find_invalid_utf8("ab\xC3") == 2);
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);         // overlong
    CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1);      // surrogate
    CHECK(find_invalid_utf8("a\xF4\x90\x80\x80") == 1);  // past U+10FFFF
}

TEST_CASE("language is told from the letters", "[text][language]") {
    CHECK(detect_language("Мемлекеттік қызметшілердің еңбекақысы") == "kk");
    CHECK(detect_language("Оплата труда государственных служащих") == "ru");
    CHECK(detect_language("Оплата труда в Казахстане (Қазақстан)") == "ru");
    CHECK(detect_language("Civil service pay") == "en");
    CHECK(detect_language("2021 — 42") == "");
}

TEST_CASE("whitespace runs collapse to one space", "[text]") {
    CHECK(collapse_whitespace("  a \n\t b  ") == "a b");
}

TEST_CASE("Kazakh capitals fold to their small letters and ё folds to е", "[text][case]") {
    CHECK(fold_case("ӘҒҚҢӨҰҮҺІ") == "әғқңөұүһі");
    CHECK(fold_case("МЕМЛЕКЕТТІК ҚЫЗМЕТ") == "мемлекеттік қызмет");
    CHECK(fold_case("Ёлка ёж") == "елка еж");
    CHECK(fold_case("Civil SERVICE") == "civil service");
}
