// SPDX-License-Identifier: MIT
// Bad input in every format (issue 4): one PATH:LINE:COL error per broken file, the file
// skipped, every other file indexed; the format chosen by content unless forced.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch;

namespace {

const std::filesystem::path broken = test::data_dir / "formats" / "broken";
const std::filesystem::path external = test::data_dir / "external";

struct Case {
    const char* broken_file;
    std::filesystem::path good_file;
    std::size_t line;
    std::size_t column;
    const char* message;
};

}  // namespace

TEST_CASE("a broken file of each format is one located error and its neighbour is indexed",
          "[formats][errors]") {
    const std::vector<Case> cases = {
        {"tei_mismatched.xml",
         external / "tei" / "ParlaMint-GB" / "ParlaMint-GB_2020-02-12-lords.xml", 5, 84,
         "closing tag does not match the element it closes"},
        {"jats_bad_attribute.xml", external / "jats" / "ccr_CCR2025.1.2.YAO.xml", 5, 31,
         "malformed attribute"},
        {"jats_no_title.xml", external / "jats" / "ccr_CCR2025.1.2.YAO.xml", 4, 5,
         "the article has no <article-title>"},
        {"oai_unclosed.xml",
         external / "oai" / "rcaap_pt_ListRecords_2015-12-26_page2_resumptionToken.xml", 7, 57,
         "closing tag does not match the element it closes"},
        {"oai_error.xml",
         external / "oai" / "rcaap_pt_ListRecords_2015-12-26_page2_resumptionToken.xml", 5, 3,
         "the OAI-PMH response is an error (badResumptionToken): The resumption token has "
         "expired."},
        {"unrecognised.xml", test::data_dir / "hub" / "study_full.xml", 2, 1, nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.broken_file);
        test::TempDir dir;
        std::filesystem::create_directories(dir / "in");
        std::filesystem::copy_file(broken / c.broken_file, dir / "in" / c.broken_file);
        std::filesystem::copy_file(c.good_file, dir / "in" / c.good_file.filename());
        Index index(dir / "db");
        const auto report = index.add_path(dir / "in");
        CHECK(report.files_indexed == 1);
        CHECK(report.files_rejected == 1);
        CHECK(report.errors == 1);
        CHECK(report.records > 0);
        std::vector<Diagnostic> errors;
        for (const auto& d : report.diagnostics) {
            if (d.severity == Severity::error) errors.push_back(d);
        }
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].path.filename() == c.broken_file);
        CHECK(errors[0].line == c.line);
        CHECK(errors[0].column == c.column);
        if (c.message) CHECK(errors[0].message == c.message);
    }
}

TEST_CASE("a file in no known format is reported by its root element and skipped",
          "[formats][errors]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_path(broken / "unrecognised.xml");
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].message.rfind(
              "not a format hubsearch reads: the root element <html> in namespace "
              "http://www.w3.org/1999/xhtml",
              0) == 0);
    CHECK(index.record_count() == 0);
}

TEST_CASE("the format is chosen by content, and a forced format overrides it", "[formats]") {
    // A TEI file named .xml like any other is read as TEI without being told.
    const auto gb = external / "tei" / "ParlaMint-GB" / "ParlaMint-GB_2020-02-12-lords.xml";
    SECTION("forced to the right format") {
        test::TempDir dir;
        IndexOptions options;
        options.format = InputFormat::tei;
        Index index(dir / "db", options);
        const auto report = index.add_path(gb);
        CHECK(report.files_indexed == 1);
        CHECK(report.records == 4);
    }
    SECTION("forced to another format") {
        test::TempDir dir;
        IndexOptions options;
        options.format = InputFormat::jats;
        Index index(dir / "db", options);
        const auto report = index.add_path(gb);
        CHECK(report.files_rejected == 1);
        REQUIRE(report.diagnostics.size() == 1);
        CHECK(report.diagnostics[0].line == 2);
        CHECK(report.diagnostics[0].column == 1);
        CHECK(report.diagnostics[0].message ==
              "the file was to be read as JATS (<article> with <front>) but its root element is "
              "<TEI>");
    }
    SECTION("forced to PDF") {
        test::TempDir dir;
        IndexOptions options;
        options.format = InputFormat::pdf;
        Index index(dir / "db", options);
        const auto report = index.add_path(gb);
        REQUIRE(report.diagnostics.size() == 1);
        CHECK(report.diagnostics[0].message == "the file is not a PDF (no %PDF- header)");
    }
}
