// SPDX-License-Identifier: MIT
#include "analysis/kazakh_latin.hpp"

#include "analysis/case_fold.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using hubsearch::detail::fold_case;
using hubsearch::detail::kazakh_latin_to_cyrillic;
using hubsearch::detail::looks_like_kazakh_latin;
using hubsearch::detail::repair_mixed_script;

TEST_CASE("Kazakh typed in Latin letters is found in Cyrillic", "[kazakh][latin]") {
    const std::vector<std::pair<std::string, std::string>> examples{
        // plain-ASCII typing
        {"memlekettik qyzmet", "мемлекеттік қызмет"},
        {"qyzmetshiler", "қызметшілер"},
        {"basqaru", "басқару"},
        {"auyl", "ауыл"},
        {"ulttyq", "ұлттық"},
        {"ulken", "үлкен"},
        {"Shymkent", "Шымкент"},
        {"Almaty", "Алматы"},
        {"zhol", "жол"},
        {"salyq kodeksi", "салық кодексі"},
        // the 2018 alphabet (acute accents, ı/í for и/й, ý for у)
        {"Qazaqstan Respýblıkasy", "Қазақстан Республикасы"},
        {"úkimet", "үкімет"},
        {"ǵylym", "ғылым"},
        {"jańa", "жаңа"},
        {"ázirge", "әзірге"},
        {"óńir", "өңір"},
        {"basqarý", "басқару"},
        {"qalaı", "қалай"},
        // the 2021 alphabet (umlauts, ı for і, i for и/й, u for у)
        {"Būryñğy ötken zamanda, bır danyşpan kısı", "Бұрыңғы өткен заманда, бір данышпан кісі"},
        {"üiıne", "үйіне"},
        {"Respublikasy älemde", "Республикасы әлемде"},
        {"şaruaşylyğy", "шаруашылығы"},
        // the 2017 apostrophes and letters typed with combining accents
        {"a'lem", "әлем"},
        {"g'ylym", "ғылым"},
        {"jan\xCC\x81"
         "a",
         "жаңа"},  // n + U+0301
        {"a\xCC\x81"
         "lem",
         "әлем"},  // a + U+0301
        // capitals, and text that is not Latin
        {"QAZAQSTAN", "ҚАЗАҚСТАН"},
        {"2021 jyl", "2021 жыл"},
        {"Заң", "Заң"},
    };
    for (const auto& [latin, cyrillic] : examples) {
        INFO(latin);
        CHECK(kazakh_latin_to_cyrillic(latin) == cyrillic);
    }
}

TEST_CASE("Only Latin words that look Kazakh get a Cyrillic alternative", "[kazakh][latin]") {
    for (const char* word : {"memlekettik", "qyzmet", "Qazaqstan", "ǵylym", "jańa", "úkimet",
                             "basshylyq", "ekonomikalyq", "älem", "şaruaşylyq", "salyq"}) {
        INFO(word);
        CHECK(looks_like_kazakh_latin(word));
    }
    for (const char* word : {"civil",    "service", "state",    "government", "policy",
                             "reform",   "salary",  "military", "quality",    "question",
                             "public",   "the",     "analysis", "system",     "university",
                             "minister", "budget",  "law",      "Kazakhstan", "memlekettik qyzmet",
                             "мемлекет", "ok"}) {
        INFO(word);
        CHECK_FALSE(looks_like_kazakh_latin(word));
    }
}

TEST_CASE("Words typed with letters of two scripts are repaired", "[kazakh][latin]") {
    // Latin a e o p c x y k h i inside Cyrillic words.
    CHECK(repair_mixed_script("мемлекeттiк") == "мемлекеттік");
    CHECK(repair_mixed_script("Зaң") == "Заң");
    CHECK(repair_mixed_script("pеформа") == "реформа");
    CHECK(repair_mixed_script("Kітап") == "Кітап");
    CHECK(repair_mixed_script("MЕКЕМЕ") == "МЕКЕМЕ");
    CHECK(repair_mixed_script("ТOО") == "ТОО");
    CHECK(repair_mixed_script("TОO") == "TOO");        // more Latin: the Cyrillic О goes
    CHECK(repair_mixed_script("шəкірт") == "шәкірт");  // Latin schwa typed for ә
    // Cyrillic а о е р с inside Latin words.
    CHECK(repair_mixed_script("Kаzаkhstаn") == "Kazakhstan");
    CHECK(repair_mixed_script("rеfоrm") == "reform");
    // Words in one script are untouched, whatever they contain.
    CHECK(repair_mixed_script("мемлекет") == "мемлекет");
    CHECK(repair_mixed_script("reform") == "reform");
    CHECK(repair_mixed_script("COVID-19") == "COVID-19");
    CHECK(repair_mixed_script("") == "");
}

TEST_CASE("Every Kazakh capital letter and ё fold to the lower-case letter", "[case]") {
    CHECK(fold_case("ӘҒҚҢӨҰҮҺІ") == "әғқңөұүһі");
    CHECK(fold_case("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "абвгдежзийклмнопрстуфхцчшщъыьэюя");
    CHECK(fold_case("Ё") == "е");
    CHECK(fold_case("ё") == "е");
    CHECK(fold_case("Ёлка ёж") == "елка еж");
    CHECK(fold_case("ЇЄҐЎ") == "їєґў");  // Ukrainian and Belarusian
    CHECK(fold_case("ÁǴŃÓÚÝÄĞÑÖÜŪŞÇ") == "áǵńóúýäğñöüūşç");
    CHECK(fold_case("İ") == "i");
    CHECK(fold_case("Мемлекеттік Қызмет STATE") == "мемлекеттік қызмет state");
}

TEST_CASE("Case folding survives bytes that are not UTF-8", "[case]") {
    CHECK(fold_case("A\xFF"
                    "B") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(fold_case("\xD0") == "\xEF\xBF\xBD");                  // truncated sequence
    CHECK(fold_case("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(fold_case("\xED\xA0\x80"
                    "Қ") ==
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
          "қ");
    CHECK(fold_case("") == "");
}
