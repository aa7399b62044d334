// SPDX-License-Identifier: MIT
// Issue 5: incremental and idempotent indexing, pruning, removal, duplicate ids, batches,
// stopping, locking, searching during indexing, and symbolic links.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

using namespace hubsearch;

namespace {

std::string study(const std::string& id, const std::string& title) {
    return "<study id=\"" + id + "\"><title>" + title + "</title><date>2020</date></study>";
}

const Diagnostic* error_about(const IndexReport& report, const std::string& part) {
    for (const auto& d : report.diagnostics) {
        if (d.severity == Severity::error && d.message.find(part) != std::string::npos) return &d;
    }
    return nullptr;
}

std::set<std::string> all_ids(const std::filesystem::path& db) {
    const Searcher searcher(db);
    SearchRequest request;
    request.limit = 10000;
    request.snippets = false;
    const auto ids = test::ids(searcher.search(request));
    return {ids.begin(), ids.end()};
}

// Every file's bytes under `dir`, by relative path.
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        files[std::filesystem::relative(entry.path(), dir).string()] = ss.str();
    }
    return files;
}

}  // namespace

TEST_CASE("re-indexing a tree touches only new and changed files and says which", "[incremental]") {
    test::TempDir dir;
    dir.write("tree/a.xml", study("INC-A", "Alpha reform"));
    dir.write("tree/b.xml", study("INC-B", "Beta reform"));
    dir.write("tree/sub/c.xml", study("INC-C", "Gamma reform"));
    Index index(dir / "db");

    const auto first = index.add_path(dir / "tree");
    CHECK(first.files_added == 3);
    CHECK(first.files_indexed == 3);
    CHECK(first.files_unchanged == 0);

    const auto again = index.add_path(dir / "tree");
    CHECK(again.files_unchanged == 3);
    CHECK(again.files_indexed == 0);
    CHECK(again.records == 0);

    dir.write("tree/b.xml", study("INC-B", "Beta renamed"));
    dir.write("tree/d.xml", study("INC-D", "Delta reform"));
    const auto changed = index.add_path(dir / "tree");
    CHECK(changed.files_updated == 1);
    CHECK(changed.files_added == 1);
    CHECK(changed.files_unchanged == 2);
    CHECK(changed.records == 2);
    CHECK(index.record_count() == 4);
    const Searcher searcher(dir / "db");
    CHECK(test::search_ids(searcher, "renamed") == std::vector<std::string>{"INC-B"});
    REQUIRE(searcher.find("INC-B"));
    CHECK(searcher.find("INC-B")->titles.at(0).text == "Beta renamed");
}

TEST_CASE("an in-memory input with the same content is unchanged", "[incremental]") {
    test::TempDir dir;
    Index index(dir / "db");
    CHECK(index.add_buffer(study("BUF-1", "Buffer"), "upload.xml").files_added == 1);
    CHECK(index.add_buffer(study("BUF-1", "Buffer"), "upload.xml").files_unchanged == 1);
    CHECK(index.add_buffer(study("BUF-1", "Buffer two"), "upload.xml").files_updated == 1);
    CHECK(index.record_count() == 1);
}

TEST_CASE("prune removes the records of deleted files under its tree and nothing else",
          "[incremental][prune]") {
    test::TempDir dir;
    dir.write("tree/a.xml", study("PR-A", "Alpha"));
    dir.write("tree/sub/b.xml", study("PR-B", "Beta"));
    dir.write("tree-other/c.xml", study("PR-C", "Gamma"));
    dir.write("treehouse/d.xml", study("PR-D", "Delta"));  // a sibling sharing the prefix
    {
        Index index(dir / "db");
        index.add_path(dir / "tree");
        index.add_path(dir / "tree-other");
        index.add_path(dir / "treehouse");
        index.add_buffer(study("PR-MEM", "Memory"), "upload.xml");
        CHECK(index.record_count() == 5);
    }
    std::filesystem::remove(dir / "tree" / "sub" / "b.xml");
    std::filesystem::remove(dir / "treehouse" / "d.xml");
    std::vector<std::filesystem::path> removed;
    IndexOptions options;
    options.on_file = [&](const std::filesystem::path& file, FileStatus status) {
        if (status == FileStatus::removed) removed.push_back(file);
    };
    Index index(dir / "db", options);
    const auto report = index.prune(dir / "tree");
    CHECK(report.files_removed == 1);
    CHECK(report.records_removed == 1);
    CHECK(report.errors == 0);
    REQUIRE(removed.size() == 1);
    CHECK(removed[0].filename() == "b.xml");
    const auto ids = all_ids(dir / "db");
    CHECK(ids == std::set<std::string>{"PR-A", "PR-C", "PR-D", "PR-MEM"});

    // Pruning again finds nothing more.
    CHECK(index.prune(dir / "tree").files_removed == 0);
}

TEST_CASE("prune refuses a tree that does not exist and removes nothing", "[incremental][prune]") {
    test::TempDir dir;
    dir.write("tree/a.xml", study("PR-GONE", "Alpha"));
    Index index(dir / "db");
    index.add_path(dir / "tree");
    std::filesystem::rename(dir / "tree", dir / "elsewhere");  // an unmounted disk, say
    const auto report = index.prune(dir / "tree");
    CHECK(report.files_removed == 0);
    REQUIRE(report.errors == 1);
    CHECK_THAT(report.diagnostics.at(0).message, Catch::Contains("nothing was pruned"));
    CHECK(index.record_count() == 1);
}

TEST_CASE("a file renamed in its tree keeps its id after prune and add", "[incremental][prune]") {
    test::TempDir dir;
    dir.write("tree/a.xml", study("MV-1", "Moving study"));
    Index index(dir / "db");
    index.add_path(dir / "tree");
    std::filesystem::rename(dir / "tree" / "a.xml", dir / "tree" / "z.xml");
    auto report = index.prune(dir / "tree");
    merge(report, index.add_path(dir / "tree"));
    CHECK(report.errors == 0);
    CHECK(report.files_removed == 1);
    CHECK(report.files_added == 1);
    const auto record = Searcher(dir / "db").find("MV-1");
    REQUIRE(record);
    CHECK(std::filesystem::path(record->source).filename() == "z.xml");
}

TEST_CASE("a file moved without prune takes its ids along", "[incremental]") {
    test::TempDir dir;
    dir.write("a.xml", study("MV-2", "Moving study"));
    Index index(dir / "db");
    index.add_path(dir / "a.xml");
    std::filesystem::rename(dir / "a.xml", dir / "b.xml");
    const auto report = index.add_path(dir / "b.xml");
    CHECK(report.errors == 0);
    CHECK(report.files_added == 1);
    CHECK(index.record_count() == 1);
}

TEST_CASE("a document id from a second file is an error naming both files; the first stays",
          "[incremental][duplicates]") {
    test::TempDir dir;
    const auto first = dir.write("tree/a.xml", study("DUP-1", "First version"));
    const auto second = dir.write("tree/b.xml", study("DUP-1", "Second version"));
    Index index(dir / "db");
    const auto report = index.add_path(dir / "tree");
    CHECK(report.files_added == 1);
    CHECK(report.files_rejected == 1);
    const Diagnostic* d = error_about(report, "\"DUP-1\" is already indexed from");
    REQUIRE(d);
    CHECK(d->path == second);
    CHECK_THAT(d->message, Catch::Contains(first.string()));
    index.commit();
    CHECK(test::search_ids(Searcher(dir / "db"), "first") == std::vector<std::string>{"DUP-1"});
    CHECK(test::search_ids(Searcher(dir / "db"), "second").empty());

    SECTION("the first file changed and keeping its id is an update") {
        dir.write("tree/a.xml", study("DUP-1", "First edited"));
        const auto again = index.add_path(first);
        CHECK(again.files_updated == 1);
        CHECK(again.errors == 0);
        index.commit();
        CHECK(test::search_ids(Searcher(dir / "db"), "edited") ==
              std::vector<std::string>{"DUP-1"});
    }
    SECTION("the second file is still rejected on every run, never half-indexed") {
        const auto again = index.add_path(dir / "tree");
        CHECK(again.files_unchanged == 1);
        CHECK(again.files_rejected == 1);
        CHECK(index.record_count() == 1);
    }
}

TEST_CASE("a tree indexed in one run or file by file gives the same index", "[incremental]") {
    test::TempDir dir;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::corpus_dir)) {
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 10);
    {
        Index index(dir / "one-run");
        CHECK(index.add_path(test::corpus_dir).errors == 0);
    }
    {
        Index index(dir / "by-file");
        for (const auto& file : files) CHECK(index.add_path(file).errors == 0);
        // And once more file by file: nothing changes.
        for (const auto& file : files) CHECK(index.add_path(file).files_unchanged == 1);
    }
    CHECK(all_ids(dir / "one-run") == all_ids(dir / "by-file"));
    const Searcher one(dir / "one-run");
    const Searcher many(dir / "by-file");
    for (const char* query : {"оплата труда", "meritocracy", "мемлекеттік қызмет", "reform",
                              "type:speech", "country:KZ year:2019..2023"}) {
        CAPTURE(query);
        CHECK(test::search_ids(one, query, 50) == test::search_ids(many, query, 50));
    }
}

TEST_CASE("removing by id reports the count, and re-indexing the file brings it back",
          "[incremental][remove]") {
    test::TempDir dir;
    Index index(dir / "db");
    index.add_path(test::data_dir / "hub");
    CHECK(index.remove("TEST-STUDY-1") == 1);
    CHECK(index.remove("TEST-CONF-2022/opening/1") == 1);
    CHECK(index.remove("NO-SUCH") == 0);
    CHECK(index.record_count() == 4);
    // The tree is the truth: the files are still there, so the next run restores them.
    const auto report = index.add_path(test::data_dir / "hub");
    CHECK(report.files_added == 1);    // the study: nothing of it was left
    CHECK(report.files_updated == 1);  // the transcript: one speech was left
    CHECK(index.record_count() == 6);
}

TEST_CASE("records are committed in batches of the configured size", "[incremental][batch]") {
    test::TempDir dir;
    for (int i = 0; i < 7; ++i) {
        dir.write("tree/f" + std::to_string(i) + ".xml",
                  study("BATCH-" + std::to_string(i), "Batch"));
    }
    IndexOptions options;
    options.batch_size = 3;
    options.threads = 1;  // a new index built on several threads is written in shards
    std::vector<std::size_t> visible;
    options.on_file = [&](const std::filesystem::path&, FileStatus) {
        visible.push_back(Searcher(dir / "db").record_count());
    };
    Index index(dir / "db", options);
    index.add_path(dir / "tree");
    CHECK(visible == std::vector<std::size_t>{0, 0, 3, 3, 3, 6, 6});
    CHECK(Searcher(dir / "db").record_count() == 7);
}

TEST_CASE("a batch also ends once its files hold batch_bytes", "[incremental][batch]") {
    test::TempDir dir;
    for (int i = 0; i < 5; ++i) {
        dir.write("tree/f" + std::to_string(i) + ".xml",
                  study("BYTES-" + std::to_string(i), "Bytes"));
    }
    const auto file_size = std::filesystem::file_size(dir / "tree/f0.xml");
    IndexOptions options;
    options.batch_size = 100;
    options.batch_bytes = 2 * file_size;  // every second file
    options.threads = 1;
    std::vector<std::size_t> visible;
    options.on_file = [&](const std::filesystem::path&, FileStatus) {
        visible.push_back(Searcher(dir / "db").record_count());
    };
    Index index(dir / "db", options);
    index.add_path(dir / "tree");
    CHECK(visible == std::vector<std::size_t>{0, 2, 2, 4, 4});
}

TEST_CASE("should_stop ends indexing between files with the work done committed",
          "[incremental][stop]") {
    test::TempDir dir;
    for (int i = 0; i < 6; ++i) {
        dir.write("tree/f" + std::to_string(i) + ".xml",
                  study("STOP-" + std::to_string(i), "Stop"));
    }
    IndexOptions options;
    options.threads = 1;  // several: tests/api/parallel_index_test.cpp
    int handled = 0;
    options.on_file = [&](const std::filesystem::path&, FileStatus) { ++handled; };
    options.should_stop = [&] { return handled == 4; };
    Index index(dir / "db", options);
    const auto report = index.add_path(dir / "tree");
    CHECK(report.stopped);
    CHECK(report.files_indexed == 4);
    CHECK(Searcher(dir / "db").record_count() == 4);
    CHECK(all_ids(dir / "db") == std::set<std::string>{"STOP-0", "STOP-1", "STOP-2", "STOP-3"});
}

TEST_CASE("a second writer fails naming the index, or waits for the first", "[incremental][lock]") {
    test::TempDir dir;
    auto first = std::make_unique<Index>(dir / "db");
    IndexOptions options;
    options.lock_wait_seconds = 0.3;
    try {
        Index second(dir / "db", options);
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::locked);
        CHECK_THAT(e.what(), Catch::Contains((dir / "db").string()));
        CHECK_THAT(e.what(), Catch::Contains("being written by another process"));
    }
    options.lock_wait_seconds = std::numeric_limits<double>::infinity();
    std::atomic<bool> opened{false};
    std::thread waiter([&] {
        Index second(dir / "db", options);
        second.add_buffer(study("LOCK-1", "Waited"), "w.xml");
        opened = true;
    });
    first.reset();  // whenever this happens, the waiter gets the index
    waiter.join();
    CHECK(opened);
    CHECK(Searcher(dir / "db").find("LOCK-1"));
}

TEST_CASE("searches during indexing see committed states and never fail",
          "[incremental][concurrency]") {
    test::TempDir dir;
    constexpr int files = 120;
    for (int i = 0; i < files; ++i) {
        dir.write(
            "tree/f" + std::to_string(1000 + i) + ".xml",
            study("CONC-" + std::to_string(i), "Concurrent reform number " + std::to_string(i)));
    }
    { Index create(dir / "db"); }
    std::atomic<bool> done{false};
    std::thread writer([&] {
        IndexOptions options;
        options.batch_size = 1;
        Index index(dir / "db", options);
        index.add_path(dir / "tree");
        done = true;
    });
    const Searcher searcher(dir / "db");
    std::size_t searches = 0;
    std::size_t failures = 0;
    std::size_t last = 0;
    bool monotonic = true;
    SearchRequest request;
    request.query = "reform";
    request.limit = 5;
    request.facets = true;
    while (!done || searches == 0) {
        try {
            const auto results = searcher.search(request);
            const std::size_t count = searcher.record_count();
            monotonic = monotonic && count >= last;
            last = count;
        } catch (const Error& e) {
            UNSCOPED_INFO(e.what());
            ++failures;
        }
        ++searches;
    }
    writer.join();
    CHECK(failures == 0);
    CHECK(monotonic);
    CHECK(Searcher(dir / "db").record_count() == files);
}

TEST_CASE("symbolic links out of the tree are not followed unless asked", "[incremental][links]") {
    test::TempDir dir;
    dir.write("tree/inside.xml", study("LINK-IN", "Inside"));
    dir.write("outside/secret.xml", study("LINK-OUT", "Outside"));
    std::filesystem::create_directory_symlink(dir / "outside", dir / "tree" / "to-outside");
    std::filesystem::create_symlink(dir / "outside" / "secret.xml", dir / "tree" / "file-link.xml");
    std::filesystem::create_symlink(dir / "tree" / "inside.xml", dir / "tree" / "again.xml");
    std::filesystem::create_directory_symlink(dir / "tree", dir / "tree" / "loop");

    SECTION("by default, with a warning for each link leading out") {
        Index index(dir / "db");
        const auto report = index.add_path(dir / "tree");
        CHECK(report.files_indexed == 1);
        CHECK(report.warnings == 2);
        CHECK(report.errors == 0);
        for (const auto& d : report.diagnostics) {
            CHECK_THAT(d.message, Catch::Contains("not followed"));
        }
        index.commit();
        CHECK_FALSE(Searcher(dir / "db").find("LINK-OUT"));
    }
    SECTION("with follow_symlinks, each file once, and loops end") {
        IndexOptions options;
        options.follow_symlinks = true;
        Index index(dir / "db", options);
        const auto report = index.add_path(dir / "tree");
        CHECK(report.errors == 0);
        CHECK(report.files_indexed == 2);
        CHECK(report.files_unchanged == 0);
        index.commit();
        CHECK(Searcher(dir / "db").find("LINK-OUT"));
    }
}

TEST_CASE("indexing writes nothing outside the index directory", "[incremental]") {
    test::TempDir dir;
    dir.write("tree/a.xml", study("W-1", "Write"));
    dir.write("tree/broken.xml", "<study id=\"W-2\"><title>x</title>");
    const auto before = snapshot(dir.path());
    {
        Index index(dir / "db");
        index.add_path(dir / "tree");
        index.prune(dir / "tree");
    }
    auto after = snapshot(dir.path());
    for (auto it = after.begin(); it != after.end();) {
        it = it->first.rfind("db/", 0) == 0 ? after.erase(it) : std::next(it);
    }
    CHECK(after == before);
}

TEST_CASE("a changed PDF sidecar re-indexes its PDF, though the PDF is unchanged",
          "[incremental][formats]") {
    test::TempDir dir;
    const auto pdf_dir = test::data_dir / "formats" / "pdf";
    std::filesystem::create_directories(dir / "tree");
    std::filesystem::copy(pdf_dir / "sidecar_study.pdf", dir / "tree");
    std::filesystem::copy(pdf_dir / "sidecar_study.xml", dir / "tree");
    Index index(dir / "db");
    CHECK(index.add_path(dir / "tree").files_added == 1);
    CHECK(index.add_path(dir / "tree").files_unchanged == 1);

    std::ifstream in(dir / "tree" / "sidecar_study.xml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string sidecar = ss.str();
    const std::string old_title = "Merit-based recruitment";
    sidecar.replace(sidecar.find(old_title), old_title.size(), "Zqxrenamed recruitment");
    dir.write("tree/sidecar_study.xml", sidecar);
    const auto report = index.add_path(dir / "tree");
    CHECK(report.files_updated == 1);
    index.commit();
    CHECK(test::search_ids(Searcher(dir / "db"), "zqxrenamed") ==
          std::vector<std::string>{"PDF-STUDY-1"});
}
