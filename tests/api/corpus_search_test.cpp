// SPDX-License-Identifier: MIT
// The bundled corpus as a researcher searches it: the right record first, in any language.
// Expectations come from corpus/README.md.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace hubsearch;

namespace {

// The corpus is indexed once for all tests of this file.
const Searcher& corpus_searcher() {
    static test::TempDir dir;
    static const Searcher searcher = [] {
        Index index(dir / "db");
        const auto report = index.add_path(test::corpus_dir);
        REQUIRE(report.files_rejected == 0);
        REQUIRE(report.files_indexed == 19);
        index.commit();
        return Searcher(dir / "db");
    }();
    return searcher;
}

std::string first(const std::string& query) {
    const auto hits = test::search_ids(corpus_searcher(), query, 1);
    return hits.empty() ? std::string("(nothing)") : hits.front();
}

}  // namespace

TEST_CASE("the corpus indexes into one record per study and per speech", "[corpus]") {
    CHECK(corpus_searcher().record_count() == 16 + 39);
}

TEST_CASE("distinctive phrases find their study first, in each language", "[corpus]") {
    const std::pair<const char*, const char*> cases[] = {
        {"номенклатурный", "ACSH-2013-01"},
        {"декларирование доходов", "ACSH-2014-05"},  // windows-1251 file
        {"электрондық үкімет", "ACSH-2015-12"},
        {"X-Road", "ACSH-2015-12"},
        {"регуляторная гильотина", "ACSH-2016-09"},
        {"аралас оқыту", "ACSH-2017-03"},
        {"succession planning", "ACSH-2018-06"},
        {"дизайн-мышление", "ACSH-2019-05"},  // no lang: detected
        {"резервистер", "ACSH-2019-11"},
        {"360-degree feedback", "ACSH-2020-10"},
        {"прокторинг", "ACSH-2021-03"},
        {"факторно-балльная оценка", "ACSH-2021-08"},
        {"құпия сатып алушы", "ACSH-2022-04"},
        {"perceived meritocracy", "ACSH-2024-02"},
        {"Public Service Halls", "ACSH-2025-09"},  // UTF-16 file
        {"algorithmic bias", "ACSH-2026-01"},
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CHECK(first(query) == expected);
    }
}

TEST_CASE("distinctive phrases find their speech first", "[corpus]") {
    CHECK(first("Ottoman palace school") == "ACSH-CONF-2021/d2-roundtable/4");
    CHECK(first("Қайырымды қала") == "ACSH-CONF-2021/d2-roundtable/2");
    CHECK(first("pulse surveys") == "ACSH-CONF-2023/s1-seminar/3");
    CHECK(first("performance bonus") == "ACSH-CONF-2025/r1-pay/2");
    CHECK(first("отработать три года в регионах") == "ACSH-CONF-2025/w1-reserve/3");
}

TEST_CASE("a Russian query in another grammatical form finds the study", "[corpus][morphology]") {
    // The text says "оплата труда государственных служащих".
    CHECK(first("оплаты труда государственного служащего type:study") == "ACSH-2021-08");
    CHECK(first("ОПЛАТА ТРУДА type:study") == "ACSH-2021-08");
    CHECK(first("Декларированию доходов") == "ACSH-2014-05");
}

TEST_CASE("field queries search one field only", "[corpus][fields]") {
    const auto& searcher = corpus_searcher();
    for (const auto& id : test::search_ids(searcher, "speaker:Perry", 50)) {
        CHECK(id.rfind("ACSH-CONF-2021/", 0) == 0);
    }
    CHECK_FALSE(test::search_ids(searcher, "speaker:Perry").empty());
    CHECK(first("title:\"competency model\"") == "ACSH-2018-06");
}

TEST_CASE("corpus facets equal counts made by hand", "[corpus][facets]") {
    SearchRequest request;
    request.facets = true;
    request.filters.types = {RecordType::study};
    const auto studies = corpus_searcher().search(request);
    CHECK(studies.total_estimate == 16);
    CHECK(test::facet_count(studies, "country", "KR") == 3);  // 2015-12, 2018-06, 2021-08
    CHECK(test::facet_count(studies, "country", "GE") == 3);  // 2014-05, 2023-02, 2025-09
    CHECK(test::facet_count(studies, "year", "2019") == 2);
    CHECK(test::facet_count(studies, "year", "2021") == 2);
    CHECK(test::facet_count(studies, "topic", "digital-transformation") == 3);

    request.filters.types.clear();
    request.filters.topics = {"integrity"};
    const auto integrity = corpus_searcher().search(request);
    // ACSH-2014-05, ACSH-2024-02 and the five speeches of ACSH-CONF-2021/d1-plenary.
    CHECK(integrity.total_estimate == 7);
    CHECK(test::facet_count(integrity, "type", "speech") == 5);
}

TEST_CASE("a hit's snippet and score do not depend on its place on the page",
          "[corpus][snippets]") {
    // With two processors, every other hit of a page is made on a second thread (from a
    // Searcher's second search on): moving the page by one puts each hit on the other thread.
    REQUIRE(corpus_searcher().search(SearchRequest{}).total_estimate == 16 + 39);
    for (const char* query : {"оплата труда", "мемлекеттік қызмет", "civil service training"}) {
        CAPTURE(query);
        SearchRequest request;
        request.query = query;
        request.limit = 9;
        const auto page = corpus_searcher().search(request);
        request.offset = 1;
        const auto moved = corpus_searcher().search(request);
        REQUIRE(page.hits.size() == 9);
        REQUIRE(moved.hits.size() >= 8);
        for (std::size_t k = 1; k < page.hits.size(); ++k) {
            CAPTURE(k);
            const Hit& hit = page.hits[k];
            const Hit& same = moved.hits[k - 1];
            REQUIRE(hit.record.id == same.record.id);
            CHECK(hit.rank == same.rank);
            CHECK(hit.score == Approx(same.score));
            CHECK(!hit.snippet.empty());
            CHECK(hit.snippet == same.snippet);
        }
    }
}

TEST_CASE("a search goes on with one thread when no second index handle can be opened",
          "[corpus][snippets]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        REQUIRE(index.add_path(test::corpus_dir).files_indexed == 19);
    }
    const Searcher searcher(dir / "db");
    SearchRequest request;
    request.query = "оплата труда";
    const auto expected = searcher.search(request);  // the first search uses one thread
    REQUIRE(expected.hits.size() >= 4);

    // No file descriptor left: the second search cannot open its second handle.
    rlimit old{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &old) == 0);
    int highest = 2;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        highest = std::max(highest, std::stoi(entry.path().filename().string()));
    }
    rlimit tight = old;
    tight.rlim_cur = static_cast<rlim_t>(highest) + 1;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &tight) == 0);
    std::vector<int> fillers;  // take the free numbers below the limit too
    for (int fd = open("/dev/null", O_RDONLY); fd >= 0; fd = open("/dev/null", O_RDONLY)) {
        fillers.push_back(fd);
    }
    SearchResults results;
    std::string failure;
    try {
        results = searcher.search(request);
    } catch (const std::exception& e) {
        failure = e.what();
    }
    for (const int fd : fillers) close(fd);
    REQUIRE(setrlimit(RLIMIT_NOFILE, &old) == 0);

    CHECK(failure.empty());
    REQUIRE(results.hits.size() == expected.hits.size());
    for (std::size_t k = 0; k < results.hits.size(); ++k) {
        CHECK(results.hits[k].record.id == expected.hits[k].record.id);
        CHECK(results.hits[k].snippet == expected.hits[k].snippet);
    }
}
