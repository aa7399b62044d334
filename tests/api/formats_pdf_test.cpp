// SPDX-License-Identifier: MIT
// PDF studies (issue 4): text extracted with poppler, metadata from the sidecar hub-XML file
// beside the PDF or else from the PDF's information dictionary.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch;

namespace {

struct PdfIndex {
    test::TempDir dir;
    IndexReport report;
    PdfIndex() {
        Index index(dir / "db");
        report = index.add_path(test::data_dir / "formats" / "pdf");
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir / "db"); }
};

const PdfIndex& pdfs() {
    static const PdfIndex indexed;
    return indexed;
}

}  // namespace

TEST_CASE("a folder of PDFs indexes each PDF once and reads sidecars as their metadata",
          "[formats][pdf]") {
    const auto& report = pdfs().report;
    // sidecar_study.pdf (its .xml is its metadata, not a study), info_only.pdf; damaged.pdf
    // is rejected.
    CHECK(report.files_indexed == 2);
    CHECK(report.files_rejected == 1);
    CHECK(report.records == 2);
    CHECK(pdfs().searcher().record_count() == 2);
}

TEST_CASE("a PDF's text is searchable under its sidecar's metadata", "[formats][pdf]") {
    const auto searcher = pdfs().searcher();
    const auto ids = test::search_ids(searcher, "probation period six months");
    REQUIRE(ids.size() == 1);
    CHECK(ids.front() == "PDF-STUDY-1");
    const auto record = searcher.find("PDF-STUDY-1");
    REQUIRE(record);
    CHECK(record->source.find("sidecar_study.pdf") != std::string::npos);
    CHECK(pick_text(record->titles, "en") ==
          "Merit-based recruitment: evidence from civil service reform");
    CHECK(record->year == 2021);
    CHECK(record->topics == std::vector<std::string>{"meritocracy"});
    CHECK(record->countries == std::vector<std::string>{"KZ"});
    REQUIRE(record->authors.size() == 1);
    CHECK(record->authors[0].country == "KZ");
    REQUIRE(record->body.size() == 2);
    CHECK(record->body[1].text ==
          "The probation period lasts six months for every new civil servant.");
}

TEST_CASE("a PDF without a sidecar takes its metadata from its information dictionary",
          "[formats][pdf]") {
    const auto record = pdfs().searcher().find("info_only");
    REQUIRE(record);
    CHECK(pick_text(record->titles, "ru") == "Оценка служебной деятельности госслужащих");
    REQUIRE(record->authors.size() == 2);
    CHECK(record->authors[1].name == "John Smith");
    CHECK(record->date == "2020-03-15");
    CHECK(record->year == 2020);
    CHECK(record->topics == std::vector<std::string>{"meritocracy"});
    CHECK(record->keywords == std::vector<std::string>{"appraisal interviews"});
    REQUIRE(record->abstracts.size() == 1);
    CHECK(record->abstracts[0].text == "How ministries appraise their staff.");
}

TEST_CASE("a damaged PDF is one error and the others are indexed", "[formats][pdf]") {
    const auto& diagnostics = pdfs().report.diagnostics;
    std::vector<Diagnostic> errors;
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::error) errors.push_back(d);
    }
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path.filename() == "damaged.pdf");
    CHECK(errors[0].message == "the PDF is damaged or not a PDF; no text could be read");
}

TEST_CASE("an invalid sidecar rejects its PDF with the sidecar's line and column",
          "[formats][pdf]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "in");
    std::filesystem::copy_file(test::data_dir / "formats" / "pdf" / "info_only.pdf",
                               dir / "in" / "study.pdf");
    dir.write("in/study.xml", "<study id=\"S\">\n  <title>T</title>\n</study>\n");
    Index index(dir / "db");
    const auto report = index.add_path(dir / "in");
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].path.filename() == "study.pdf");
    CHECK(report.diagnostics[0].message ==
          "in the sidecar study.xml at line 1, column 1: <study> needs a <date>");
    CHECK(report.files_rejected == 1);
}
