// SPDX-License-Identifier: MIT
// JATS articles (issue 4): real journal articles become studies with their authors,
// affiliations, countries, year, keywords and text.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch;

namespace {

struct JatsIndex {
    test::TempDir dir;
    IndexReport report;
    JatsIndex() {
        Index index(dir / "db");
        report = index.add_path(test::data_dir / "external" / "jats");
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir / "db"); }
};

const JatsIndex& jats() {
    static const JatsIndex indexed;
    return indexed;
}

std::vector<std::string> names(const std::vector<Person>& people) {
    std::vector<std::string> out;
    for (const auto& p : people) out.push_back(p.name);
    return out;
}

}  // namespace

TEST_CASE("three real JATS articles become three studies", "[formats][jats]") {
    CHECK(jats().report.files_indexed == 3);
    CHECK(jats().report.errors == 0);
    CHECK(jats().report.records == 3);
}

TEST_CASE("a JATS article keeps its authors, affiliations, countries, year and keywords",
          "[formats][jats]") {
    const auto record = jats().searcher().find("10.5117_CCR2025.1.002.YAO");
    REQUIRE(record);
    CHECK(record->type == RecordType::study);
    CHECK(pick_text(record->titles, "en") ==
          "Candidate Party, Gender, and the Face Mask as a Political Symbol in Campaign "
          "Advertisements");
    CHECK(names(record->authors) == std::vector<std::string>{"Jielu Yao", "Travis N. Ridout",
                                                             "Markus Neumann",
                                                             "Erika Franklin Fowler"});
    // Unstructured affiliations: the country is the last part, resolved to its code.
    CHECK(record->authors[0].affiliation ==
          "East Asian Institute, National University of Singapore, Singapore");
    CHECK(record->authors[0].country == "SG");
    CHECK(record->authors[1].country == "US");
    CHECK(record->authors[2].country == "CN");
    CHECK(record->year == 2025);
    CHECK(record->date == "2025-11");
    CHECK(record->language == "en");
    CHECK(record->keywords ==
          std::vector<std::string>{"masks", "COVID-19", "political advertising"});
    CHECK(record->series == "Computational Communication Research");
    CHECK(record->links == std::vector<std::string>{"https://doi.org/10.5117/CCR2025.1.002.YAO"});
    REQUIRE(record->abstracts.size() == 1);
    CHECK(record->abstracts[0].text.rfind("During the COVID-19 pandemic, wearing a face mask", 0) ==
          0);
    REQUIRE_FALSE(record->body.empty());
    CHECK(record->body.front().heading_level == 1);
    CHECK(record->body.front().text == "Introduction");
}

TEST_CASE("JATS translated titles, abstracts and structured affiliations are kept",
          "[formats][jats]") {
    const auto record = jats().searcher().find("10.1590_2318-0889202133e200068");
    REQUIRE(record);
    CHECK(pick_text(record->titles, "pt") ==
          "Bases intelectuais da elite de pesquisadores brasileiros no domínio da organização do "
          "conhecimento");
    REQUIRE(record->abstracts.size() == 2);
    CHECK(record->abstracts[1].lang == "pt");
    REQUIRE(record->authors.size() == 2);
    CHECK(record->authors[0].name == "Paula Carina de ARAÚJO");
    CHECK(record->authors[0].affiliation ==
          "Universidade Federal do Paraná; Universidade do Estado de Santa Catarina");
    CHECK(record->authors[0].country == "BR");
    CHECK(record->date == "2021-04-09");
    CHECK(record->languages == std::vector<std::string>{"en", "pt"});
}

TEST_CASE("a JATS article's year is its issue's, as it is cited", "[formats][jats]") {
    // Mediações 24(1) 2019, put online by SciELO in 2025.
    const auto record = jats().searcher().find("10.5433_2176-6665.2019v24n1p74");
    REQUIRE(record);
    CHECK(record->year == 2019);
    CHECK(record->language == "es");
    CHECK(record->authors.at(0).country == "AR");
}

TEST_CASE("a search for a JATS article's subject finds it first", "[formats][jats]") {
    const auto searcher = jats().searcher();
    const auto ids = test::search_ids(searcher, "face mask campaign advertisements partisan");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "10.5117_CCR2025.1.002.YAO");
    SearchRequest request;
    request.filters.countries = {"Brazil"};
    request.query = "co-citation";
    // Authors' countries are shown and searchable but not in the country facet, as for hub-XML.
    CHECK(searcher.search(request).hits.empty());
    CHECK(test::search_ids(searcher, "author bibliographic coupling").front() ==
          "10.1590_2318-0889202133e200068");
}

TEST_CASE("a JATS keyword that is a topic label becomes that topic", "[formats][jats]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        const auto report =
            index.add_path(test::data_dir / "formats" / "encodings" / "jats_koi8r.xml");
        REQUIRE(report.files_indexed == 1);
    }
    const auto record = Searcher(dir / "db").find("10.9999_enc.koi8r");
    REQUIRE(record);
    CHECK(record->topics == std::vector<std::string>{"digital-transformation"});
    CHECK(record->keywords.empty());
    CHECK(record->authors.at(0).country == "KZ");
    CHECK(record->authors.at(0).affiliation == "Академия государственного управления");
}
