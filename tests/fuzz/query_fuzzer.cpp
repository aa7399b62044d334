// SPDX-License-Identifier: MIT
// libFuzzer target: arbitrary bytes as a query through the public Searcher::search, on an index
// of corpus/ built once at start-up. Results, or an Error with code query_syntax or
// invalid_argument, are fine; any other outcome is a bug.
#include <hubsearch/hubsearch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace {

std::filesystem::path index_dir;
std::unique_ptr<hubsearch::Searcher> searcher;

void remove_index() {
    std::error_code ec;
    std::filesystem::remove_all(index_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    index_dir = std::filesystem::temp_directory_path() /
                ("hubsearch-fuzz-query-" + std::to_string(::getpid()));
    remove_index();
    std::atexit(remove_index);
    {
        hubsearch::Index index(index_dir);
        const auto report = index.add_path(HUBSEARCH_CORPUS_DIR);
        if (report.files_indexed == 0) {
            std::fprintf(stderr, "fuzz_query: nothing indexed from %s\n", HUBSEARCH_CORPUS_DIR);
            std::abort();
        }
    }
    searcher = std::make_unique<hubsearch::Searcher>(index_dir);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    hubsearch::SearchRequest request;
    request.query.assign(reinterpret_cast<const char*>(data), size);
    request.facets = true;
    request.limit = 5;
    try {
        (void)searcher->search(request);
    } catch (const hubsearch::Error& e) {
        if (e.code() != hubsearch::Errc::query_syntax &&
            e.code() != hubsearch::Errc::invalid_argument) {
            std::fprintf(stderr, "unexpected error (%s): %s\n", hubsearch::to_string(e.code()),
                         e.what());
            std::abort();
        }
    }
    return 0;
}
