// SPDX-License-Identifier: MIT
// Topic and country values in any of the three languages resolve to one id.
#include <hubsearch/hubsearch.hpp>

#include <catch2/catch.hpp>

using namespace hubsearch;

TEST_CASE("country names in English, Russian and Kazakh resolve to the ISO code", "[vocabulary]") {
    for (const char* name : {"KR", "kr", "Korea", "South Korea", "Republic of Korea", "Корея",
                             "Республика Корея", "Оңтүстік Корея", "ОҢТҮСТІК КОРЕЯ"}) {
        CAPTURE(name);
        CHECK(resolve_country(name) == "KR");
    }
    CHECK(resolve_country("Қазақстан") == "KZ");
    CHECK(resolve_country("United States of America") == "US");
    CHECK(resolve_country("Соединенные Штаты Америки") == "US");  // е for ё
    CHECK(resolve_country("Türkiye") == "TR");
    CHECK(resolve_country("Turkey") == "TR");
    CHECK(resolve_country("Өзбекстан") == "UZ");
    CHECK_FALSE(resolve_country("Atlantis"));
}

TEST_CASE("every UN member state has a name in each language", "[vocabulary]") {
    // A sample across regions; the registry holds all 193 (docs/vocabularies.md).
    for (const char* code : {"AF", "BR", "CD", "FJ", "IS", "KZ", "MX", "NZ", "TV", "ZW"}) {
        CAPTURE(code);
        for (const char* lang : {"en", "ru", "kk"}) {
            CHECK(country_name(code, lang) != code);
        }
    }
    CHECK(country_name("KZ", "kk") == "Қазақстан");
    CHECK(country_name("KZ", "ru") == "Казахстан");
}

TEST_CASE("topic ids and labels in three languages resolve to the id", "[vocabulary]") {
    CHECK(resolve_topic("remuneration") == "remuneration");
    CHECK(resolve_topic("Pay") == "remuneration");
    CHECK(resolve_topic("оплата труда") == "remuneration");
    CHECK(resolve_topic("Меритократия") == "meritocracy");
    CHECK(resolve_topic("anti-corruption") == "integrity");
    CHECK(resolve_topic("Anti corruption") == "integrity");
    CHECK(resolve_topic("цифрлық трансформация") == "digital-transformation");
    CHECK_FALSE(resolve_topic("astrology"));
    CHECK(topic_label("integrity", "ru") == "добропорядочность");
    CHECK(topic_label("no-such-topic", "en") == "no-such-topic");
}
