// SPDX-License-Identifier: MIT
// Facet counts are the same whether one thread counts every match or two threads count half
// the index each (what a Searcher does for large match sets), and whether values are read from
// the index or looked up in a FacetTable (what a Searcher does from its second faceted search).
#include <hubsearch/hubsearch.hpp>

#include "search/facets.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>

using namespace hubsearch;

namespace {

using Counts = std::map<std::string, std::vector<FacetCount>>;

Counts count(const Xapian::Database& db, Xapian::Database* second, const Xapian::Query& query,
             const detail::FacetTable* table, Xapian::doccount& matches) {
    return detail::count_facets(db, second, table, query, matches);
}

void check_same(const Counts& one, const Counts& two) {
    for (const char* facet : {"topic", "country", "year", "type", "language"}) {
        CAPTURE(facet);
        REQUIRE(one.at(facet).size() == two.at(facet).size());
        for (std::size_t k = 0; k < one.at(facet).size(); ++k) {
            CHECK(one.at(facet)[k].value == two.at(facet)[k].value);
            CHECK(one.at(facet)[k].count == two.at(facet)[k].count);
        }
    }
}

}  // namespace

TEST_CASE("facets counted in halves or from a table equal facets counted at once", "[facets]") {
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
    {
        // A deleted record leaves a gap in the document numbers that the table must skip.
        Xapian::WritableDatabase writable((dir / "db").string());
        writable.delete_document(7);
        writable.commit();
    }
    const Xapian::Database db((dir / "db").string());
    Xapian::Database second((dir / "db").string());
    const detail::FacetTable table(db);
    for (const char* term : {"civil", "pay", "training"}) {
        CAPTURE(term);
        const Xapian::Query query(term);
        Xapian::doccount at_once = 0, in_halves = 0, looked_up = 0, both = 0;
        const auto one = count(db, nullptr, query, nullptr, at_once);
        CHECK(at_once == db.get_termfreq(term));
        check_same(one, count(db, &second, query, nullptr, in_halves));
        check_same(one, count(db, nullptr, query, &table, looked_up));
        check_same(one, count(db, &second, query, &table, both));
        CHECK(in_halves == at_once);
        CHECK(looked_up == at_once);
        CHECK(both == at_once);
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
        const auto counted = count(db, &second, tree, round % 2 ? &table : nullptr, tree_matches);
        REQUIRE(tree_matches == 59);
        REQUIRE(counted.at("year").size() == 7);
    }
    // Hand counts: 60 records less the deleted one (S6: training, 2021, KZ); 20 per country,
    // 30 about pay.
    for (const detail::FacetTable* with :
         {static_cast<const detail::FacetTable*>(nullptr), &table}) {
        Xapian::doccount matches = 0;
        const auto all = count(db, &second, Xapian::Query("civil"), with, matches);
        CHECK(matches == 59);
        REQUIRE(all.at("country").size() == 3);
        CHECK(all.at("country").at(0).value == "KG");
        CHECK(all.at("country").at(0).count == 20);
        CHECK(all.at("country").at(2).value == "KZ");
        CHECK(all.at("country").at(2).count == 19);
        Xapian::doccount pay = 0;
        const auto paid = count(db, &second, Xapian::Query("pay"), with, pay);
        CHECK(pay == 30);
        CHECK(paid.at("type").at(0).value == "study");
        CHECK(paid.at("type").at(0).count == 30);
    }
}
