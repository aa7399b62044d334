// SPDX-License-Identifier: MIT
#include "index/schema.hpp"

#include <hubsearch/error.hpp>

#include "vocab/thesaurus.hpp"

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

void record_thesaurus(Xapian::WritableDatabase& db, bool created) {
    const std::string ours(Thesaurus::instance().fingerprint());
    if (created) {
        db.set_metadata(thesaurus_key, ours);
    } else if (db.get_metadata(thesaurus_key) != ours) {
        // Records tagged by two thesauri: searches must not trust the concept terms.
        db.set_metadata(thesaurus_key, "");
    }
}

bool has_concept_terms(const Xapian::Database& db) {
    const std::string recorded = db.get_metadata(thesaurus_key);
    return !recorded.empty() && recorded == Thesaurus::instance().fingerprint();
}

}  // namespace hubsearch::detail::schema
