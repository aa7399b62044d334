// SPDX-License-Identifier: MIT
// hub-index: adds study and transcript files to a hubsearch index.
#include <hubsearch/hubsearch.hpp>

#include "cli/index_location.hpp"

#include <boost/program_options.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
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
    "Usage: hub-index [--db PATH] PATH...\n"
    "Adds hub-XML studies and transcripts to the index. Each PATH is a file or a directory,\n"
    "searched recursively for *.xml files. Re-indexing a file replaces its records.\n";

const char* const exit_text =
    "\nExit status:\n"
    "  0  every input was indexed\n"
    "  1  some inputs were rejected (each reported as PATH:LINE:COL: error: ...)\n"
    "  2  usage error\n"
    "  3  the index cannot be opened or written\n";

}  // namespace

int main(int argc, char** argv) {
    po::options_description visible("Options");
    visible.add_options()                                                   //
        ("db", po::value<std::string>(), cli::index_option_help().c_str())  //
        ("quiet,q", "print errors only, no warnings or summary")            //
        ("help,h", "show this help")                                        //
        ("version", "show the version");
    po::options_description hidden;
    hidden.add_options()("path", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
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
    if (!vm.count("path")) {
        std::cerr << "hub-index: no input given\nTry 'hub-index --help'.\n";
        return cli::exit_usage;
    }
    const bool quiet = vm.count("quiet") > 0;
    const std::filesystem::path db = vm.count("db")
                                         ? std::filesystem::path(vm["db"].as<std::string>())
                                         : cli::default_index_path();

    const auto started = std::chrono::steady_clock::now();
    IndexReport report;
    std::size_t total_records = 0;
    try {
        Index index(db);
        for (const auto& path : vm["path"].as<std::vector<std::string>>()) {
            IndexReport one = index.add_path(path);
            for (const auto& d : one.diagnostics) {
                if (!quiet || d.severity == Severity::error) print_diagnostic(d);
            }
            merge(report, std::move(one));
        }
        index.commit();
        total_records = index.record_count();
    } catch (const Error& e) {
        std::cerr << "hub-index: " << e.what() << '\n';
        return cli::exit_unusable;
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    if (!quiet) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f", elapsed.count());
        std::cerr << "hub-index: " << report.files_indexed << " files indexed (" << report.records
                  << " records), " << report.files_rejected << " rejected, " << report.warnings
                  << " warnings, " << report.errors << " errors in " << seconds << " s; "
                  << db.string() << " holds " << total_records << " records\n";
    }
    return report.errors > 0 ? cli::exit_rejected : cli::exit_ok;
}
