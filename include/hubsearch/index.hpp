// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/export.hpp>
#include <hubsearch/record.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hubsearch {

/// How serious a diagnostic is.
enum class Severity {
    warning,  ///< The input was indexed; something in it was ignored or kept as text.
    error,    ///< The input was rejected whole; nothing from it was indexed.
};

/// One problem found in an input, located as precisely as possible.
struct Diagnostic {
    std::filesystem::path path;  ///< The input file (or the name given to an in-memory input).
    std::size_t line = 0;        ///< From 1; 0 when unknown.
    std::size_t column = 0;      ///< In characters, from 1; 0 when unknown.
    Severity severity = Severity::warning;
    std::string message;  ///< What is wrong, in words a user understands.
};

/// What an indexing call did. Counts add up over calls on one report.
struct IndexReport {
    std::size_t files_indexed = 0;        ///< Inputs whose records were written.
    std::size_t files_rejected = 0;       ///< Inputs skipped because of an error.
    std::size_t records = 0;              ///< Records written (added or replaced).
    std::size_t warnings = 0;             ///< Diagnostics of severity warning.
    std::size_t errors = 0;               ///< Diagnostics of severity error.
    std::vector<Diagnostic> diagnostics;  ///< Every warning and error, in input order.
};

/// The input formats hub-index reads.
enum class InputFormat {
    automatic,  ///< Chosen per file by its content (root element and namespace).
    hub_xml,    ///< The native format (docs/hub-xml.md).
    tei,        ///< TEI / Parla-CLARIN transcripts.
    jats,       ///< JATS journal articles.
    oai_pmh,    ///< OAI-PMH responses with oai_dc records.
    pdf,        ///< PDF with a hub-XML sidecar or its own metadata.
};

/// Options for opening an index for writing. The limits keep hostile input from exhausting
/// memory or time; an input over a limit is rejected with an error naming the limit.
struct IndexOptions {
    /// Create the index if it does not exist.
    bool create_if_missing = true;
    /// Read every input as this format instead of recognising it by content.
    InputFormat format = InputFormat::automatic;
    /// Larger files are rejected unread.
    std::size_t max_file_bytes = std::size_t{256} << 20;
    /// Deeper element nesting (sections, divisions) rejects the file.
    std::size_t max_nesting_depth = 200;
    /// A record whose text is longer is rejected with its file.
    std::size_t max_record_bytes = std::size_t{64} << 20;
    /// Files written per commit: larger batches index faster, smaller ones bound memory and
    /// lose less work to a crash.
    std::size_t batch_size = 100;
    /// Follow symbolic links that lead out of the directories given.
    bool follow_symlinks = false;
    /// How long to wait for another writer to release the index; 0 fails at once.
    double lock_wait_seconds = 0;
};

/// A writable index: adds, replaces and removes records.
///
/// Each input lands whole or not at all: a file with an error adds nothing and replaces
/// nothing. Changes become visible to searchers on commit() and on destruction.
/// Not thread-safe: use one Index from one thread at a time. Only one Index may be open
/// on a directory at once, in any process.
class HUBSEARCH_EXPORT Index {
public:
    /// Opens (and by default creates) the index in `dir` for writing.
    /// @throws Error with code locked, not_found, corrupt, version_mismatch or io.
    explicit Index(const std::filesystem::path& dir, const IndexOptions& options = {});
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;

    /// Indexes a file, or every `*.xml` file under a directory (recursively, in name order).
    /// Re-indexing a file replaces the records it produced before. Problems in the input are
    /// reported in the result, never thrown.
    /// @throws Error with code io when the index cannot be written.
    IndexReport add_path(const std::filesystem::path& path);

    /// Indexes an in-memory hub-XML document. `name` stands for its path in diagnostics and
    /// in Record::source, and identifies it for replacement.
    /// @throws Error with code io when the index cannot be written.
    IndexReport add_buffer(std::string_view xml, const std::filesystem::path& name);

    /// Removes the record `id`, or every record of the document `id` (a study, or a
    /// transcript with all its speeches). Returns how many records were removed.
    std::size_t remove(std::string_view id);

    /// Makes every change so far durable and visible to new searchers.
    /// @throws Error with code io.
    void commit();

    /// Number of records in the index, committed or not.
    [[nodiscard]] std::size_t record_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Appends `more` to `into`, adding the counts.
HUBSEARCH_EXPORT void merge(IndexReport& into, IndexReport&& more);

}  // namespace hubsearch
