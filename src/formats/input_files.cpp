// SPDX-License-Identifier: MIT
#include "formats/input_files.hpp"

#include <algorithm>
#include <system_error>

namespace hubsearch::detail {

std::vector<std::filesystem::path> list_inputs(const std::filesystem::path& path,
                                               const IndexOptions& options,
                                               std::vector<Diagnostic>& problems) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) return {path};
    (void)options;
    std::vector<std::filesystem::path> files;
    std::filesystem::recursive_directory_iterator it(path, ec), end;
    if (ec) {
        problems.push_back(
            {path, 0, 0, Severity::error, "cannot read the directory: " + ec.message()});
        return files;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            problems.push_back(
                {it->path(), 0, 0, Severity::error, "cannot read the directory: " + ec.message()});
            break;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".xml") {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace hubsearch::detail
