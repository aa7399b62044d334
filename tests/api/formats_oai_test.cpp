// SPDX-License-Identifier: MIT
// OAI-PMH harvests (issue 4): oai_dc records from real repositories become studies; response
// pages of one harvest add up, and a deleted record removes the study another page added.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch;

namespace {

const std::filesystem::path oai_dir = test::data_dir / "external" / "oai";

}  // namespace

TEST_CASE("two pages of an OAI-PMH harvest and another repository's response index as studies",
          "[formats][oai]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_path(oai_dir);
    CHECK(report.files_indexed == 3);
    CHECK(report.errors == 0);
    // RCAAP page 1 (100 records) and page 2 (3), CyberLeninka (54).
    CHECK(report.records == 157);
    CHECK(index.record_count() == 157);
}

TEST_CASE("an oai_dc record keeps its title, creators, subjects, description, date and language",
          "[formats][oai]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_path(oai_dir / "rcaap_pt_ListRecords_2015-12-26_page1.xml");
    }
    const Searcher searcher(dir / "db");
    // The OAI identifier with '/' replaced by '_' is the study id.
    const auto record = searcher.find("oai:repositorio-aberto.up.pt:10216_11441");
    REQUIRE(record);
    CHECK(pick_text(record->titles, "pt") ==
          "Renovação de plataformas ferroviárias : estudos relativos à capacidade de carga");
    REQUIRE(record->authors.size() == 1);
    CHECK(record->authors[0].name == "Fortunato, Eduardo Manuel Cabrita");
    CHECK(record->year == 2012);
    CHECK(record->language == "pt");
    CHECK(record->keywords == std::vector<std::string>{"Plataformas ferroviárias", "Vias férreas",
                                                       "Capacidade de carga"});
    CHECK(record->links ==
          std::vector<std::string>{"http://www.rcaap.pt/detail.jsp?id=oai:repositorio-aberto.up.pt:"
                                   "10216/11441"});
    REQUIRE(record->abstracts.size() == 1);
    CHECK(record->abstracts[0].text ==
          "Tese de Doutoramento. Engenharia Civil. Faculdade de Engenharia. Universidade do "
          "Porto. 2005");
    CHECK(test::search_ids(searcher, "plataformas ferroviárias").front() ==
          "oai:repositorio-aberto.up.pt:10216_11441");
}

TEST_CASE("a Russian OAI-PMH record is found by its Russian words", "[formats][oai]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_path(oai_dir / "cyberleninka_ru_ListRecords_2015-05-19.xml");
    }
    const Searcher searcher(dir / "db");
    const auto ids = test::search_ids(searcher, "ожоги голени некрэктомия");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "oai:cyberleninka.ru:article_14758677");
    const auto record = searcher.find(ids.front());
    REQUIRE(record);
    CHECK(record->year == 2011);
    CHECK(record->authors.size() == 2);
    CHECK(record->authors[0].name == "РЫБДЫЛОВ ДАНЗАН ДОРЖИЕВИЧ");
    // "A,B,C" subject lists are split into keywords.
    CHECK(record->keywords.size() == 8);
    CHECK(record->abstracts.size() == 2);
}

TEST_CASE("a deleted record in a later response removes the study an earlier page added",
          "[formats][oai]") {
    test::TempDir dir;
    Index index(dir / "db");
    index.add_path(oai_dir);
    REQUIRE(index.record_count() == 157);
    const auto report = index.add_path(test::data_dir / "formats" / "oai" / "deleted_page3.xml");
    CHECK(report.files_indexed == 1);
    CHECK(report.errors == 0);
    index.commit();
    CHECK(index.record_count() == 156);
    const Searcher searcher(dir / "db");
    CHECK_FALSE(searcher.find("oai:repositorio-aberto.up.pt:10216_11441"));
    CHECK(test::search_ids(searcher, "plataformas ferroviárias").empty());
    // The other records of that page are still there.
    CHECK(searcher.find("oai:repositorio-aberto.up.pt:10216_12148"));
}

TEST_CASE("dc:coverage that names a country becomes a country facet value", "[formats][oai]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_path(test::data_dir / "formats" / "encodings" / "oai_cp1251.xml");
    }
    const auto record = Searcher(dir / "db").find("oai:enc.example:cp1251_1");
    REQUIRE(record);
    CHECK(record->countries == std::vector<std::string>{"RU"});
    CHECK(record->date == "2019-11-05");
    CHECK(record->language == "ru");
}
