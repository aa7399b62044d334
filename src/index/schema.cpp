// SPDX-License-Identifier: MIT
#include "index/schema.hpp"

#include <hubsearch/error.hpp>

#include <string>

namespace hubsearch::detail::schema {

void check_version(const Xapian::Database& db, const std::filesystem::path& dir) {
    const std::string stored = db.get_metadata(version_key);
    if (stored == version) return;
    throw Error(Errc::version_mismatch,
                dir.string() + ": the index was written by schema version " +
                    (stored.empty() ? std::string("unknown") : stored) + " and this is version " +
                    version + "; delete the directory and index again",
                dir);
}

}  // namespace hubsearch::detail::schema
