// SPDX-License-Identifier: MIT
// Bad input: one located error per file, the file skipped, everything else indexed and kept.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hubsearch;

namespace {

const Diagnostic* error_for(const IndexReport& report, const std::string& file_name) {
    for (const auto& d : report.diagnostics) {
        if (d.severity == Severity::error && d.path.filename() == file_name) return &d;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("each broken file gets one error with its line and column", "[errors]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_path(test::data_dir / "broken");
    CHECK(report.files_indexed == 0);
    CHECK(report.files_rejected == 6);
    CHECK(report.errors == 6);

    struct Expected {
        const char* file;
        std::size_t line;
        std::size_t column;
        const char* message_part;
    };
    const Expected expected[] = {
        {"mismatched_tag.xml", 6, 5, "closing tag does not match"},
        {"unknown_who.xml", 7, 5, "\"nobody\" is not a <participant>"},
        {"missing_title.xml", 2, 1, "<study> needs at least one <title>"},
        {"bad_date.xml", 4, 3, "\"2020-13\" is not YYYY, YYYY-MM or YYYY-MM-DD"},
        {"invalid_utf8.xml", 3, 13, "not valid UTF-8"},
        {"empty.xml", 1, 1, "the file is empty"},
    };
    for (const auto& e : expected) {
        CAPTURE(e.file);
        const Diagnostic* d = error_for(report, e.file);
        REQUIRE(d);
        CHECK(d->line == e.line);
        CHECK(d->column == e.column);
        CHECK_THAT(d->message, Catch::Contains(e.message_part));
    }
}

TEST_CASE("a broken file does not stop the good files beside it", "[errors]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        auto report = index.add_path(test::data_dir / "broken" / "unknown_who.xml");
        merge(report, index.add_path(test::data_dir / "hub"));
        CHECK(report.files_rejected == 1);
        CHECK(report.files_indexed == 2);
    }
    const Searcher searcher(dir / "db");
    CHECK(test::search_ids(searcher, "grading").at(0) == "TEST-STUDY-1");
    // Nothing of the rejected transcript landed, not even its valid first speech.
    CHECK_FALSE(searcher.find("BROKEN-CONF/s1/1"));
}

TEST_CASE("a file that breaks on re-indexing keeps its earlier records", "[errors]") {
    test::TempDir dir;
    const auto file = dir.write("study.xml", R"(<study id="KEEP-1">
  <title>Asset declarations</title><date>2020</date>
</study>)");
    Index index(dir / "db");
    CHECK(index.add_path(file).files_indexed == 1);
    dir.write("study.xml", R"(<study id="KEEP-1">
  <title>Asset declarations</title><date>2020</date>
)");
    const auto report = index.add_path(file);
    CHECK(report.files_rejected == 1);
    REQUIRE(error_for(report, "study.xml"));
    CHECK(error_for(report, "study.xml")->line == 3);
    const Searcher searcher(dir / "db");
    CHECK(test::search_ids(searcher, "declarations") == std::vector<std::string>{"KEEP-1"});
}

TEST_CASE("a missing input is reported, not thrown", "[errors]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_path(dir / "no-such-file.xml");
    CHECK(report.files_rejected == 1);
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].message == "no such file or directory");
}

TEST_CASE("opening a missing index for search names the directory", "[errors]") {
    test::TempDir dir;
    try {
        const Searcher searcher(dir / "nothing-here");
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::not_found);
        CHECK_THAT(e.what(), Catch::Contains("nothing-here"));
    }
}

TEST_CASE("a second writer on the same index fails with code locked", "[errors]") {
    test::TempDir dir;
    Index first(dir / "db");
    try {
        Index second(dir / "db");
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::locked);
    }
}

TEST_CASE("a filter naming an unknown topic is an invalid_argument error", "[errors]") {
    test::TempDir dir;
    { Index index(dir / "db"); }
    const Searcher searcher(dir / "db");
    SearchRequest request;
    request.filters.topics = {"astrology"};
    CHECK_THROWS_AS(searcher.search(request), Error);
    try {
        (void)searcher.search(request);
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
        CHECK_THAT(e.what(), Catch::Contains("astrology"));
    }
    request.filters.topics.clear();
    request.query = "topic:astrology";
    CHECK_THROWS_AS(searcher.search(request), Error);
}

TEST_CASE("a query with unbalanced quotes and brackets still searches", "[errors]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_path(test::data_dir / "hub");
    }
    const Searcher searcher(dir / "db");
    CHECK(test::search_ids(searcher, "\"grading reform").at(0) == "TEST-STUDY-1");
    CHECK(test::search_ids(searcher, "(grading AND").at(0) == "TEST-STUDY-1");
    CHECK_NOTHROW(test::search_ids(searcher, "AND OR NOT ) ( \" * title:"));
}
