// SPDX-License-Identifier: MIT
// Encodings of the new formats (issue 4): UTF-16, windows-1251 and KOI8-R as declared, an
// undeclared windows-1251 file detected, an undetectable one rejected, never mojibake.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hubsearch;

namespace {

const std::filesystem::path encodings = test::data_dir / "formats" / "encodings";

struct EncodingIndex {
    test::TempDir dir;
    IndexReport report;
    EncodingIndex() {
        Index index(dir / "db");
        report = index.add_path(encodings);
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir / "db"); }
};

const EncodingIndex& indexed() {
    static const EncodingIndex index;
    return index;
}

}  // namespace

TEST_CASE("TEI, JATS and OAI-PMH files in UTF-16, windows-1251 and KOI8-R read the same",
          "[formats][encodings]") {
    // 3 formats x 3 encodings, plus the undeclared windows-1251 TEI; undetectable.xml rejected.
    CHECK(indexed().report.files_indexed == 10);
    CHECK(indexed().report.files_rejected == 1);
    const auto searcher = indexed().searcher();
    for (const std::string tag : {"utf16", "cp1251", "koi8r"}) {
        INFO(tag);
        const auto speech = searcher.find("ENC-TEI-" + tag + "/ENC-TEI-" + tag + "/1");
        REQUIRE(speech);
        CHECK(speech->speaker.name == "Пётр Иванов");
        CHECK(speech->speaker.country == "KZ");
        CHECK(speech->event_place == "Астана");
        const auto article = searcher.find("10.9999_enc." + tag);
        REQUIRE(article);
        CHECK(pick_text(article->titles, "ru") == "Цифровое правительство и ротация кадров " + tag);
        const auto record = searcher.find("oai:enc.example:" + tag + "_1");
        REQUIRE(record);
        CHECK(record->authors.at(0).name == "Сидоров, Иван");
    }
    // One Russian word finds the speech in every encoding, the undeclared one included.
    SearchRequest request;
    request.query = "ротацию руководителей";
    request.limit = 20;
    request.filters.types = {RecordType::speech};
    CHECK(searcher.search(request).hits.size() == 4);
}

TEST_CASE("an undeclared windows-1251 TEI file is detected, indexed and searchable",
          "[formats][encodings]") {
    const auto& report = indexed().report;
    const auto warning = std::find_if(
        report.diagnostics.begin(), report.diagnostics.end(),
        [](const Diagnostic& d) { return d.path.filename() == "tei_undeclared_cp1251.xml"; });
    REQUIRE(warning != report.diagnostics.end());
    CHECK(warning->severity == Severity::warning);
    CHECK(warning->message ==
          "the file declares no encoding and is not UTF-8; read as windows-1251 (detected)");
    const auto searcher = indexed().searcher();
    const auto ids = test::search_ids(searcher, "ротацию руководителей undeclared");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "ENC-TEI-undeclared/ENC-TEI-undeclared/1");
    const auto record = searcher.find(ids.front());
    REQUIRE(record);
    CHECK(record->body.at(0).text.find("Уважаемые коллеги") == 0);
}

TEST_CASE(
    "an undeclared file whose encoding cannot be detected is rejected at its first bad "
    "byte",
    "[formats][encodings]") {
    const auto& report = indexed().report;
    const auto error =
        std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
    REQUIRE(error != report.diagnostics.end());
    CHECK(error->path.filename() == "undetectable.xml");
    CHECK(error->line == 3);
    CHECK(error->column == 13);
    CHECK(error->message.find("no encoding is declared and the encoding cannot be detected") !=
          std::string::npos);
    CHECK_FALSE(indexed().searcher().find("UNDETECTABLE"));
}
