// SPDX-License-Identifier: MIT
// hub-search: ranked, filtered and faceted search over a hubsearch index.
#include <hubsearch/hubsearch.hpp>

#include "cli/index_location.hpp"
#include "output.hpp"

#include <boost/program_options.hpp>

#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace po = boost::program_options;
using namespace hubsearch;

namespace {

const char* const usage_text =
    "Usage: hub-search [--db PATH] [options] QUERY...\n"
    "       hub-search [--db PATH] --show ID\n"
    "Searches studies and speeches in Russian, Kazakh and English, best matches first.\n"
    "QUERY uses Xapian's query syntax: words (all must match; if none has every word, records\n"
    "with some are shown), \"phrases\", AND OR NOT, -word, +word, wildcard*, and the fields\n"
    "title: author: speaker: session: event: keyword: publisher: affiliation:, plus the filters\n"
    "topic: country: year: type: lang: (e.g. year:2018..2021 country:Korea topic:pay).\n";

const char* const exit_text =
    "\nExit status:\n"
    "  0  the search ran (even with no matches)\n"
    "  1  --show: no record has that id\n"
    "  2  usage error, or a query or filter that cannot be understood\n"
    "  3  the index cannot be opened or read\n";

bool parse_color(const std::string& when) {
    if (when == "always") return true;
    if (when == "never") return false;
    if (when == "auto") return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    throw po::validation_error(po::validation_error::invalid_option_value, "color", when);
}

}  // namespace

int main(int argc, char** argv) {
    po::options_description visible("Options");
    using strings = std::vector<std::string>;
    visible.add_options()                                                   //
        ("db", po::value<std::string>(), cli::index_option_help().c_str())  //
        ("topic", po::value<strings>()->composing(),
         "only this topic (id or label in any language); repeatable")  //
        ("country", po::value<strings>()->composing(),
         "only this country (ISO code or name in any language); repeatable")  //
        ("year", po::value<strings>()->composing(),
         "only this year or range: 2019, 2018..2021, 2018.., ..2021; repeatable")                //
        ("type", po::value<strings>()->composing(), "only study or speech records; repeatable")  //
        ("lang", po::value<strings>()->composing(),
         "only records with text in this language (ru, kk, en); repeatable")                //
        ("limit,n", po::value<std::size_t>()->default_value(10), "results per page")        //
        ("offset", po::value<std::size_t>()->default_value(0), "results to skip")           //
        ("facets", "count topics, countries, years, types and languages over all matches")  //
        ("json", "print JSON (docs/json-schema.md)")                                        //
        ("no-snippets", "leave out the text snippets")                                      //
        ("color", po::value<std::string>()->default_value("auto"),
         "highlight matches: auto, always, never")                                           //
        ("no-expand", "do not add the query's concepts in the other languages (thesaurus)")  //
        ("query-lang", po::value<std::string>(),
         "read the query in this language only (ru, kk, en); default: every language its words may "
         "be in")  //
        ("explain",
         "show how the query was understood: languages, stems, expansions, corrections, filters")  //
        ("show", po::value<std::string>(), "print the full record with this id")  //
        ("help,h", "show this help")                                              //
        ("version", "show the version");
    po::options_description hidden;
    hidden.add_options()("query", po::value<strings>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    bool color = false;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
        color = parse_color(vm["color"].as<std::string>());
    } catch (const po::error& e) {
        std::cerr << "hub-search: " << e.what() << "\nTry 'hub-search --help'.\n";
        return cli::exit_usage;
    }
    if (vm.count("help")) {
        std::cout << usage_text << '\n' << visible << exit_text;
        return cli::exit_ok;
    }
    if (vm.count("version")) {
        std::cout << "hub-search " << hubsearch::version() << '\n';
        return cli::exit_ok;
    }
    const bool json = vm.count("json") > 0;
    const std::filesystem::path db = vm.count("db")
                                         ? std::filesystem::path(vm["db"].as<std::string>())
                                         : cli::default_index_path();

    SearchRequest request;
    std::string query;
    if (vm.count("query")) {
        for (const auto& word : vm["query"].as<strings>())
            query += (query.empty() ? "" : " ") + word;
    }
    request.query = query;
    request.limit = vm["limit"].as<std::size_t>();
    request.offset = vm["offset"].as<std::size_t>();
    request.facets = vm.count("facets") > 0;
    request.snippets = vm.count("no-snippets") == 0;
    request.expand_synonyms = vm.count("no-expand") == 0;
    request.explain = vm.count("explain") > 0;
    if (vm.count("query-lang")) request.query_language = vm["query-lang"].as<std::string>();
    if (!json)
        std::tie(request.highlight_start, request.highlight_end) = cli::highlight_markers({color});
    const auto values = [&](const char* name) {
        return vm.count(name) ? vm[name].as<strings>() : strings();
    };
    request.filters.topics = values("topic");
    request.filters.countries = values("country");
    request.filters.languages = values("lang");

    try {
        for (const auto& year : values("year"))
            request.filters.years.push_back(parse_year_range(year));
        for (const auto& type : values("type"))
            request.filters.types.push_back(parse_record_type(type));
    } catch (const Error& e) {
        std::cerr << "hub-search: " << e.what() << '\n';
        return cli::exit_usage;
    }

    try {
        Searcher searcher(db);
        if (vm.count("show")) {
            const auto record = searcher.find(vm["show"].as<std::string>());
            if (!record) {
                std::cerr << "hub-search: no record with id \"" << vm["show"].as<std::string>()
                          << "\" in " << db.string() << '\n';
                return cli::exit_rejected;
            }
            json ? cli::print_record_json(std::cout, *record)
                 : cli::print_record_human(std::cout, *record);
            return cli::exit_ok;
        }
        const SearchResults results = searcher.search(request);
        if (json) {
            cli::print_json(std::cout, query, request, results);
        } else {
            if (results.explanation) cli::print_explanation(std::cout, *results.explanation);
            cli::print_human(std::cout, query, request, results);
        }
    } catch (const Error& e) {
        std::cerr << "hub-search: " << e.what() << '\n';
        const bool bad_request =
            e.code() == Errc::query_syntax || e.code() == Errc::invalid_argument;
        return bad_request ? cli::exit_usage : cli::exit_unusable;
    }
    return cli::exit_ok;
}
