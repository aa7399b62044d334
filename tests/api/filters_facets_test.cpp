// SPDX-License-Identifier: MIT
// Filters keep exactly the right records; facets count every match, multi-valued fields once
// per value.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hubsearch;

namespace {

// Three studies and one transcript whose facets are easy to count by hand.
class FacetFixture {
public:
    FacetFixture() {
        Index index(dir_ / "db");
        const char* studies[] = {
            R"(<study id="F-1" lang="en"><title>Pay in Korea and Kazakhstan</title><date>2018</date>
               <topic>remuneration</topic><topic>meritocracy</topic>
               <country>KR</country><country>Kazakhstan</country><country>Сингапур</country>
               <abstract><p>Civil service pay compared.</p></abstract></study>)",
            R"(<study id="F-2" lang="ru"><title>Оплата труда в Казахстане</title><date>2020-05</date>
               <topic>оплата труда</topic><country>KZ</country>
               <abstract><p>Оплата труда государственных служащих.</p></abstract></study>)",
            R"(<study id="F-3" lang="en"><title>Digital recruitment</title><date>2021-01-10</date>
               <topic>recruitment</topic><topic>digital-transformation</topic><country>EE</country>
               <abstract><p>Online selection of civil servants and their pay.</p></abstract></study>)",
        };
        int n = 0;
        for (const char* xml : studies) {
            index.add_buffer(xml, "study" + std::to_string(++n) + ".xml");
        }
        index.add_buffer(R"(<transcript id="F-CONF" lang="en">
            <event><title>Pay forum</title><date>2021-09-01</date></event>
            <participant id="a" country="KR">Kim</participant>
            <participant id="b" country="EE">Tamm</participant>
            <session id="s" type="panel"><topic>remuneration</topic>
              <speech who="a"><p>Pay must follow performance.</p></speech>
              <speech who="b"><p>Estonia reformed pay in 2012.</p></speech>
            </session></transcript>)",
                         "conf.xml");
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir_ / "db"); }

private:
    test::TempDir dir_;
};

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::vector<std::string> all_ids(const Searcher& searcher, SearchRequest request) {
    request.limit = 100;
    request.snippets = false;
    return sorted(test::ids(searcher.search(request)));
}

}  // namespace

TEST_CASE("filters of one kind OR together and different kinds AND", "[filters]") {
    FacetFixture fixture;
    const Searcher searcher = fixture.searcher();
    SearchRequest request;

    request.filters.countries = {"Kazakhstan"};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1", "F-2"});

    request.filters.countries = {"Казахстан", "Эстония"};
    CHECK(all_ids(searcher, request) ==
          std::vector<std::string>{"F-1", "F-2", "F-3", "F-CONF/s/2"});

    request.filters.types = {RecordType::study};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1", "F-2", "F-3"});

    request.filters.years = {parse_year_range("2019..2021")};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-2", "F-3"});
    // A range of many years is matched by value, a short one by the years' terms: same records.
    request.filters.years = {parse_year_range("1990..2021")};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1", "F-2", "F-3"});
    request.filters.years = {parse_year_range("2018..2021")};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1", "F-2", "F-3"});
    request.filters.years = {parse_year_range("2019..2035")};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-2", "F-3"});
    request.filters.years = {parse_year_range("2019..2034")};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-2", "F-3"});
    request.filters.years = {YearRange{2022, 2020}};  // built by hand, empty: matches nothing
    CHECK(all_ids(searcher, request).empty());

    request = {};
    request.filters.topics = {"pay"};  // an English synonym of remuneration
    CHECK(all_ids(searcher, request) ==
          std::vector<std::string>{"F-1", "F-2", "F-CONF/s/1", "F-CONF/s/2"});
    request.filters.languages = {"ru"};
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-2"});
}

TEST_CASE("the same filters work as fields inside the query", "[filters]") {
    FacetFixture fixture;
    const Searcher searcher = fixture.searcher();
    SearchRequest request;
    request.query = "pay country:KR";
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1", "F-CONF/s/1"});
    request.query = "pay type:speech year:2021";
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-CONF/s/1", "F-CONF/s/2"});
    request.query = "country:\"South Korea\"";
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1", "F-CONF/s/1"});
    request.query = "topic:\"оплата труда\" year:..2019";
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-1"});
    request.query = "lang:ru";
    CHECK(all_ids(searcher, request) == std::vector<std::string>{"F-2"});
}

TEST_CASE("facets count every match, once per value of a multi-valued field", "[facets]") {
    FacetFixture fixture;
    const Searcher searcher = fixture.searcher();
    SearchRequest request;
    request.query = "pay";
    request.expand_synonyms = false;  // the English word only: F-1, F-3 and both speeches
    request.facets = true;
    request.limit = 1;  // facets must not depend on the page
    // The first search reads each match's values; the next ones look them up in a table.
    for (int search = 1; search <= 3; ++search) {
        CAPTURE(search);
        const auto results = searcher.search(request);
        CHECK(results.hits.size() == 1);
        CHECK(test::facet_count(results, "type", "study") == 2);
        CHECK(test::facet_count(results, "type", "speech") == 2);
        CHECK(test::facet_count(results, "country", "KR") == 2);  // F-1 and Kim's speech
        CHECK(test::facet_count(results, "country", "KZ") == 1);
        CHECK(test::facet_count(results, "country", "SG") == 1);
        CHECK(test::facet_count(results, "country", "EE") == 2);  // F-3 and Tamm's speech
        CHECK(test::facet_count(results, "topic", "remuneration") == 3);
        CHECK(test::facet_count(results, "topic", "meritocracy") == 1);
        CHECK(test::facet_count(results, "year", "2021") == 3);
        CHECK(test::facet_count(results, "year", "2018") == 1);
        CHECK(test::facet_count(results, "year", "2020") == 0);
        // Years come newest first.
        CHECK(results.facets.at("year").front().value == "2021");
    }
}

TEST_CASE("an empty query with facets describes the whole collection", "[facets]") {
    FacetFixture fixture;
    SearchRequest request;
    request.facets = true;
    const auto results = fixture.searcher().search(request);
    CHECK(results.total_estimate == 5);
    CHECK(test::facet_count(results, "country", "KZ") == 2);
    CHECK(test::facet_count(results, "topic", "remuneration") == 4);
    CHECK(test::facet_count(results, "language", "ru") == 1);
}

TEST_CASE("paging returns consecutive slices of one ranking", "[filters]") {
    FacetFixture fixture;
    const Searcher searcher = fixture.searcher();
    SearchRequest request;
    request.query = "pay";
    request.limit = 10;
    const auto all = test::ids(searcher.search(request));
    REQUIRE(all.size() == 5);
    request.limit = 2;
    request.offset = 2;
    const auto page = searcher.search(request);
    CHECK(test::ids(page) == std::vector<std::string>{all[2], all[3]});
    CHECK(page.hits[0].rank == 3);
}

TEST_CASE("an English query also finds a Russian record on the concept, ranked below",
          "[expansion]") {
    FacetFixture fixture;
    const Searcher searcher = fixture.searcher();
    SearchRequest request;
    request.query = "pay";
    request.snippets = false;
    const auto ids = test::ids(searcher.search(request));
    // F-2 says only "Оплата труда"; the remuneration concept links it to "pay".
    REQUIRE(ids.size() == 5);
    CHECK(ids.back() == "F-2");
    request.expand_synonyms = false;
    const auto plain = test::ids(searcher.search(request));
    CHECK(std::find(plain.begin(), plain.end(), "F-2") == plain.end());
}
