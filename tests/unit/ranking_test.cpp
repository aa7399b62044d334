// SPDX-License-Identifier: MIT
// A ranking done in two halves of the index on two threads gives the page one ranking gives
// (what a Searcher does when a query reads long posting lists).
#include "search/ranking.hpp"

#include <hubsearch/hubsearch.hpp>

#include "search/in_parallel.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <stdexcept>
#include <string>

using namespace hubsearch;

TEST_CASE("ranking in two halves gives the page ranking at once gives", "[ranking]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        for (int i = 0; i < 90; ++i) {
            // Word counts vary with i, so weights differ; records 3k and 3k+1 tie.
            std::string title = "Civil service";
            for (int k = 0; k < i / 3 % 5; ++k) title += " pay";
            if (i % 4 == 0) title += " training";
            const std::string xml = "<study id=\"S" + std::to_string(i) + "\" lang=\"en\"><title>" +
                                    title + "</title><date>2020</date></study>";
            REQUIRE(index.add_buffer(xml, "s" + std::to_string(i) + ".xml").files_indexed == 1);
        }
    }
    const Xapian::Database db((dir / "db").string());
    Xapian::Database second((dir / "db").string());
    const Xapian::Query tree(
        Xapian::Query::OP_OR, Xapian::Query("Zpay"),
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("training"),
                                    Xapian::Query("Ztrain")),
                      0.8));
    for (const Xapian::Query& query : {Xapian::Query("Zpay"), Xapian::Query("civil"), tree}) {
        CAPTURE(query.get_description());
        for (Xapian::doccount offset : {0u, 7u, 40u, 85u}) {
            CAPTURE(offset);
            const auto one = detail::rank(db, nullptr, query, offset, 10);
            const auto two = detail::rank(db, &second, query, offset, 10);
            REQUIRE(one.hits.size() == two.hits.size());
            for (std::size_t k = 0; k < one.hits.size(); ++k) {
                CHECK(one.hits[k].docid == two.hits[k].docid);
                CHECK(one.hits[k].weight == Approx(two.hits[k].weight));
            }
        }
    }
    // The match estimates of the halves add up to the whole: the counts here are exact.
    const auto civil = detail::rank(db, &second, Xapian::Query("civil"), 0, 5);
    CHECK(civil.matches_estimated ==
          detail::rank(db, nullptr, Xapian::Query("civil"), 0, 5).matches_estimated);
    CHECK(civil.hits.size() == 5);
    const auto trained = detail::rank(db, &second, Xapian::Query("training"), 0, 100);
    CHECK(trained.matches_estimated == 23);
    CHECK(trained.hits.size() == 23);
    const auto none = detail::rank(db, &second, Xapian::Query("nosuchword"), 0, 10);
    CHECK(none.hits.empty());
    CHECK(none.matches_estimated == 0);
}

TEST_CASE("work run in parallel finishes on both threads and reports either's failure",
          "[ranking]") {
    int beside = 0, here = 0;
    detail::in_parallel([&] { beside = 1; }, [&] { here = 2; });
    CHECK(beside == 1);
    CHECK(here == 2);
    // A failure on the helper thread reaches the caller once the calling thread's part is done.
    bool finished_here = false;
    CHECK_THROWS_WITH(detail::in_parallel([] { throw std::runtime_error("helper failed"); },
                                          [&] { finished_here = true; }),
                      "helper failed");
    CHECK(finished_here);
    // The calling thread's failure wins, and the helper is joined first (no std::terminate).
    bool finished_beside = false;
    CHECK_THROWS_WITH(detail::in_parallel([&] { finished_beside = true; },
                                          [] { throw std::runtime_error("here failed"); }),
                      "here failed");
    CHECK(finished_beside);
}
