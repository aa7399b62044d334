// SPDX-License-Identifier: MIT
// The smallest useful embedding of libhubsearch: index a directory, then search it with a
// filter and facets. Built with the tests so that it keeps compiling.
#include <hubsearch/hubsearch.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: search_example INDEX-DIR CORPUS-DIR QUERY\n";
        return 2;
    }
    try {
        {
            hubsearch::Index index(argv[1]);
            const hubsearch::IndexReport report = index.add_path(argv[2]);
            for (const auto& d : report.diagnostics) {
                std::cerr << d.path.string() << ':' << d.line << ':' << d.column << ": "
                          << d.message << '\n';
            }
        }  // the index commits when it goes out of scope

        const hubsearch::Searcher searcher(argv[1]);
        hubsearch::SearchRequest request;
        request.query = argv[3];
        request.filters.years = {hubsearch::parse_year_range("2015..")};
        request.facets = true;
        const hubsearch::SearchResults results = searcher.search(request);
        for (const auto& hit : results.hits) {
            std::cout << hit.rank << ". " << hit.record.id << "  "
                      << hubsearch::pick_text(hit.record.titles, "en") << '\n';
        }
        for (const auto& facet : results.facets.at("country")) {
            std::cout << hubsearch::country_name(facet.value, "en") << ": " << facet.count << '\n';
        }
    } catch (const hubsearch::Error& e) {
        std::cerr << "error (" << hubsearch::to_string(e.code()) << "): " << e.what() << '\n';
        return 1;
    }
    return 0;
}
