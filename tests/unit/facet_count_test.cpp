// SPDX-License-Identifier: MIT
// Facet counts are the same whether one thread counts every match or two threads count half
// the index each (what a Searcher does for large match sets).
#include <hubsearch/hubsearch.hpp>

#include "search/facets.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>

using namespace hubsearch;

TEST_CASE("facets counted in two halves equal facets counted at once", "[facets]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        const char* countries[] = {"KZ", "KG", "UZ"};
        for (int i = 0; i < 60; ++i) {
            const std::string xml =
                "<study id=\"S" + std::to_string(i) + "\" lang=\"en\"><title>Civil service " +
                (i % 2 ? "pay" : "training") + "</title><date>" + std::to_string(2015 + i % 7) +
                "</date><country>" + countries[i % 3] + "</country></study>";
            REQUIRE(index.add_buffer(xml, "s" + std::to_string(i) + ".xml").files_indexed == 1);
        }
    }
    const Xapian::Database db((dir / "db").string());
    Xapian::Database second((dir / "db").string());
    for (const char* term : {"civil", "pay", "training"}) {
        CAPTURE(term);
        const Xapian::Query query(term);
        Xapian::doccount at_once = 0, in_halves = 0;
        const auto one = detail::count_facets(db, nullptr, query, at_once);
        const auto two = detail::count_facets(db, &second, query, in_halves);
        CHECK(at_once == db.get_termfreq(term));
        CHECK(in_halves == at_once);
        for (const char* facet : {"topic", "country", "year", "type", "language"}) {
            CAPTURE(facet);
            REQUIRE(one.at(facet).size() == two.at(facet).size());
            for (std::size_t k = 0; k < one.at(facet).size(); ++k) {
                CHECK(one.at(facet)[k].value == two.at(facet)[k].value);
                CHECK(one.at(facet)[k].count == two.at(facet)[k].count);
            }
        }
    }
    // A tree like the ones QueryBuilder makes: its subqueries are shared by the two halves'
    // queries unless each thread has its own copy (run under -fsanitize=thread to see it).
    const Xapian::Query tree(
        Xapian::Query::OP_AND, Xapian::Query("civil"),
        Xapian::Query(
            Xapian::Query::OP_OR,
            Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("pay"), Xapian::Query("Zpay")),
            Xapian::Query("training")));
    for (int round = 0; round < 50; ++round) {
        Xapian::doccount tree_matches = 0;
        const auto counted = detail::count_facets(db, &second, tree, tree_matches);
        REQUIRE(tree_matches == 60);
        REQUIRE(counted.at("year").size() == 7);
    }
    // Hand counts: 60 records, 20 per country; 30 about pay.
    Xapian::doccount matches = 0;
    const auto all = detail::count_facets(db, &second, Xapian::Query("civil"), matches);
    CHECK(matches == 60);
    REQUIRE(all.at("country").size() == 3);
    for (const auto& country : all.at("country")) CHECK(country.count == 20);
    Xapian::doccount pay = 0;
    const auto paid = detail::count_facets(db, &second, Xapian::Query("pay"), pay);
    CHECK(pay == 30);
    CHECK(paid.at("type").at(0).value == "study");
    CHECK(paid.at("type").at(0).count == 30);
}
