// SPDX-License-Identifier: MIT
// Russian, Kazakh and English as a researcher types them: any grammatical form, any case, ё or
// е, Kazakh in Latin letters, words with look-alike letters from the other script.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hubsearch;

namespace {

class Fixture {
public:
    Fixture() {
        Index index(dir_ / "db");
        const char* documents[] = {
            R"(<study id="RU-PAY" lang="ru"><title>Оплата труда государственного служащего</title>
               <date>2020</date><abstract><p>Реформа оплаты труда и ёмкость бюджета.</p></abstract></study>)",
            R"(<study id="KK-SERVANTS" lang="kk"><title>Мемлекеттік қызметшілердің біліктілігі</title>
               <date>2021</date><abstract><p>Қызметшілерге арналған оқыту бағдарламалары.</p></abstract></study>)",
            R"(<study id="EN-TRAINING" lang="en"><title>Training civil servants</title>
               <date>2019</date><abstract><p>Academies train officials in digital skills.</p></abstract></study>)",
            R"(<study id="MIXED" lang="ru"><title>Гоcударственные закупки</title>
               <date>2018</date><abstract><p>Текст с латинской буквой c в заголовке.</p></abstract></study>)",
            R"(<study id="KK-CORRUPTION" lang="kk"><title>Сыбайлас жемқорлыққа қарсы іс-қимыл</title>
               <date>2022</date><abstract><p>Мемлекеттік органдардағы сыбайлас жемқорлық тәуекелдері.</p></abstract></study>)",
        };
        int n = 0;
        for (const char* xml : documents) {
            const auto report = index.add_buffer(xml, "doc" + std::to_string(++n) + ".xml");
            REQUIRE(report.files_indexed == 1);
        }
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir_ / "db"); }

private:
    test::TempDir dir_;
};

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("a Russian query finds other grammatical forms, in any case", "[multilingual]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    for (const char* query : {"оплаты труда государственных служащих", "ОПЛАТА ТРУДА",
                              "Оплатой Труда", "государственному служащему"}) {
        CAPTURE(query);
        CHECK(test::search_ids(searcher, query).at(0) == "RU-PAY");
    }
}

TEST_CASE("ё and е match both ways", "[multilingual]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    CHECK(test::search_ids(searcher, "емкость").at(0) == "RU-PAY");
    CHECK(test::search_ids(searcher, "ЁМКОСТЬ").at(0) == "RU-PAY");
}

TEST_CASE("Kazakh inflected forms meet through the Kazakh stemmer", "[multilingual][kazakh]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    for (const char* query :
         {"қызметші", "қызметшілерге", "мемлекеттік қызметшілердің", "МЕМЛЕКЕТТІК ҚЫЗМЕТШІЛЕР"}) {
        CAPTURE(query);
        CHECK(test::search_ids(searcher, query).at(0) == "KK-SERVANTS");
    }
}

TEST_CASE("a query in the Kazakh Latin alphabet finds Cyrillic documents",
          "[multilingual][kazakh]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    CHECK(test::search_ids(searcher, "memlekettik qyzmetshilerdiń").at(0) == "KK-SERVANTS");
    CHECK(test::search_ids(searcher, "sybaılas jemqorlyq").at(0) == "KK-CORRUPTION");
}

TEST_CASE("a word with Latin look-alike letters matches its Cyrillic spelling", "[multilingual]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    // The title has a Latin c; the query is all Cyrillic, and the other way round.
    CHECK(test::search_ids(searcher, "государственные закупки").at(0) == "MIXED");
    CHECK(test::search_ids(searcher, "oплата труда").at(0) == "RU-PAY");  // Latin o
}

TEST_CASE("an English query finds Kazakh documents on the same concept, ranked below",
          "[multilingual][expansion]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    SearchRequest request;
    request.query = "corruption";
    const auto ids = test::ids(searcher.search(request));
    CHECK(contains(ids, "KK-CORRUPTION"));
    request.expand_synonyms = false;
    CHECK_FALSE(contains(test::ids(searcher.search(request)), "KK-CORRUPTION"));
}

TEST_CASE("exact word forms rank above stem matches", "[multilingual]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_buffer(R"(<study id="STEM" lang="ru"><title>Отчёт</title><date>2020</date>
            <abstract><p>Реформы службы.</p></abstract></study>)",
                         "a.xml");
        index.add_buffer(R"(<study id="EXACT" lang="ru"><title>Отчёт</title><date>2020</date>
            <abstract><p>Реформа службы.</p></abstract></study>)",
                         "b.xml");
    }
    CHECK(test::search_ids(Searcher(dir / "db"), "реформа").at(0) == "EXACT");
}

TEST_CASE("a misspelt query gets a suggestion from the indexed words", "[multilingual][spelling]") {
    Fixture fixture;
    const auto searcher = fixture.searcher();
    SearchRequest request;
    request.query = "acadmies";  // matches nothing: the correction's results are shown
    const auto misspelt = searcher.search(request);
    CHECK(misspelt.suggestion == "academies");
    CHECK(misspelt.corrected);
    CHECK(test::ids(misspelt) == std::vector<std::string>{"EN-TRAINING"});
    request.query = "біліктілгі";  // a letter missing
    CHECK(searcher.search(request).suggestion == "біліктілігі");
    request.query = "біліктіліг";  // found through its stem already: no suggestion
    CHECK(searcher.search(request).suggestion.empty());
    request.query = "academies";  // already matches well: no suggestion
    CHECK(searcher.search(request).suggestion.empty());
}

TEST_CASE("explain shows languages, stems per language and expansions", "[multilingual][explain]") {
    Fixture fixture;
    SearchRequest request;
    request.query = "Оплата труда";
    request.filters.countries = {"Казахстан"};
    request.explain = true;
    const auto results = fixture.searcher().search(request);
    REQUIRE(results.explanation);
    const auto& e = *results.explanation;
    CHECK(e.normalized_query == "оплата труда");
    CHECK(e.languages == std::vector<std::string>{"ru", "kk"});
    REQUIRE(e.readings.size() == 3);
    CHECK(e.readings[0].language == "exact");
    CHECK(e.readings[1].language == "ru");
    CHECK(contains(e.readings[1].terms, "Zоплат"));
    // The thesaurus concept and the topic of the same name both expand the words.
    const auto expands = [&](const std::string& concept) {
        return std::any_of(e.expansions.begin(), e.expansions.end(),
                           [&](const std::string& x) { return x.rfind(concept + ":", 0) == 0; });
    };
    CHECK(expands("topic:remuneration"));
    CHECK(expands("remuneration"));
    CHECK(e.filters == std::vector<std::string>{"country: KZ"});
}

TEST_CASE("a forced query language reads the query in that language only", "[multilingual]") {
    Fixture fixture;
    SearchRequest request;
    request.query = "қызметшілерге";
    request.query_language = "ru";
    request.expand_synonyms = false;
    request.explain = true;
    const auto results = fixture.searcher().search(request);
    CHECK(results.explanation->languages == std::vector<std::string>{"ru"});
}
