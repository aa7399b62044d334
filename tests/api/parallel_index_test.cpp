// SPDX-License-Identifier: MIT
// Indexing on several threads writes the same index as on one, and compaction keeps it.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace hubsearch;

namespace {

const std::vector<std::string> queries = {
    "оплата труда", "meritocracy",       "мемлекеттік қызмет",         "reform",
    "type:speech",  "\"civil service\"", "country:KZ year:2019..2023", "title:reform",
};

std::vector<std::string> all_ids(const std::filesystem::path& db) {
    SearchRequest request;
    request.limit = 100000;
    request.snippets = false;
    const auto results = Searcher(db).search(request);
    std::vector<std::string> ids;
    for (const auto& hit : results.hits) ids.push_back(hit.record.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void check_same_results(const std::filesystem::path& a, const std::filesystem::path& b) {
    CHECK(Searcher(a).record_count() == Searcher(b).record_count());
    CHECK(all_ids(a) == all_ids(b));
    const Searcher one(a);
    const Searcher other(b);
    for (const auto& query : queries) {
        CAPTURE(query);
        CHECK(test::search_ids(one, query, 50) == test::search_ids(other, query, 50));
    }
}

std::string study(const std::string& id, const std::string& title) {
    return "<study id=\"" + id + "\"><title>" + title + "</title><date>2020</date></study>";
}

}  // namespace

TEST_CASE("several threads index the same records, reports and results as one", "[parallel]") {
    test::TempDir dir;
    // Some bad files among the good ones: rejected in order, with the same diagnostics.
    std::filesystem::copy(test::corpus_dir, dir / "tree", std::filesystem::copy_options::recursive);
    dir.write("tree/a-broken.xml", "<study id=\"BROKEN\"><title>x</title>");
    dir.write("tree/z-duplicate.xml", study("ACSH-2018-06", "A second file with a taken id"));
    std::vector<std::vector<std::filesystem::path>> orders;
    std::vector<IndexReport> reports;
    for (const unsigned threads : {1u, 2u, 4u}) {
        IndexOptions options;
        options.threads = threads;
        options.batch_size = 7;
        std::vector<std::filesystem::path> order;
        options.on_file = [&](const std::filesystem::path& file, FileStatus) {
            order.push_back(file);
        };
        Index index(dir / ("db-" + std::to_string(threads)), options);
        reports.push_back(index.add_path(dir / "tree"));
        orders.push_back(order);
    }
    for (std::size_t i = 1; i < reports.size(); ++i) {
        CAPTURE(i);
        CHECK(orders[i] == orders[0]);
        CHECK(reports[i].files_indexed == reports[0].files_indexed);
        CHECK(reports[i].files_rejected == reports[0].files_rejected);
        CHECK(reports[i].records == reports[0].records);
        CHECK(reports[i].warnings == reports[0].warnings);
        REQUIRE(reports[i].diagnostics.size() == reports[0].diagnostics.size());
        for (std::size_t d = 0; d < reports[0].diagnostics.size(); ++d) {
            const auto& expected = reports[0].diagnostics[d];
            const auto& got = reports[i].diagnostics[d];
            CHECK(got.path == expected.path);
            CHECK(got.line == expected.line);
            CHECK(got.column == expected.column);
            CHECK(got.message == expected.message);
        }
    }
    CHECK(reports[0].files_rejected == 2);
    check_same_results(dir / "db-1", dir / "db-2");
    check_same_results(dir / "db-1", dir / "db-4");
}

TEST_CASE("several threads skip unchanged files and re-index changed ones", "[parallel]") {
    test::TempDir dir;
    for (int i = 0; i < 20; ++i) {
        dir.write("tree/f" + std::to_string(i) + ".xml",
                  study("PAR-" + std::to_string(i), "Parallel " + std::to_string(i)));
    }
    IndexOptions options;
    options.threads = 3;
    Index index(dir / "db", options);
    CHECK(index.add_path(dir / "tree").files_added == 20);
    dir.write("tree/f3.xml", study("PAR-3", "Changed title"));
    dir.write("tree/f21.xml", study("PAR-21", "New file"));
    const auto again = index.add_path(dir / "tree");
    CHECK(again.files_unchanged == 19);
    CHECK(again.files_updated == 1);
    CHECK(again.files_added == 1);
    index.commit();
    CHECK(test::search_ids(Searcher(dir / "db"), "changed") == std::vector<std::string>{"PAR-3"});
}

namespace {

// Thirty two-speech transcripts, tree/f00.xml .. tree/f29.xml.
void write_transcripts(const test::TempDir& dir) {
    for (int i = 0; i < 30; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        dir.write("tree/f" + n + ".xml", R"(<transcript id="STOP-)" + n + R"(">
  <event><title>Forum</title><date>2020-01-01</date></event>
  <session id="s"><speech speaker="A"><p>one</p></speech><speech speaker="B"><p>two</p></speech>
  </session></transcript>)");
    }
}

}  // namespace

TEST_CASE("stopping parallel indexing leaves only whole files, those before the stop",
          "[parallel][stop]") {
    test::TempDir dir;
    write_transcripts(dir);
    // Not a new index: files are written in input order (a new one is built in shards).
    dir.write("other/seed.xml", study("SEED", "Already there"));
    IndexOptions options;
    options.threads = 4;
    options.batch_size = 4;
    int handled = 0;
    options.on_file = [&](const std::filesystem::path&, FileStatus) { ++handled; };
    options.should_stop = [&] { return handled == 10; };
    {
        Index index(dir / "db", options);
        index.add_path(dir / "other");
        const auto report = index.add_path(dir / "tree");
        CHECK(report.stopped);
        CHECK(report.files_indexed == 9);
    }
    // Every transcript is whole (both speeches), and only the first nine are there.
    std::set<std::string> expected{"SEED"};
    for (int i = 0; i < 9; ++i) {
        const std::string n = "0" + std::to_string(i);
        expected.insert("STOP-" + n + "/s/1");
        expected.insert("STOP-" + n + "/s/2");
    }
    const auto ids = all_ids(dir / "db");
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == expected);
}

TEST_CASE("stopping a new index built in shards keeps the files before the stop, in order",
          "[parallel][stop]") {
    test::TempDir dir;
    write_transcripts(dir);
    IndexOptions options;
    options.threads = 4;
    options.batch_size = 2;
    int handled = 0;
    options.on_file = [&](const std::filesystem::path&, FileStatus) { ++handled; };
    // The calling thread's run is the first quarter of the files: it stops after three, while
    // the other shards are writing theirs.
    options.should_stop = [&] { return handled == 3; };
    IndexReport report;
    {
        Index index(dir / "db", options);
        report = index.add_path(dir / "tree");
    }
    CHECK(report.stopped);
    CHECK(report.files_indexed == 3);
    CHECK(handled == 3);
    std::set<std::string> expected;
    for (int i = 0; i < 3; ++i) {
        expected.insert("STOP-0" + std::to_string(i) + "/s/1");
        expected.insert("STOP-0" + std::to_string(i) + "/s/2");
    }
    const auto ids = all_ids(dir / "db");
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == expected);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.shard-1"));
    // The next run finishes the job.
    options.should_stop = nullptr;
    Index index(dir / "db", options);
    CHECK(index.add_path(dir / "tree").files_added == 27);
    CHECK(index.record_count() == 60);
}

TEST_CASE("a new index built in shards decides taken ids as one writer would", "[parallel]") {
    test::TempDir dir;
    for (int i = 0; i < 20; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        dir.write("tree/f" + n + ".xml", study("PAR-" + n, "Parallel " + n));
    }
    // The last file, in the second shard, takes the id of the first, in the first shard.
    dir.write("tree/f20.xml", study("PAR-00", "Thief of an id"));
    IndexOptions options;
    options.threads = 2;
    std::vector<std::filesystem::path> order;
    options.on_file = [&](const std::filesystem::path& file, FileStatus) {
        order.push_back(file.filename());
    };
    Index index(dir / "db", options);
    const auto report = index.add_path(dir / "tree");
    CHECK(report.files_added == 20);
    CHECK(report.files_rejected == 1);
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].path.filename() == "f20.xml");
    CHECK_THAT(report.diagnostics[0].message, Catch::Contains("f00.xml"));
    REQUIRE(order.size() == 21);
    CHECK(order.front() == "f00.xml");
    CHECK(order.back() == "f20.xml");
    CHECK(std::is_sorted(order.begin(), order.end()));
    index.commit();
    CHECK(index.record_count() == 20);
    CHECK(test::search_ids(Searcher(dir / "db"), "thief").empty());
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.shard-1"));
}

TEST_CASE("a deletion in a later shard removes a document of an earlier one", "[parallel]") {
    test::TempDir dir;
    const auto oai = test::data_dir / "external" / "oai";
    std::filesystem::create_directories(dir / "tree");
    std::filesystem::copy_file(oai / "rcaap_pt_ListRecords_2015-12-26_page1.xml",
                               dir / "tree" / "a-page1.xml");
    for (int i = 0; i < 10; ++i) {
        dir.write("tree/b" + std::to_string(i) + ".xml",
                  study("DEL-" + std::to_string(i), "Filler " + std::to_string(i)));
    }
    std::filesystem::copy_file(test::data_dir / "formats" / "oai" / "deleted_page3.xml",
                               dir / "tree" / "z-deleted.xml");
    for (const unsigned threads : {1u, 2u}) {
        IndexOptions options;
        options.threads = threads;
        Index index(dir / ("db-" + std::to_string(threads)), options);
        CHECK(index.add_path(dir / "tree").errors == 0);
    }
    CHECK(all_ids(dir / "db-2") == all_ids(dir / "db-1"));
    const Searcher searcher(dir / "db-2");
    CHECK(searcher.record_count() > 100);
    CHECK_FALSE(searcher.find("oai:repositorio-aberto.up.pt:10216_11441"));
    CHECK(searcher.find("oai:repositorio-aberto.up.pt:10216_12148"));
    CHECK(searcher.find("DEL-9"));
}

TEST_CASE("a compacted index is smaller and finds the same", "[compact]") {
    test::TempDir dir;
    {
        IndexOptions options;
        options.batch_size = 3;
        // One thread: a new index built on several is compacted already.
        options.threads = 1;
        Index index(dir / "db", options);
        index.add_path(test::corpus_dir);
        Index reference(dir / "reference", options);
        reference.add_path(test::corpus_dir);
    }
    std::uintmax_t before = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "db")) {
        before += entry.file_size();
    }
    {
        Index index(dir / "db");
        REQUIRE(index.compact());
        // Still writable after compaction, and still incremental.
        CHECK(index.add_path(test::corpus_dir).files_unchanged > 0);
        dir.write("extra.xml", study("COMPACT-1", "After compaction"));
        CHECK(index.add_path(dir / "extra.xml").files_added == 1);
    }
    std::uintmax_t after = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "db")) {
        after += entry.file_size();
    }
    CHECK(after < before);
    // Nothing is left beside the index.
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.compacting"));
    CHECK(test::search_ids(Searcher(dir / "db"), "compaction") ==
          std::vector<std::string>{"COMPACT-1"});
    {
        Index reference(dir / "reference");
        reference.add_path(dir / "extra.xml");
    }
    check_same_results(dir / "db", dir / "reference");
}

TEST_CASE("compaction holds the write lock", "[compact][lock]") {
    test::TempDir dir;
    Index index(dir / "db");
    index.add_path(test::data_dir / "hub");
    REQUIRE(index.compact());
    try {
        Index second(dir / "db");
        FAIL("a second writer opened the compacted index");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::locked);
    }
}

TEST_CASE("shards a crash left beside an index go when it is next opened for writing",
          "[parallel]") {
    test::TempDir dir;
    { Index index(dir / "db"); }
    dir.write("db.shard-1/postlist.glass", "left by a crash");
    dir.write("db.shard-notes/keep.txt", "not a shard");
    Index index(dir / "db");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.shard-1"));
    CHECK(std::filesystem::exists(dir.path() / "db.shard-notes" / "keep.txt"));
}
