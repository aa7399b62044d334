// SPDX-License-Identifier: MIT
// Reading the native format: every element of docs/hub-xml.md ends up in the record a user sees.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace hubsearch;

namespace {

struct Indexed {
    test::TempDir dir;
    IndexReport report;
    Indexed() {
        Index index(dir / "db");
        report = index.add_path(test::data_dir / "hub");
    }
    [[nodiscard]] Searcher searcher() const { return Searcher(dir / "db"); }
};

}  // namespace

TEST_CASE("a study keeps every element of the native format", "[hub-xml]") {
    Indexed indexed;
    REQUIRE(indexed.report.files_indexed == 2);
    const auto record = indexed.searcher().find("TEST-STUDY-1");
    REQUIRE(record);
    CHECK(record->type == RecordType::study);
    CHECK(record->date == "2019-03-15");
    CHECK(record->year == 2019);
    CHECK(record->language == "ru");
    CHECK(record->languages == std::vector<std::string>{"ru", "en", "kk"});
    REQUIRE(record->titles.size() == 3);
    CHECK(record->titles[1].lang == "en");
    CHECK(record->titles[1].text == "Civil service pay: a grading reform");
    REQUIRE(record->authors.size() == 3);
    CHECK(record->authors[0].name == "Aigerim Sadykova");
    CHECK(record->authors[0].country == "KZ");
    CHECK(record->authors[0].affiliation == "Astana Civil Service Hub");
    CHECK(record->authors[1].country == "KR");
    CHECK(record->authors[2].country.empty());
    CHECK(record->publisher == "Test Hub Press");
    CHECK(record->series == "Hub research series");
    CHECK(record->topics == std::vector<std::string>{"remuneration", "meritocracy"});
    CHECK(record->countries == std::vector<std::string>{"KZ", "KR", "SG"});
    CHECK(record->keywords == std::vector<std::string>{"quantum governance", "grading"});
    CHECK(record->links ==
          std::vector<std::string>{"https://example.org/studies/test-study-1.pdf"});
    REQUIRE(record->abstracts.size() == 2);
    CHECK(record->abstracts[1].text == "A study of how grading changes civil service pay.");
    REQUIRE(record->body.size() == 5);
    CHECK(record->body[0].heading_level == 1);
    CHECK(record->body[0].text == "Введение");
    CHECK(record->body[2].heading_level == 2);
    CHECK(record->body[2].text == "1.1 Методология");
    CHECK(record->body[4].lang == "en");
    CHECK(record->body[4].text == "Singapore benchmarks pay against the private sector.");
}

TEST_CASE("an unresolved topic is kept as a keyword with a warning naming its line", "[hub-xml]") {
    Indexed indexed;
    bool warned = false;
    for (const auto& d : indexed.report.diagnostics) {
        if (d.message.find("quantum governance") != std::string::npos) {
            warned = true;
            CHECK(d.severity == Severity::warning);
            CHECK(d.path.filename() == "study_full.xml");
            CHECK(d.line == 14);
            CHECK(d.column == 3);
        }
    }
    CHECK(warned);
}

TEST_CASE("each speech is a record with its session, event, speaker and date", "[hub-xml]") {
    Indexed indexed;
    const Searcher searcher = indexed.searcher();
    CHECK(searcher.record_count() == 6);

    const auto lee = searcher.find("TEST-CONF-2022/opening/2");
    REQUIRE(lee);
    CHECK(lee->type == RecordType::speech);
    CHECK(lee->document_id == "TEST-CONF-2022");
    CHECK(lee->speech_number == 2);
    CHECK(lee->speaker.name == "Min-jun Lee");
    CHECK(lee->speaker.country == "KR");
    CHECK(lee->speaker.affiliation == "Seoul National University");
    CHECK(lee->speaker.role == "professor");
    CHECK(lee->countries == std::vector<std::string>{"KR"});
    CHECK(lee->topics == std::vector<std::string>{"integrity"});
    CHECK(lee->session_id == "opening");
    CHECK(lee->session_type == "plenary");
    CHECK(pick_text(lee->session_titles, "en") == "Opening plenary");
    CHECK(pick_text(lee->event_titles, "ru") == "Тестовый форум о добропорядочности");
    CHECK(lee->event_place == "Astana");
    CHECK(lee->event_organizer == "Test Hub");
    CHECK(lee->date == "2022-10-04");  // no session date: the event's
    CHECK(lee->language == "en");
    REQUIRE(lee->body.size() == 2);
    CHECK(lee->body[1].text == "Korea publishes them online.");

    const auto kos = searcher.find("TEST-CONF-2022/day2-panel/1");
    REQUIRE(kos);
    CHECK(kos->speaker.name == "Drago Kos");
    CHECK(kos->speaker.country == "SI");
    CHECK(kos->speaker.affiliation == "OECD Working Group on Bribery");
    CHECK(kos->date == "2022-10-05");  // the session's own date
    CHECK(kos->topics == std::vector<std::string>{"youth-personnel-reserve"});

    const auto chair = searcher.find("TEST-CONF-2022/opening/1");
    REQUIRE(chair);
    CHECK(chair->language == "ru");  // inherited from the transcript
    CHECK(chair->speaker.role == "moderator");
    const auto kazakh = searcher.find("TEST-CONF-2022/day2-panel/2");
    REQUIRE(kazakh);
    CHECK(kazakh->language == "kk");
}

TEST_CASE("an unknown attribute is a warning and the speech is still indexed", "[hub-xml]") {
    Indexed indexed;
    bool warned = false;
    for (const auto& d : indexed.report.diagnostics) {
        if (d.message == "unknown attribute type on <speech> ignored") {
            warned = true;
            CHECK(d.line == 23);
        }
    }
    CHECK(warned);
    CHECK(indexed.searcher().find("TEST-CONF-2022/day2-panel/3"));
}

TEST_CASE("legacy Cyrillic encodings and UTF-16 read as the same text", "[hub-xml][encoding]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_path(test::data_dir / "encodings");
    CHECK(report.errors == 0);
    CHECK(report.files_indexed == 3);
    index.commit();
    const Searcher searcher(dir / "db");
    for (const char* id : {"ENC-CP1251", "ENC-KOI8R", "ENC-UTF16"}) {
        CAPTURE(id);
        const auto record = searcher.find(id);
        REQUIRE(record);
        CHECK(record->titles.at(0).text == "Декларирование доходов государственных служащих");
        CHECK(record->language == "ru");  // no lang attribute: detected
    }
    const auto hits = test::search_ids(searcher, "декларирования");
    CHECK(hits.size() == 3);
}

TEST_CASE("an in-memory document is indexed under the name it is given", "[hub-xml]") {
    test::TempDir dir;
    Index index(dir / "db");
    const auto report = index.add_buffer(
        R"(<study id="MEM-1"><title>In memory</title><date>2024</date></study>)", "memory.xml");
    CHECK(report.files_indexed == 1);
    index.commit();
    const auto record = Searcher(dir / "db").find("MEM-1");
    REQUIRE(record);
    CHECK(record->source == "memory.xml");
    CHECK(record->language == "en");
}
