// SPDX-License-Identifier: MIT
// Re-indexing replaces records instead of adding copies.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch;

TEST_CASE("indexing the same files twice leaves the record count unchanged", "[reindex]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto first = index.add_path(test::data_dir / "hub");
    const auto count = index.record_count();
    CHECK(count == 6);
    const auto second = index.add_path(test::data_dir / "hub");
    // Nothing changed: every file is skipped unread (issue 5, incremental indexing).
    CHECK(second.files_unchanged == first.files_indexed);
    CHECK(second.records == 0);
    CHECK(index.record_count() == count);
    index.commit();
    CHECK(test::search_ids(Searcher(dir / "db"), "grading") ==
          std::vector<std::string>{"TEST-STUDY-1"});
}

TEST_CASE("a transcript re-indexed with fewer speeches loses the old ones", "[reindex]") {
    test::TempDir dir;
    const auto file = dir.write("conf.xml", R"(<transcript id="R-CONF">
  <event><title>Forum</title><date>2020-01-01</date></event>
  <session id="s"><speech speaker="A"><p>one</p></speech><speech speaker="B"><p>two</p></speech>
  <speech speaker="C"><p>three</p></speech></session></transcript>)");
    Index index(dir / "db");
    index.add_path(file);
    CHECK(index.record_count() == 3);
    dir.write("conf.xml", R"(<transcript id="R-CONF">
  <event><title>Forum</title><date>2020-01-01</date></event>
  <session id="s"><speech speaker="A"><p>one</p></speech></session></transcript>)");
    index.add_path(file);
    CHECK(index.record_count() == 1);
    index.commit();
    const Searcher searcher(dir / "db");
    CHECK_FALSE(searcher.find("R-CONF/s/3"));
    CHECK(searcher.find("R-CONF/s/1"));
}

TEST_CASE("the same path spelt two ways is one source", "[reindex]") {
    test::TempDir dir;
    const auto file =
        dir.write("sub/study.xml", R"(<study id="P-1"><title>x</title><date>2020</date></study>)");
    Index index(dir / "db");
    index.add_path(file);
    index.add_path(dir.path() / "sub" / ".." / "sub" / "study.xml");
    CHECK(index.record_count() == 1);
}

TEST_CASE("removing a transcript id removes all its speeches", "[reindex]") {
    test::TempDir dir;
    Index index(dir / "db");
    index.add_path(test::data_dir / "hub");
    CHECK(index.remove("TEST-CONF-2022") == 5);
    CHECK(index.remove("TEST-STUDY-1") == 1);
    CHECK(index.remove("NO-SUCH-ID") == 0);
    CHECK(index.record_count() == 0);
}
