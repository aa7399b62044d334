// SPDX-License-Identifier: MIT
// hub-index: adds study and transcript files to a hubsearch index.
#include <hubsearch/hubsearch.hpp>

#include "cli/index_location.hpp"

#include <boost/program_options.hpp>

#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace po = boost::program_options;
using namespace hubsearch;

namespace {

void print_diagnostic(const Diagnostic& d) {
    std::string where = d.path.string();
    if (d.line > 0) where += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    std::cerr << "hub-index: " << where << ": "
              << (d.severity == Severity::error ? "error" : "warning") << ": " << d.message << '\n';
}

const char* const usage_text =
    "Usage: hub-index [--db PATH] [--format FORMAT] PATH...\n"
    "Adds studies and transcripts to the index: hub-XML, TEI/Parla-CLARIN, JATS, OAI-PMH\n"
    "(oai_dc) and PDF, each file recognised by its content. Each PATH is a file or a\n"
    "directory, searched recursively for *.xml and *.pdf files. Running it again indexes\n"
    "only new and changed files; a changed file replaces its records.\n"
    "   or: hub-index [--db PATH] --remove ID...\n"
    "Nightly jobs, limits, messages, backup: docs/operations.md.\n";

// The signal that asked us to stop, or 0. The library never installs handlers: it asks
// IndexOptions::should_stop between files, and we answer from this flag.
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void on_stop_signal(int signal) {
    if (stop_signal != 0) {
        // A second signal means "now": the index survives being killed, so just die.
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    stop_signal = signal;
}

// Parses a size in bytes with an optional K, M or G suffix (powers of 1024), e.g. "64M".
std::optional<std::size_t> parse_size(const std::string& text) {
    std::size_t value = 0;
    std::size_t i = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
        const auto digit = static_cast<std::size_t>(text[i] - '0');
        if (value > (std::numeric_limits<std::size_t>::max() - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    if (i == 0) return std::nullopt;
    std::string suffix = text.substr(i);
    for (auto& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    unsigned shift = 0;
    if (suffix == "K" || suffix == "KB" || suffix == "KIB")
        shift = 10;
    else if (suffix == "M" || suffix == "MB" || suffix == "MIB")
        shift = 20;
    else if (suffix == "G" || suffix == "GB" || suffix == "GIB")
        shift = 30;
    else if (!suffix.empty() && suffix != "B")
        return std::nullopt;
    if (value > (std::numeric_limits<std::size_t>::max() >> shift)) return std::nullopt;
    return value << shift;
}

const char* to_string(FileStatus status) {
    switch (status) {
        case FileStatus::added:
            return "added";
        case FileStatus::updated:
            return "updated";
        case FileStatus::unchanged:
            return "unchanged";
        case FileStatus::rejected:
            return "rejected";
        case FileStatus::removed:
            return "removed (the file is gone)";
    }
    return "";
}

const char* const exit_text =
    "\nExit status:\n"
    "  0  every input was indexed\n"
    "  1  some inputs were rejected (each reported as PATH:LINE:COL: error: ...)\n"
    "  2  usage error\n"
    "  3  the index cannot be opened or written (or another hub-index holds it)\n"
    "  130, 143  stopped by SIGINT or SIGTERM after committing the files done so far\n";

}  // namespace

int main(int argc, char** argv) {
    po::options_description visible("Options");
    visible.add_options()                                                   //
        ("db", po::value<std::string>(), cli::index_option_help().c_str())  //
        ("format", po::value<std::string>()->default_value("auto"),
         "read every input as: auto (chosen per file by its content), hub, tei, jats, oai or "
         "pdf")  //
        ("prune",
         "before indexing each PATH, remove the records of files under it that are "
         "gone (a PATH that does not exist or cannot be read is left alone)")  //
        ("remove", po::value<std::vector<std::string>>()->multitoken()->value_name("ID..."),
         "remove these records: a study id, a transcript id (with all its speeches) or a "
         "speech id")  //
        ("wait",
         po::value<double>()
             ->implicit_value(std::numeric_limits<double>::infinity(), "for ever")
             ->value_name("SECONDS"),
         "when another hub-index is writing the index, wait for it (--wait=SECONDS: at most "
         "that long) instead of failing at once")  //
        ("batch-size", po::value<std::string>()->value_name("N"),
         "files per commit (default: 100, more for large indexes, at most 1000): smaller holds "
         "less in memory and loses less to a crash")  //
        ("threads", po::value<std::string>()->value_name("N"),
         "threads to use (default: one per processor): a new index is built in one shard per "
         "thread, merged at the end; into an existing one, one thread writes while the others "
         "read and analyse the next files; 1 does everything on one thread")  //
        ("batch-bytes", po::value<std::string>()->value_name("SIZE"),
         "also commit once the files since the last commit hold SIZE bytes (default 64M)")  //
        ("max-file-size", po::value<std::string>()->value_name("SIZE"),
         "reject larger files unread (default 256M; SIZE in bytes, or with K, M or G)")  //
        ("max-depth", po::value<std::string>()->value_name("N"),
         "reject files with sections nested deeper than N (default 200)")  //
        ("max-record-size", po::value<std::string>()->value_name("SIZE"),
         "reject a file with a study or speech holding more text than SIZE (default 16M)")  //
        ("compact",
         "rewrite the index compactly after indexing: smaller and quicker to search (done "
         "anyway when this run creates the index)")  //
        ("no-compact",
         "do not compact the index this run creates (one built on several threads is "
         "compacted anyway: its shards are merged by a compaction)")  //
        ("follow-symlinks",
         "follow symbolic links to directories, and links leading out of the given PATHs")      //
        ("verbose,v", "print one line per file: added, updated, unchanged, rejected, removed")  //
        ("quiet,q", "print errors only, no warnings or summary")                                //
        ("help,h", "show this help")                                                            //
        ("version", "show the version");
    po::options_description hidden;
    hidden.add_options()("path", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    try {
        // A bare --wait takes no value: Boost would otherwise take the next PATH as its value.
        std::vector<std::string> args(argv + 1, argv + argc);
        for (auto& arg : args) {
            if (arg == "--wait") arg = "--wait=inf";
        }
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "hub-index: " << e.what() << "\nTry 'hub-index --help'.\n";
        return cli::exit_usage;
    }
    if (vm.count("help")) {
        std::cout << usage_text << '\n' << visible << exit_text;
        return cli::exit_ok;
    }
    if (vm.count("version")) {
        std::cout << "hub-index " << hubsearch::version() << '\n';
        return cli::exit_ok;
    }
    if (!vm.count("path") && !vm.count("remove")) {
        std::cerr << "hub-index: no input given\nTry 'hub-index --help'.\n";
        return cli::exit_usage;
    }
    const bool quiet = vm.count("quiet") > 0;
    const bool verbose = vm.count("verbose") > 0 && !quiet;
    IndexOptions options;
    {
        const auto usage_error = [](const std::string& message) {
            std::cerr << "hub-index: " << message << "\nTry 'hub-index --help'.\n";
            return cli::exit_usage;
        };
        const auto size_option = [&](const char* name, std::size_t& into, bool is_count) {
            if (!vm.count(name)) return true;
            const std::string text = vm[name].as<std::string>();
            const auto value = parse_size(text);
            if (!value || *value == 0 ||
                (is_count && text.find_first_not_of("0123456789") != std::string::npos)) {
                return false;
            }
            into = *value;
            return true;
        };
        if (!size_option("batch-size", options.batch_size, true)) {
            return usage_error("--batch-size needs a whole number of files, at least 1");
        }
        {
            std::size_t threads = 0;
            if (!size_option("threads", threads, true) || threads > 1024) {
                return usage_error("--threads needs a whole number from 1 to 1024");
            }
            options.threads = static_cast<unsigned>(threads);
        }
        if (!size_option("batch-bytes", options.batch_bytes, false)) {
            return usage_error("--batch-bytes needs a size such as 1048576, 512K, 64M or 1G");
        }
        if (!size_option("max-depth", options.max_nesting_depth, true)) {
            return usage_error("--max-depth needs a whole number, at least 1");
        }
        if (!size_option("max-file-size", options.max_file_bytes, false)) {
            return usage_error("--max-file-size needs a size such as 1048576, 512K, 64M or 1G");
        }
        if (!size_option("max-record-size", options.max_record_bytes, false)) {
            return usage_error("--max-record-size needs a size such as 1048576, 512K, 16M or 1G");
        }
        if (vm.count("wait")) {
            const double wait = vm["wait"].as<double>();
            if (!(wait >= 0)) return usage_error("--wait needs a number of seconds, 0 or more");
            options.lock_wait_seconds = wait;
        }
        options.follow_symlinks = vm.count("follow-symlinks") > 0;
    }
    {
        const std::string format = vm["format"].as<std::string>();
        if (format == "auto") {
            options.format = InputFormat::automatic;
        } else if (format == "hub") {
            options.format = InputFormat::hub_xml;
        } else if (format == "tei") {
            options.format = InputFormat::tei;
        } else if (format == "jats") {
            options.format = InputFormat::jats;
        } else if (format == "oai") {
            options.format = InputFormat::oai_pmh;
        } else if (format == "pdf") {
            options.format = InputFormat::pdf;
        } else {
            std::cerr << "hub-index: unknown --format \"" << format
                      << "\" (auto, hub, tei, jats, oai or pdf)\nTry 'hub-index --help'.\n";
            return cli::exit_usage;
        }
    }
    const std::filesystem::path db = vm.count("db")
                                         ? std::filesystem::path(vm["db"].as<std::string>())
                                         : cli::default_index_path();

    const auto started = std::chrono::steady_clock::now();
    IndexReport report;
    std::size_t total_records = 0;
    std::size_t unknown_ids = 0;
    options.should_stop = [] { return stop_signal != 0; };
    if (verbose) {
        options.on_file = [](const std::filesystem::path& file, FileStatus status) {
            std::cerr << "hub-index: " << file.string() << ": " << to_string(status) << '\n';
        };
    }
    // Handled from here on: the library asks between files and we commit what is done.
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    try {
        // A new index is built in one go: compacting it at the end makes it much smaller.
        const bool created = !std::filesystem::exists(db / "iamglass");
        std::optional<Index> index;
        if (options.lock_wait_seconds > 0) {
            // Try once without waiting, so that a user watching knows why nothing happens.
            IndexOptions at_once = options;
            at_once.lock_wait_seconds = 0;
            try {
                index.emplace(db, at_once);
            } catch (const Error& e) {
                if (e.code() != Errc::locked) throw;
                if (!quiet) {
                    std::cerr << "hub-index: " << e.what() << "; waiting for it";
                    if (!std::isinf(options.lock_wait_seconds)) {
                        std::cerr << " (at most " << options.lock_wait_seconds << " s)";
                    }
                    std::cerr << std::endl;
                }
            }
        }
        if (!index) index.emplace(db, options);
        if (vm.count("remove")) {
            for (const auto& id : vm["remove"].as<std::vector<std::string>>()) {
                const std::size_t removed = index->remove(id);
                if (removed == 0) {
                    std::cerr << "hub-index: " << id << ": error: no record has this id\n";
                    ++unknown_ids;
                } else if (verbose) {
                    std::cerr << "hub-index: " << id << ": removed " << removed << " records\n";
                }
                report.records_removed += removed;
            }
            index->commit();
        }
        const bool prune = vm.count("prune") > 0;
        const auto paths = vm.count("path") ? vm["path"].as<std::vector<std::string>>()
                                            : std::vector<std::string>{};
        for (const auto& path : paths) {
            if (stop_signal != 0) break;
            IndexReport one;
            // Prune first: a file renamed in the tree then moves its ids without a conflict.
            if (prune) one = index->prune(path);
            merge(one, index->add_path(path));
            for (const auto& d : one.diagnostics) {
                if (!quiet || d.severity == Severity::error) print_diagnostic(d);
            }
            merge(report, std::move(one));
        }
        index->commit();
        // Not when stopped: the user wants out, and the next run finishes the job.
        const bool compact = stop_signal == 0 &&
                             (vm.count("compact") > 0 || (created && vm.count("no-compact") == 0));
        if (compact && !index->compact() && !quiet) {
            std::cerr << "hub-index: " << db.string()
                      << ": warning: not compacted (the file system cannot exchange directories "
                         "atomically)\n";
        }
        total_records = index->record_count();
    } catch (const Error& e) {
        std::cerr << "hub-index: " << e.what() << '\n';
        return cli::exit_unusable;
    }
    if (stop_signal != 0) {
        std::cerr << "hub-index: stopped by " << (stop_signal == SIGINT ? "SIGINT" : "SIGTERM")
                  << "; " << report.files_indexed
                  << " files indexed before it are committed, run again to finish; " << db.string()
                  << " holds " << total_records << " records\n";
        return 128 + stop_signal;
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    if (!quiet) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f", elapsed.count());
        std::cerr << "hub-index: " << report.files_indexed << " files indexed (" << report.records
                  << " records), " << report.files_rejected << " rejected, " << report.warnings
                  << " warnings, " << report.errors << " errors in " << seconds << " s; "
                  << report.files_added << " added, " << report.files_updated << " updated, "
                  << report.files_unchanged << " unchanged, " << report.files_removed
                  << " removed (" << report.records_removed << " records removed); " << db.string()
                  << " holds " << total_records << " records\n";
    }
    return report.errors > 0 || unknown_ids > 0 ? cli::exit_rejected : cli::exit_ok;
}
