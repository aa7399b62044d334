// SPDX-License-Identifier: MIT
// TEI / Parla-CLARIN transcripts (issue 4): real ParlaMint and siParl files become speech
// records that say who spoke, for which party and country, in which session and when.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace hubsearch;

namespace {

const std::filesystem::path external = test::data_dir / "external";

struct TeiIndex {
    test::TempDir dir;
    IndexReport report;
    explicit TeiIndex(const std::filesystem::path& input) {
        Index index(dir / "db");
        report = index.add_path(input);
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir / "db"); }
};

const TeiIndex& all_tei() {
    static const TeiIndex indexed(external / "tei");
    return indexed;
}

std::string body_text(const Record& record) {
    std::string text;
    for (const auto& p : record.body) text += p.text + "\n";
    return text;
}

std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream stream(line);
        std::string field;
        while (std::getline(stream, field, '\t')) fields.push_back(field);
        rows.push_back(std::move(fields));
    }
    return rows;
}

}  // namespace

TEST_CASE("a TEI folder indexes each corpus once, with its components, and each lone TEI file",
          "[formats][tei]") {
    const auto& indexed = all_tei();
    // ParlaMint-UA.xml (with its 2016 component), GB, BG and the siParl corpus (3 components);
    // the included components and the listPerson file are not inputs of their own.
    CHECK(indexed.report.files_indexed == 4);
    CHECK(indexed.report.files_rejected == 0);
    CHECK(indexed.report.errors == 0);
    CHECK(indexed.report.records == 4 + 4 + 4 + 27);
    CHECK(indexed.searcher().record_count() == 39);
}

TEST_CASE("a phrase from a ParlaMint-UA speech finds that speech with its speaker and session",
          "[formats][tei]") {
    const auto searcher = all_tei().searcher();
    SearchRequest request;
    request.query = "\"безоплатного забезпечення підручниками учнів\"";
    const auto results = searcher.search(request);
    REQUIRE_FALSE(results.hits.empty());
    const Record& hit = results.hits.front().record;
    // u74 of the sitting, the fourth utterance of the sample: Parubiy puts bill 1857 to a vote.
    CHECK(hit.id == "ParlaMint-UA/ParlaMint-UA_2016-01-26-m1/4");
    CHECK(hit.type == RecordType::speech);
    CHECK(hit.document_id == "ParlaMint-UA");
    CHECK(hit.speaker.name == "Андрій Володимирович Парубій");
    CHECK(hit.speaker.role == "chair");
    // The listOrg is not in the sample: the party is named by its id, as the corpus's own
    // metadata does (Speaker_party "NF").
    CHECK(hit.speaker.affiliation == "pp.NF");
    CHECK(hit.speaker.country == "UA");
    CHECK(hit.date == "2016-01-26");
    CHECK(hit.year == 2016);
    CHECK(hit.language == "uk");
    CHECK(hit.session_id == "ParlaMint-UA_2016-01-26-m1");
    CHECK(hit.session_type == "plenary");
    CHECK(hit.event_place == "Київ");
    CHECK(hit.event_organizer == "Верховна Рада України");
    CHECK(pick_text(hit.event_titles, "en") ==
          "Ukrainian parliamentary corpus ParlaMint-UA [ParlaMint SAMPLE]");
}

TEST_CASE("ParlaMint speakers match the corpus's own per-speech metadata", "[formats][tei]") {
    const auto searcher = all_tei().searcher();
    // Ground truth: ParlaMint-UA_2016-01-26-m1-meta-en.tsv lists u1, u2, u73, u74 by speaker id.
    const std::map<std::string, std::string> ua = {
        {"ParlaMint-UA/ParlaMint-UA_2016-01-26-m1/1", "Андрій Володимирович Парубій"},
        {"ParlaMint-UA/ParlaMint-UA_2016-01-26-m1/2", "Андрій Володимирович Іванчук"},
        {"ParlaMint-UA/ParlaMint-UA_2016-01-26-m1/3", "Лілія Михайлівна Гриневич"},
        {"ParlaMint-UA/ParlaMint-UA_2016-01-26-m1/4", "Андрій Володимирович Парубій"}};
    for (const auto& [id, name] : ua) {
        const auto record = searcher.find(id);
        REQUIRE(record);
        CHECK(record->speaker.name == name);
    }
    // Without a listPerson the speaker is named after the id (PeterFowler, LeslieGriffiths).
    const auto griffiths =
        searcher.find("ParlaMint-GB_2020-02-12-lords/ParlaMint-GB_2020-02-12-lords/3");
    REQUIRE(griffiths);
    CHECK(griffiths->speaker.name == "Leslie Griffiths");
    CHECK(griffiths->speaker.country == "GB");
    CHECK(griffiths->date == "2020-02-12");
    CHECK(body_text(*griffiths).find("the big bang in the 1980s") != std::string::npos);
}

TEST_CASE("a search for what a Lords speaker said returns his speech first", "[formats][tei]") {
    const auto searcher = all_tei().searcher();
    const auto ids = test::search_ids(searcher, "big bang finance went global clever young people");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "ParlaMint-GB_2020-02-12-lords/ParlaMint-GB_2020-02-12-lords/3");
}

TEST_CASE(
    "siParl speeches carry the speaker's party on the session date, from listPerson and "
    "listOrg",
    "[formats][tei]") {
    const auto searcher = all_tei().searcher();
    const auto ids = test::search_ids(searcher, "sklad razdružuje država revizijsko poročilo");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "siParl.SDT2/KPZONOJFSPD-Redna-021-1998-11-25/4");
    const auto kuznik = searcher.find("siParl.SDT2/KPZONOJFSPD-Redna-021-1998-11-25/1");
    REQUIRE(kuznik);
    CHECK(kuznik->speaker.name == "Rafael Kužnik");
    CHECK(kuznik->speaker.affiliation == "Slovenska nacionalna stranka");
    CHECK(kuznik->speaker.country == "SI");
    CHECK(kuznik->speaker.role == "chair");
    CHECK(kuznik->date == "1998-11-25");
    CHECK(kuznik->session_id == "KPZONOJFSPD-Redna-021-1998-11-25");
    // A committee of the National Assembly, not a plenary sitting.
    CHECK(kuznik->session_type == "other");
    CHECK(pick_text(kuznik->session_titles, "sl") ==
          "Komisija po zakonu o nezdružljivosti opravljanja javne funkcije s pridobitno "
          "dejavnostjo: 21. redna seja (25. 11. 1998)");
    CHECK(kuznik->event_place == "Ljubljana");
    // The editorial <gap/> at the start of the speech is not speech text.
    REQUIRE_FALSE(kuznik->body.empty());
    CHECK(kuznik->body.front().text.rfind("in potem še točko razno.", 0) == 0);
}

TEST_CASE("every siParl speech has the speaker and party of the corpus's ground-truth TSV",
          "[formats][tei]") {
    const auto searcher = all_tei().searcher();
    const auto rows = read_tsv(external / "tei-meta" / "SDT2-speeches.tsv");
    REQUIRE(rows.size() == 27);
    for (const auto& row : rows) {
        // Speech-ID "SESSION.uN", Speaker-Name "Surname, Forename", Party-slv or "-".
        const std::string& speech = row.at(0);
        const auto dot = speech.rfind(".u");
        const std::string id =
            "siParl.SDT2/" + speech.substr(0, dot) + "/" + speech.substr(dot + 2);
        const auto record = searcher.find(id);
        INFO(id);
        REQUIRE(record);
        const std::string& name = row.at(2);
        const auto comma = name.find(", ");
        const std::string expected_name =
            comma == std::string::npos ? name
                                       : name.substr(comma + 2) + " " + name.substr(0, comma);
        CHECK(record->speaker.name == expected_name);
        const std::string party = row.at(11) == "-" ? "" : row.at(11);
        CHECK(record->speaker.affiliation == party);
    }
}

TEST_CASE("the plain and the linguistically annotated TEI give the same speech text",
          "[formats][tei]") {
    const auto searcher = all_tei().searcher();
    const TeiIndex ana(external / "tei-ana");
    REQUIRE(ana.report.files_indexed == 1);
    const auto ana_searcher = ana.searcher();
    for (int n = 1; n <= 9; ++n) {
        const std::string session = "KPZONOJFSPD-Redna-021-1998-11-25";
        const auto plain = searcher.find("siParl.SDT2/" + session + "/" + std::to_string(n));
        const auto annotated = ana_searcher.find(session + "/" + session + "/" + std::to_string(n));
        INFO("speech " << n);
        REQUIRE(plain);
        REQUIRE(annotated);
        CHECK(body_text(*annotated) == body_text(*plain));
    }
    // Words and punctuation are joined as written (join="right"), not "razno ." .
    CHECK(test::search_ids(ana_searcher, "\"točko razno\"").size() >= 1);
}

TEST_CASE("a TEI component read alone is a transcript of its own", "[formats][tei]") {
    const TeiIndex alone(external / "tei" / "siParl" / "SDT2" / "OZKGIP-Redna-025-1998-12-08.xml");
    CHECK(alone.report.files_indexed == 1);
    CHECK(alone.report.records == 9);
    const auto record =
        alone.searcher().find("OZKGIP-Redna-025-1998-12-08/OZKGIP-Redna-025-1998-12-08/1");
    REQUIRE(record);
    // Without the corpus's listPerson the id names the speaker.
    CHECK(record->speaker.name == "Potočnik Franc");
    CHECK(record->date == "1998-12-08");
}

TEST_CASE("an xi:include that leads out of the corpus's folder rejects the corpus",
          "[formats][tei]") {
    const TeiIndex escape(test::data_dir / "formats" / "broken" / "tei_escape" / "corpus");
    REQUIRE(escape.report.diagnostics.size() == 1);
    const auto& d = escape.report.diagnostics.front();
    CHECK(d.severity == Severity::error);
    CHECK(d.path.filename() == "escape.xml");
    CHECK(d.line == 4);
    CHECK(d.column == 3);
    CHECK(d.message.find("leads out of the input's directory") != std::string::npos);
    CHECK(escape.report.records == 0);
}

TEST_CASE("a missing TEI component is a warning and the rest of the corpus is indexed",
          "[formats][tei]") {
    const auto& report = all_tei().report;
    const auto missing =
        std::find_if(report.diagnostics.begin(), report.diagnostics.end(), [](const Diagnostic& d) {
            return d.message ==
                   "the included file 2008/ParlaMint-UA_2008-09-30-m0.xml does not "
                   "exist; skipped";
        });
    REQUIRE(missing != report.diagnostics.end());
    CHECK(missing->severity == Severity::warning);
    CHECK(missing->path.filename() == "ParlaMint-UA.xml");
    CHECK(missing->line == 158);
    CHECK(missing->column == 4);
}
