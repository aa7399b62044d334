// SPDX-License-Identifier: MIT
// Shared helpers for the tests: temporary index directories and small searches.
#pragma once

#include <hubsearch/hubsearch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace test {

/// A fresh directory under the system temp dir, removed with everything in it at scope end.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("hubsearch-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return path_ / name;
    }

    /// Writes `content` to `name` inside the directory and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }

private:
    std::filesystem::path path_;
};

inline const std::filesystem::path corpus_dir = HUBSEARCH_CORPUS_DIR;
inline const std::filesystem::path data_dir = HUBSEARCH_TEST_DATA_DIR;

/// The ids of a search's hits, best first.
inline std::vector<std::string> ids(const hubsearch::SearchResults& results) {
    std::vector<std::string> out;
    for (const auto& hit : results.hits) out.push_back(hit.record.id);
    return out;
}

/// Runs a plain query and returns the ids of up to `limit` hits.
inline std::vector<std::string> search_ids(const hubsearch::Searcher& searcher,
                                           const std::string& query, std::size_t limit = 10) {
    hubsearch::SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.snippets = false;
    return ids(searcher.search(request));
}

/// The count of `value` in facet `name`, 0 when absent.
inline std::size_t facet_count(const hubsearch::SearchResults& results, const std::string& name,
                               const std::string& value) {
    const auto found = results.facets.find(name);
    if (found == results.facets.end()) return 0;
    for (const auto& facet : found->second) {
        if (facet.value == value) return facet.count;
    }
    return 0;
}

}  // namespace test
