// SPDX-License-Identifier: MIT
// search_bench: query latency of hubsearch against Xapian (omindex's database, read as quest
// reads it) and SQLite FTS5, on the query mix of bench/queries.tsv.
//
//   search_bench --queries FILE --hub DB --omega DB --fts FILE [--repeat N] [--mode M]
//                [--hub-search BIN] [--process-repeat N] [--out FILE]
//
// Mode "inprocess" runs each query through the three libraries in this process, warm (one
// untimed pass first). Mode "process" starts hub-search, quest and sqlite3 once per query
// and repetition, which is what a script or a CGI pays. "both" does both. Prints JSON.
#include <hubsearch/hubsearch.hpp>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <spawn.h>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

struct Query {
    std::string cls, lang, flags, hub, quest, fts_match, fts_where;
    bool facets() const { return flags.find("facets") != std::string::npos; }
    bool snippets() const { return flags.find("nosnippets") == std::string::npos; }
};

std::vector<Query> read_queries(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    std::vector<Query> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> c;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) c.push_back(col);
        if (c.size() != 7) throw std::runtime_error("bad line in " + file + ": " + line);
        out.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6] == "-" ? "" : c[6]});
    }
    return out;
}

using Samples = std::map<std::string, std::vector<double>>;  // class (and "all") -> ms

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    // Nearest rank: the smallest value with at least p of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
}

std::string summary_json(const Samples& s) {
    std::ostringstream o;
    o << "{";
    bool first = true;
    for (const auto& [cls, v] : s) {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "%s\"%s\": {\"n\": %zu, \"p50\": %.3f, \"p95\": %.3f, \"p99\": %.3f, "
                      "\"mean\": %.3f}",
                      first ? "" : ", ", cls.c_str(), v.size(), percentile(v, 0.50),
                      percentile(v, 0.95), percentile(v, 0.99), mean(v));
        o << buf;
        first = false;
    }
    o << "}";
    return o.str();
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

// Runs `run` for every query `repeat` times after one untimed pass, recording each latency
// under its class and under "all". Returns the number of results seen, so that the work
// cannot be optimised away and so that a broken anchor shows up as zero.
std::size_t measure(const std::vector<Query>& queries, int repeat,
                    const std::function<std::size_t(const Query&)>& run, Samples& samples) {
    std::size_t seen = 0;
    for (const auto& q : queries) seen += run(q);
    for (int r = 0; r < repeat; ++r) {
        for (const auto& q : queries) {
            const auto start = std::chrono::steady_clock::now();
            seen += run(q);
            const double ms = elapsed_ms(start);
            samples[q.cls].push_back(ms);
            samples["all"].push_back(ms);
        }
    }
    return seen;
}

class Fts5 {
public:
    explicit Fts5(const std::string& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + file);
        }
    }
    ~Fts5() { sqlite3_close(db_); }
    Fts5(const Fts5&) = delete;
    Fts5& operator=(const Fts5&) = delete;

    // The SQL statements one query needs: the ranked page with snippets, and with facets one
    // GROUP BY per facet, as an application on FTS5 would have to run.
    static std::vector<std::string> statements(const Query& q) {
        const std::string where =
            "fts MATCH ?1" + (q.fts_where.empty() ? "" : " AND " + q.fts_where);
        std::vector<std::string> sql;
        sql.push_back(std::string("SELECT id, title") +
                      (q.snippets() ? ", snippet(fts, 7, '<mark>', '</mark>', '…', 24)" : "") +
                      " FROM fts WHERE " + where + " ORDER BY rank LIMIT 10");
        if (q.facets()) {
            for (const char* col : {"topic", "country", "year", "type", "lang"}) {
                sql.push_back(std::string("SELECT ") + col + ", count(*) FROM fts WHERE " + where +
                              " GROUP BY 1 ORDER BY 2 DESC");
            }
        }
        return sql;
    }

    std::size_t run(const Query& q) {
        std::size_t rows = 0;
        for (const auto& sql : statements(q)) {
            sqlite3_stmt* st = nullptr;
            if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
                throw std::runtime_error(std::string("FTS5: ") + sqlite3_errmsg(db_) + ": " + sql);
            }
            sqlite3_bind_text(st, 1, q.fts_match.c_str(), -1, SQLITE_STATIC);
            while (sqlite3_step(st) == SQLITE_ROW) {
                for (int c = 0; c < sqlite3_column_count(st); ++c) sqlite3_column_text(st, c);
                ++rows;
            }
            sqlite3_finalize(st);
        }
        return rows;
    }

private:
    sqlite3* db_ = nullptr;
};

// What quest does: parse with the default flags, AND as default operator, Russian stemmer
// (the one omindex indexed with), and fetch each hit's document data.
class Omega {
public:
    explicit Omega(const std::string& dir) : db_(dir) {
        qp_.set_database(db_);
        qp_.set_stemmer(Xapian::Stem("russian"));
        qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp_.set_default_op(Xapian::Query::OP_AND);
        qp_.add_prefix("title", "S");
        qp_.add_boolean_prefix("year", "Y");
    }
    std::size_t run(const Query& q) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(qp_.parse_query(q.quest));
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        std::size_t n = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            n += it.get_document().get_data().empty() ? 0 : 1;
        return n;
    }

private:
    Xapian::Database db_;
    Xapian::QueryParser qp_;
};

double run_process(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        throw std::runtime_error("cannot start " + argv[0]);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const double ms = elapsed_ms(start);
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string cmd;
        for (const auto& a : argv) cmd += a + " ";
        throw std::runtime_error("failed: " + cmd);
    }
    return ms;
}

std::string sql_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> opt = {{"--repeat", "20"},
                                              {"--process-repeat", "5"},
                                              {"--mode", "both"},
                                              {"--hub-search", "hub-search"},
                                              {"--out", ""}};
    for (int i = 1; i + 1 < argc; i += 2) opt[argv[i]] = argv[i + 1];
    for (const char* required : {"--queries", "--hub", "--omega", "--fts"}) {
        if (opt[required].empty()) {
            std::cerr << "search_bench: " << required << " is required\n";
            return 2;
        }
    }
    try {
        const auto queries = read_queries(opt["--queries"]);
        const int repeat = std::stoi(opt["--repeat"]);
        const int process_repeat = std::stoi(opt["--process-repeat"]);
        const std::string mode = opt["--mode"];
        std::ostringstream json;
        json << "{\"queries\": " << queries.size();

        if (mode == "inprocess" || mode == "both") {
            Samples hub, omega, fts;
            hubsearch::Searcher searcher(opt["--hub"]);
            const std::size_t hub_seen = measure(
                queries, repeat,
                [&](const Query& q) {
                    hubsearch::SearchRequest request;
                    request.query = q.hub;
                    request.facets = q.facets();
                    request.snippets = q.snippets();
                    return searcher.search(request).hits.size();
                },
                hub);
            Omega om(opt["--omega"]);
            const std::size_t omega_seen = measure(
                queries, repeat, [&](const Query& q) { return om.run(q); }, omega);
            Fts5 db(opt["--fts"]);
            const std::size_t fts_seen = measure(
                queries, repeat, [&](const Query& q) { return db.run(q); }, fts);
            json << ", \"repeat\": " << repeat << ", \"inprocess\": {\"hub\": " << summary_json(hub)
                 << ", \"xapian\": " << summary_json(omega) << ", \"fts5\": " << summary_json(fts)
                 << "}, \"results_seen\": {\"hub\": " << hub_seen << ", \"xapian\": " << omega_seen
                 << ", \"fts5\": " << fts_seen << "}";
        }

        if (mode == "process" || mode == "both") {
            Samples hub, quest, sqlite;
            for (int r = 0; r < process_repeat; ++r) {
                for (const auto& q : queries) {
                    std::vector<std::string> a = {opt["--hub-search"], "--db", opt["--hub"],
                                                  "--json"};
                    if (q.facets()) a.push_back("--facets");
                    if (!q.snippets()) a.push_back("--no-snippets");
                    a.push_back(q.hub);
                    const double h = run_process(a);
                    const double qu =
                        run_process({"quest", "-d", opt["--omega"], "-o", "and", "-s", "russian",
                                     "-m", "10", "-p", "title:S", "-b", "year:Y", q.quest});
                    std::string script;
                    for (auto sql : Fts5::statements(q)) {
                        const auto at = sql.find("?1");
                        sql.replace(at, 2, sql_quote(q.fts_match));
                        script += sql + ";\n";
                    }
                    const double s = run_process({"sqlite3", "-readonly", opt["--fts"], script});
                    for (const auto& [samples, ms] :
                         {std::pair<Samples*, double>{&hub, h}, {&quest, qu}, {&sqlite, s}}) {
                        (*samples)[q.cls].push_back(ms);
                        (*samples)["all"].push_back(ms);
                    }
                }
            }
            json << ", \"process_repeat\": " << process_repeat
                 << ", \"process\": {\"hub-search\": " << summary_json(hub)
                 << ", \"quest\": " << summary_json(quest)
                 << ", \"sqlite3\": " << summary_json(sqlite) << "}";
        }
        json << "}\n";
        if (opt["--out"].empty()) {
            std::cout << json.str();
        } else {
            std::ofstream(opt["--out"]) << json.str();
        }
    } catch (const std::exception& e) {
        std::cerr << "search_bench: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "search_bench: " << e.get_description() << '\n';
        return 1;
    }
    return 0;
}
