// SPDX-License-Identifier: MIT
// Issue 5: hub-index as a nightly job runs it. A real indexer process is killed (SIGKILL) at
// many points, stopped with SIGINT and SIGTERM, locked out by another writer, asked to prune
// and remove; the index must always open, hold whole files only, and a re-run must finish.
#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace hubsearch;

namespace {

const std::string hub_index = HUB_INDEX;

// A hub-index process whose standard error (and output) we read line by line.
class Child {
public:
    explicit Child(const std::vector<std::string>& args) {
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        // A one-page pipe: the child blocks once it is a few lines ahead of our reading, so a
        // signal sent after line k lands within a few files of file k, on any machine.
        (void)::fcntl(fds[0], F_SETPIPE_SZ, 4096);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);  // --help
        std::vector<char*> argv;
        std::vector<std::string> all{hub_index};
        all.insert(all.end(), args.begin(), args.end());
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int spawned =
            ::posix_spawn(&pid_, hub_index.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        REQUIRE(spawned == 0);
        fd_ = fds[0];
    }
    ~Child() {
        if (fd_ >= 0) ::close(fd_);
        if (pid_ > 0 && status_ < 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // The next line of its standard error, or nullopt at the end.
    std::optional<std::string> line() {
        std::string text;
        char c;
        for (;;) {
            const auto n = ::read(fd_, &c, 1);
            if (n <= 0) return text.empty() ? std::nullopt : std::optional(text);
            if (c == '\n') break;
            text += c;
        }
        all_ += text + '\n';
        return text;
    }
    // Reads lines until one contains `part`; false when the output ends first.
    bool wait_for(const std::string& part) {
        while (auto l = line()) {
            if (l->find(part) != std::string::npos) return true;
        }
        return false;
    }
    void signal(int number) const { ::kill(pid_, number); }
    // Reads the rest of its output and waits for it: the exit code, or 128 + the signal that
    // killed it (as a shell reports it).
    int finish() {
        while (line()) {
        }
        int status = 0;
        ::waitpid(pid_, &status, 0);
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return status_;
    }
    [[nodiscard]] const std::string& output() const { return all_; }

private:
    pid_t pid_ = -1;
    int fd_ = -1;
    int status_ = -1;
    std::string all_;
};

int run(const std::vector<std::string>& args, std::string* output = nullptr) {
    Child child(args);
    const int status = child.finish();
    if (output) *output = child.output();
    return status;
}

// A tree of `count` files in name order: studies, and every fifth a transcript with three
// speeches, so that a file written in part would show.
void make_tree(const test::TempDir& dir, int count) {
    for (int i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "tree/f%04d.xml", i);
        const std::string n = std::to_string(i);
        if (i % 5 == 0) {
            dir.write(name, "<transcript id=\"CT-" + n +
                                "\"><event><title>Event</title><date>2021</date></event>"
                                "<session id=\"s\"><speech speaker=\"A\"><p>one</p></speech>"
                                "<speech speaker=\"B\"><p>two</p></speech>"
                                "<speech speaker=\"C\"><p>three</p></speech></session>"
                                "</transcript>");
        } else {
            dir.write(name, "<study id=\"CS-" + n + "\"><title>Study " + n +
                                "</title><date>2020</date></study>");
        }
    }
}

// How many files of the tree the index holds, checking that each is whole and that they are
// the first ones in name order (files are indexed and committed in that order).
std::size_t committed_prefix(const std::filesystem::path& db, int count) {
    const Searcher searcher(db);  // must open whatever moment the writer was killed at
    std::size_t prefix = 0;
    bool gap = false;
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        std::size_t present = 0;
        std::size_t expected = 1;
        if (i % 5 == 0) {
            expected = 3;
            for (int s = 1; s <= 3; ++s) {
                present += searcher.find("CT-" + n + "/s/" + std::to_string(s)) ? 1 : 0;
            }
        } else {
            present = searcher.find("CS-" + n) ? 1 : 0;
        }
        INFO("file " << i);
        CHECK((present == 0 || present == expected));  // whole or not at all
        if (present == 0) {
            gap = true;
        } else {
            CHECK_FALSE(gap);  // no file after one that is missing
            ++prefix;
        }
    }
    CHECK(searcher.record_count() == prefix + 2 * ((prefix + 4) / 5));
    return prefix;
}

}  // namespace

TEST_CASE("hub-index killed at many points leaves whole files and a re-run completes",
          "[cli][crash]") {
    constexpr int files = 200;
    for (const int batch : {1, 7}) {
        DYNAMIC_SECTION("batch size " << batch) {
            test::TempDir dir;
            make_tree(dir, files);
            const std::string db = (dir / "db").string();
            std::size_t before = 0;
            // Each run goes on from the last: the first lines of later runs are unchanged
            // files, so kills land while skipping as well as while writing and committing.
            for (const int kill_after : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 190}) {
                CAPTURE(kill_after);
                Child child({"--db", db, "--verbose", "--wait=30", "--batch-size",
                             std::to_string(batch), (dir / "tree").string()});
                for (int i = 0; i < kill_after && child.line(); ++i) {
                }
                child.signal(SIGKILL);
                const int status = child.finish();
                CHECK((status == 128 + SIGKILL || status == 0));
                const std::size_t now = committed_prefix(dir / "db", files);
                CHECK(now >= before);
                // Commits come every `batch` files written, or at the end.
                CHECK(((now - before) % static_cast<std::size_t>(batch) == 0 ||
                       now == static_cast<std::size_t>(files)));
                before = now;
            }
            std::string output;
            CHECK(run({"--db", db, "--wait=30", (dir / "tree").string()}, &output) == 0);
            CHECK_THAT(output,
                       Catch::Contains(std::to_string(files - before) + " added, 0 updated, " +
                                       std::to_string(before) + " unchanged"));
            CHECK(committed_prefix(dir / "db", files) == static_cast<std::size_t>(files));
        }
    }
}

TEST_CASE("SIGINT and SIGTERM stop hub-index cleanly with the work done committed",
          "[cli][crash]") {
    constexpr int files = 300;
    for (const int signal : {SIGINT, SIGTERM}) {
        DYNAMIC_SECTION("signal " << signal) {
            test::TempDir dir;
            make_tree(dir, files);
            const std::string db = (dir / "db").string();
            // One batch for everything: only the commit made on the way out saves the work.
            Child child(
                {"--db", db, "--verbose", "--batch-size", "100000", (dir / "tree").string()});
            for (int i = 0; i < 20; ++i) REQUIRE(child.line());
            child.signal(signal);
            const int status = child.finish();
            CHECK(status == 128 + signal);
            CHECK_THAT(child.output(), Catch::Contains(signal == SIGINT ? "stopped by SIGINT"
                                                                        : "stopped by SIGTERM"));
            CHECK_THAT(child.output(), Catch::Contains("run again to finish"));
            const std::size_t done = committed_prefix(dir / "db", files);
            CHECK(done >= 20);
            CHECK(done < static_cast<std::size_t>(files));
            std::string output;
            CHECK(run({"--db", db, (dir / "tree").string()}, &output) == 0);
            CHECK_THAT(output, Catch::Contains(std::to_string(done) + " unchanged"));
            CHECK(committed_prefix(dir / "db", files) == static_cast<std::size_t>(files));
        }
    }
}

TEST_CASE("a second hub-index fails at once naming the index, or waits with --wait",
          "[cli][lock]") {
    test::TempDir dir;
    make_tree(dir, 3);
    const std::string db = (dir / "db").string();
    auto holder = std::make_unique<Index>(dir / "db");

    std::string output;
    CHECK(run({"--db", db, (dir / "tree").string()}, &output) == 3);
    CHECK_THAT(output, Catch::Contains("hub-index: " + db +
                                       ": the index is being written by another process"));
    CHECK(run({"--db", db, "--wait=0.2", (dir / "tree").string()}, &output) == 3);
    CHECK_THAT(output, Catch::Contains("(waited 0.2 s)"));

    Child waiting({"--db", db, "--wait", (dir / "tree").string()});
    REQUIRE(waiting.wait_for("waiting for it"));
    holder.reset();  // the waiting indexer goes on once the lock is free
    CHECK(waiting.finish() == 0);
    CHECK_THAT(waiting.output(), Catch::Contains("3 added"));
}

TEST_CASE("hub-index --prune and --remove report what they removed", "[cli][prune]") {
    test::TempDir dir;
    make_tree(dir, 6);
    const std::string db = (dir / "db").string();
    const std::string tree = (dir / "tree").string();
    REQUIRE(run({"--db", db, tree}) == 0);
    std::filesystem::remove(dir / "tree" / "f0001.xml");
    std::filesystem::remove(dir / "tree" / "f0005.xml");  // a transcript of three speeches

    std::string output;
    CHECK(run({"--db", db, tree}, &output) == 0);
    CHECK_THAT(output, Catch::Contains("0 removed"));  // without --prune nothing goes
    CHECK(run({"--db", db, "--prune", "--verbose", tree}, &output) == 0);
    CHECK_THAT(output, Catch::Contains("f0001.xml: removed"));
    CHECK_THAT(output, Catch::Contains("2 removed (4 records removed)"));
    CHECK_THAT(output, Catch::Contains("4 unchanged"));

    CHECK(run({"--db", db, "--remove", "CS-2", "CT-0", "NO-SUCH-ID"}, &output) == 1);
    CHECK_THAT(output, Catch::Contains("hub-index: NO-SUCH-ID: error: no record has this id"));
    CHECK_THAT(output, Catch::Contains("(4 records removed)"));
    CHECK(Searcher(dir / "db").record_count() == 2);

    CHECK(run({"--db", db, "--prune", (dir / "no-such-dir").string()}, &output) == 1);
    CHECK_THAT(output, Catch::Contains("nothing was pruned"));
    CHECK(Searcher(dir / "db").record_count() == 2);
}

TEST_CASE("hub-index lists every option in --help and checks their values", "[cli]") {
    std::string output;
    CHECK(run({"--help"}, &output) == 0);
    for (const char* option :
         {"--db", "--prune", "--remove", "--wait", "--batch-size", "--max-file-size", "--max-depth",
          "--max-record-size", "--follow-symlinks", "--threads", "--batch-bytes", "--compact",
          "--no-compact", "--verbose", "--quiet", "130, 143"}) {
        CAPTURE(option);
        CHECK_THAT(output, Catch::Contains(option));
    }
    test::TempDir dir;
    const std::string db = (dir / "db").string();
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--batch-size", "0", "x"},
                                                {"--batch-size", "-1", "x"},
                                                {"--max-depth", "ten", "x"},
                                                {"--max-file-size", "12Q", "x"},
                                                {"--max-record-size", "", "x"},
                                                {"--threads", "0", "x"},
                                                {"--batch-bytes", "lots", "x"},
                                                {"--threads", "two", "x"},
                                                {"--wait=-1", "x"}}) {
        CAPTURE(bad);
        std::vector<std::string> args{"--db", db};
        args.insert(args.end(), bad.begin(), bad.end());
        CHECK(run(args, &output) == 2);
        CHECK_THAT(output, Catch::Contains("hub-index --help"));
    }
}

TEST_CASE("hub-index size options take suffixes and reject files over them", "[cli][limits]") {
    test::TempDir dir;
    const auto file = dir.write("big.xml", "<study id=\"BIG\"><title>" + std::string(3000, 'x') +
                                               " big</title><date>2020</date></study>");
    std::string output;
    CHECK(run({"--db", (dir / "db").string(), "--max-file-size", "2K", file.string()}, &output) ==
          1);
    CHECK_THAT(output, Catch::Contains("over the limit of 2048"));
    CHECK(run({"--db", (dir / "db").string(), "--max-record-size", "1k", file.string()}, &output) ==
          1);
    CHECK_THAT(output, Catch::Contains("over the limit of 1024 bytes per record"));
    CHECK(run({"--db", (dir / "db").string(), "--max-file-size", "1M", file.string()}, &output) ==
          0);
}

TEST_CASE("file names are never run as commands", "[cli]") {
    test::TempDir dir;
    const std::string marker = "hubsearch-test-pwned";
    int n = 0;
    for (const std::string& name : {"$(touch " + marker + ").xml", "`touch " + marker + "`.xml",
                                    "; touch " + marker + ";.xml", "|touch " + marker + ".xml"}) {
        dir.write("tree/" + name, "<study id=\"NAME-" + std::to_string(++n) +
                                      "\"><title>x</title><date>2020</date></study>");
    }
    std::string output;
    CHECK(run({"--db", (dir / "db").string(), (dir / "tree").string()}, &output) == 0);
    CHECK_THAT(output, Catch::Contains("4 added"));
    CHECK_FALSE(std::filesystem::exists(marker));
    CHECK_FALSE(std::filesystem::exists(dir / "tree" / marker));
}

TEST_CASE("hub-index compacts the index it creates, and on request", "[cli][compact]") {
    test::TempDir dir;
    const std::string db = (dir / "db").string();
    const auto size = [&] {
        std::uintmax_t bytes = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir / "db")) {
            bytes += entry.file_size();
        }
        return bytes;
    };
    const std::string corpus = test::corpus_dir.string();
    // One thread: a new index built on several is merged from shards, compacted already.
    CHECK(run({"--db", db, "--quiet", "--no-compact", "--threads", "1", "--batch-size", "2",
               corpus}) == 0);
    const auto loose = size();
    CHECK(run({"--db", db, "--quiet", "--compact", corpus}) == 0);
    CHECK(size() < loose);
    CHECK_FALSE(std::filesystem::exists(dir / "db.compacting"));
    const auto found = test::search_ids(hubsearch::Searcher(db), "competency model", 50);
    CHECK_FALSE(found.empty());
    // A new index is compacted without asking, and indexed with one thread or several alike.
    const std::string fresh = (dir / "fresh").string();
    CHECK(run({"--db", fresh, "--quiet", "--threads", "1", corpus}) == 0);
    CHECK(test::search_ids(hubsearch::Searcher(fresh), "competency model", 50) == found);
    const std::string shards = (dir / "shards").string();
    CHECK(run({"--db", shards, "--quiet", "--threads", "2", "--no-compact", corpus}) == 0);
    CHECK(test::search_ids(hubsearch::Searcher(shards), "competency model", 50) == found);
    CHECK_FALSE(std::filesystem::exists(dir / "shards.shard-1"));
}
