// SPDX-License-Identifier: MIT
// Issue 5: hostile and broken input. Each file gets a located error or a warning, nothing
// crashes or hangs, nothing outside the file is read, and the good files beside it are indexed.
// Big inputs are generated here rather than kept in tests/data/hostile/.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace hubsearch;

namespace {

const std::filesystem::path hostile_dir = test::data_dir / "hostile";

const Diagnostic* error_for(const IndexReport& report, const std::string& file_name) {
    for (const auto& d : report.diagnostics) {
        if (d.severity == Severity::error && d.path.filename() == file_name) return &d;
    }
    return nullptr;
}

std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

std::string record_text(const Record& record) {
    std::string text;
    for (const auto& t : record.titles) text += t.text + '\n';
    for (const auto& t : record.abstracts) text += t.text + '\n';
    for (const auto& p : record.body) text += p.text + '\n';
    return text;
}

}  // namespace

TEST_CASE("each hostile file gets a located error and the good file beside it is indexed",
          "[hostile]") {
    test::TempDir dir;
    const auto tree = dir / "tree";
    std::filesystem::create_directories(tree);
    for (const char* name :
         {"billion_laughs.xml", "external_entity.xml", "truncated.xml", "lying_utf16.xml",
          "lying_utf8.xml", "unknown_encoding.xml", "control_chars.xml"}) {
        std::filesystem::copy(hostile_dir / name, tree);
    }
    std::filesystem::copy(test::data_dir / "broken" / "unknown_who.xml", tree);
    std::filesystem::copy(test::data_dir / "broken" / "invalid_utf8.xml", tree);
    dir.write("tree/empty.xml", "");
    dir.write("tree/good.xml",
              R"(<study id="HOSTILE-GOOD"><title>Good neighbour</title><date>2020</date></study>)");
    {
        std::mt19937 random(5);  // fixed seed: the same junk every run
        std::string junk(8192, '\0');
        for (auto& c : junk) c = static_cast<char>(random() & 0xFF);
        dir.write("tree/junk.xml", junk);
    }
    dir.write("tree/deep_sections.xml",
              "<study id=\"HOSTILE-DEEP\"><title>Deep</title><date>2020</date>\n" +
                  repeat("<section>", 10000) + "x" + repeat("</section>", 10000) + "</study>");
    dir.write("tree/long_id.xml", "<study id=\"" + std::string(300, 'i') +
                                      "\"><title>Long id</title><date>2020</date></study>");

    Index index(dir / "db");
    const auto report = index.add_path(tree);

    struct Expected {
        const char* file;
        std::size_t line;  // 0: any line from 1 on
        std::size_t column;
        const char* message_part;
    };
    const Expected expected[] = {
        {"truncated.xml", 6, 1, "the document ends before all elements are closed"},
        {"lying_utf16.xml", 1, 1, "is not UTF-16"},
        {"lying_utf8.xml", 3, 10, "not valid UTF-8"},
        {"unknown_encoding.xml", 1, 1, "\"x-no-such-encoding\" is not supported"},
        {"control_chars.xml", 2, 14, "the control character U+000C"},
        {"unknown_who.xml", 7, 5, "\"nobody\" is not a <participant>"},
        {"invalid_utf8.xml", 3, 13, "not valid UTF-8"},
        {"empty.xml", 1, 1, "the file is empty"},
        {"deep_sections.xml", 2, 0, "sections are nested more than 200 deep"},
        {"long_id.xml", 1, 1, "the id is longer than 200 bytes"},
        {"junk.xml", 0, 0, ""},
    };
    for (const auto& e : expected) {
        CAPTURE(e.file);
        const Diagnostic* d = error_for(report, e.file);
        REQUIRE(d);
        CHECK_THAT(d->message, Catch::Contains(e.message_part));
        CHECK(d->line >= 1);
        if (e.line > 0) CHECK(d->line == e.line);
        if (e.column > 0) CHECK(d->column == e.column);
    }
    CHECK(report.files_rejected == std::size(expected));
    // The good file, and the two entity files whose entities are left unexpanded.
    CHECK(report.files_indexed == 3);
    index.commit();
    const Searcher searcher(dir / "db");
    CHECK(searcher.find("HOSTILE-GOOD"));
}

TEST_CASE("entities are never expanded and external ones never read", "[hostile]") {
    test::TempDir dir;
    // A local file an external entity points at: its unique word must never reach the index.
    const auto secret = dir.write("secret.txt", "zqxsecretcanary");
    Index index(dir / "db");
    auto report = index.add_path(hostile_dir / "billion_laughs.xml");
    merge(report, index.add_path(hostile_dir / "external_entity.xml"));
    merge(report, index.add_buffer(R"(<?xml version="1.0"?>
<!DOCTYPE study [ <!ENTITY canary SYSTEM "file://)" +
                                       secret.string() + R"("> ]>
<study id="HOSTILE-CANARY"><title>Canary &canary;</title><date>2020</date></study>)",
                                   "canary.xml"));
    CHECK(report.files_indexed == 3);
    index.commit();
    const Searcher searcher(dir / "db");
    CHECK(test::search_ids(searcher, "zqxsecretcanary").empty());
    CHECK(test::search_ids(searcher, "root").empty());  // the first line of /etc/passwd
    CHECK(test::search_ids(searcher, "lollol").empty());
    const auto laughs = searcher.find("HOSTILE-LAUGHS");
    REQUIRE(laughs);
    CHECK(record_text(*laughs).size() < 200);
    const auto xxe = searcher.find("HOSTILE-XXE");
    REQUIRE(xxe);
    CHECK(record_text(*xxe).find("root:") == std::string::npos);
}

TEST_CASE("words longer than Xapian's term limit are indexed without an error", "[hostile]") {
    test::TempDir dir;
    const std::string word(300, 'w');
    const std::string cyrillic = repeat("ж", 150);  // 300 bytes
    Index index(dir / "db");
    const auto report = index.add_buffer(
        "<study id=\"LONG-WORDS\" lang=\"" + word + "\"><title>" + word + " " + cyrillic +
            " title</title><date>2020</date><keyword>" + word + "</keyword><country>" + word +
            "</country><topic>" + word + "</topic><author affiliation=\"" + word + "\" country=\"" +
            word + "\">" + word + "</author><publisher>" + word + "</publisher><abstract><p>" +
            cyrillic + " abstract</p></abstract></study>",
        "long.xml");
    CHECK(report.errors == 0);
    CHECK(report.files_indexed == 1);
    index.commit();
    const Searcher searcher(dir / "db");
    CHECK(test::search_ids(searcher, "title") == std::vector<std::string>{"LONG-WORDS"});
    CHECK(test::search_ids(searcher, "abstract") == std::vector<std::string>{"LONG-WORDS"});
    CHECK_NOTHROW(test::search_ids(searcher, word));
    CHECK_NOTHROW(test::search_ids(searcher, "keyword:" + word));
}

TEST_CASE("a 50 MB paragraph is rejected by the record limit; a 2 MB one is indexed",
          "[hostile][limits]") {
    test::TempDir dir;
    const std::string head = "<study id=\"HUGE\"><title>Huge</title><date>2020</date><abstract><p>";
    const std::string tail = " zqxlastword</p></abstract></study>";
    const auto huge = dir.write("huge.xml", head + repeat("word ", 10 << 20) + tail);
    const auto big = dir.write("big.xml", head + repeat("word ", 400 << 10) + tail);
    Index index(dir / "db");
    const auto rejected = index.add_path(huge);
    CHECK(rejected.files_rejected == 1);
    REQUIRE(error_for(rejected, "huge.xml"));
    CHECK_THAT(error_for(rejected, "huge.xml")->message,
               Catch::Contains("over the limit of 16777216 bytes per record"));
    const auto indexed = index.add_path(big);
    CHECK(indexed.files_indexed == 1);
    index.commit();
    CHECK(test::search_ids(Searcher(dir / "db"), "zqxlastword") ==
          std::vector<std::string>{"HUGE"});
}

TEST_CASE("the size and depth limits are options", "[hostile][limits]") {
    test::TempDir dir;
    const auto file =
        dir.write("nested.xml", "<study id=\"LIMITS\"><title>Limits</title><date>2020</date>" +
                                    repeat("<section title=\"s\">", 10) + "<p>deep text</p>" +
                                    repeat("</section>", 10) + "</study>");
    SECTION("defaults accept it") {
        Index index(dir / "db");
        CHECK(index.add_path(file).files_indexed == 1);
    }
    SECTION("max_nesting_depth") {
        IndexOptions options;
        options.max_nesting_depth = 5;
        Index index(dir / "db", options);
        const auto report = index.add_path(file);
        REQUIRE(error_for(report, "nested.xml"));
        CHECK_THAT(error_for(report, "nested.xml")->message,
                   Catch::Contains("nested more than 5 deep"));
        CHECK(error_for(report, "nested.xml")->column > 1);
    }
    SECTION("max_file_bytes") {
        IndexOptions options;
        options.max_file_bytes = 100;
        Index index(dir / "db", options);
        const auto report = index.add_path(file);
        REQUIRE(error_for(report, "nested.xml"));
        CHECK_THAT(error_for(report, "nested.xml")->message,
                   Catch::Contains("over the limit of 100"));
    }
    SECTION("max_record_bytes") {
        IndexOptions options;
        options.max_record_bytes = 10;
        Index index(dir / "db", options);
        const auto report = index.add_path(file);
        REQUIRE(error_for(report, "nested.xml"));
        CHECK_THAT(error_for(report, "nested.xml")->message, Catch::Contains("\"LIMITS\" holds"));
    }
}

TEST_CASE("elements nested 100,000 deep inside a paragraph do not exhaust the stack", "[hostile]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_buffer(
        "<study id=\"DEEP-INLINE\"><title>Deep inline</title><date>2020</date><abstract><p>" +
            repeat("<b>", 100000) + "x" + repeat("</b>", 100000) + "</p></abstract></study>",
        "deep-inline.xml");
    CHECK(report.files_indexed == 1);
    CHECK(report.warnings >= 1);
}

TEST_CASE("a device or a directory given as input is rejected, not read", "[hostile]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_path("/dev/zero");
    CHECK(report.files_rejected == 1);
    CHECK(report.files_indexed == 0);
}

TEST_CASE("hostile queries give results or a query error, never anything else", "[hostile]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_path(test::data_dir / "hub");
    }
    const Searcher searcher(dir / "db");
    const std::string queries[] = {
        std::string(300, 'q'),
        repeat("(", 10000) + "reform",
        repeat("\"", 1001),
        repeat("a AND ", 5000) + "b",
        "title:" + std::string(400, 't'),
        "country:" + std::string(400, 'c'),
        "year:99999999999999999999999",
        "year:2020..1990",
        std::string("\x01\x02\x7f reform"),
        std::string("\xff\xfe invalid utf8"),
        "*",
        "a*",
        "NOT",
        "OR OR OR",
        "-",
        "topic:",
        repeat("w", 100000),
    };
    for (const auto& query : queries) {
        CAPTURE(query.substr(0, 60));
        SearchRequest request;
        request.query = query;
        request.facets = true;
        try {
            (void)searcher.search(request);
        } catch (const Error& e) {
            CHECK((e.code() == Errc::query_syntax || e.code() == Errc::invalid_argument));
        }
    }
}

TEST_CASE("every file in tests/data/hostile is indexed or refused in every format",
          "[hostile][regression]") {
    // Fuzzer finds land in tests/data/hostile/ as regression tests (docs/operations.md).
    test::TempDir dir;
    for (const auto format : {InputFormat::automatic, InputFormat::hub_xml, InputFormat::tei,
                              InputFormat::jats, InputFormat::oai_pmh, InputFormat::pdf}) {
        IndexOptions options;
        options.format = format;
        Index index(dir / ("db" + std::to_string(static_cast<int>(format))), options);
        const auto report = index.add_path(hostile_dir);
        CAPTURE(static_cast<int>(format));
        CHECK(report.files_indexed + report.files_rejected >= 7);
        for (const auto& d : report.diagnostics) {
            CHECK_FALSE(d.message.empty());
            CHECK(d.path.parent_path() == hostile_dir);
        }
    }
}
