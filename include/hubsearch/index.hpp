// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/export.hpp>
#include <hubsearch/record.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
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
    std::size_t files_indexed = 0;    ///< Inputs whose records were written: added + updated.
    std::size_t files_added = 0;      ///< Inputs indexed for the first time.
    std::size_t files_updated = 0;    ///< Inputs indexed before whose content has changed.
    std::size_t files_unchanged = 0;  ///< Inputs skipped because their content is as indexed.
    std::size_t files_rejected = 0;   ///< Inputs skipped because of an error.
    std::size_t files_removed = 0;    ///< Sources forgotten by Index::prune().
    std::size_t records = 0;          ///< Records written (added or replaced).
    std::size_t records_removed = 0;  ///< Records deleted by Index::prune().
    std::size_t warnings = 0;         ///< Diagnostics of severity warning.
    std::size_t errors = 0;           ///< Diagnostics of severity error.
    /// True when IndexOptions::should_stop ended the call early: the inputs before that point
    /// are committed, the ones after it are not indexed.
    bool stopped = false;
    std::vector<Diagnostic> diagnostics;  ///< Every warning and error, in input order.
};

/// What happened to one input, as told to IndexOptions::on_file.
enum class FileStatus {
    added,      ///< Indexed for the first time.
    updated,    ///< Indexed again because its content changed.
    unchanged,  ///< Skipped: its content is what the index already holds.
    rejected,   ///< Not indexed because of an error (see the report's diagnostics).
    removed,    ///< Its records were removed by Index::prune(): the file is gone.
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
/// The defaults and their trade-offs are in docs/operations.md.
struct IndexOptions {
    /// Create the index if it does not exist.
    bool create_if_missing = true;
    /// Read every input as this format instead of recognising it by content.
    InputFormat format = InputFormat::automatic;
    /// Larger files are rejected unread.
    std::size_t max_file_bytes = std::size_t{256} << 20;
    /// Deeper element nesting (sections, divisions) rejects the file.
    std::size_t max_nesting_depth = 200;
    /// A record (one study or speech) with more text than this is rejected with its file.
    /// Indexing holds a record's terms in memory, so this bounds memory per record.
    std::size_t max_record_bytes = std::size_t{16} << 20;
    /// Files written per commit: smaller batches hold less in memory and lose less work to a
    /// crash; commits cost more as the index grows. 0 (the default) chooses by the size of the
    /// index: 100 files up to 10,000 records, growing as the square root of the record count
    /// (about 320 at 100,000 records), at most 1000.
    std::size_t batch_size = 0;
    /// A batch also ends once the files written since the last commit hold this many bytes,
    /// so that a batch of large files does not hold too much in memory. 0: no such limit.
    std::size_t batch_bytes = std::size_t{64} << 20;
    /// Threads add_path() uses: 0 means one per processor; 1 does everything on the calling
    /// thread. Into a new, empty index, each thread reads, analyses and writes a run of the
    /// files (in order, of about equal bytes) into a shard of its own, and the shards are
    /// merged by one compaction at the end (Xapian has one writer per database). Into an index
    /// with records, the calling thread writes the files in input order while the others read
    /// and analyse the next ones. Either way the index holds the same records under the same
    /// document numbers whatever the number.
    unsigned threads = 0;
    /// Follow symbolic links inside the directories given: links to directories, and links
    /// leading out of the directory. Without it links are skipped, with a warning for those
    /// leading out; a path given to add_path() is read even when it is a link.
    bool follow_symlinks = false;
    /// How long to wait for another writer to release the index; 0 fails at once, infinity
    /// waits for ever.
    double lock_wait_seconds = 0;
    /// Asked before each input file is written; returning true stops add_path(), which then
    /// commits what it has done and returns with IndexReport::stopped set. Called on the
    /// thread that called add_path(); while a new index is built in shards, before each file
    /// of that thread's run and then every 50 ms until the other shards are done. A stop
    /// drops the other shards: the index holds the files before the stop, in input order. A CLI
    /// sets a flag in its signal handler and returns it here: the library never installs signal
    /// handlers itself.
    std::function<bool()> should_stop;
    /// Told about each input once it has been handled, before the next one is read; for
    /// progress output, and with FileStatus::removed by prune(). Called on the calling thread,
    /// in input order; while a new index is built in shards, the other shards' inputs are told
    /// once they are merged into the index.
    std::function<void(const std::filesystem::path& file, FileStatus status)> on_file;
};

/// A writable index: adds, replaces and removes records.
///
/// Each input lands whole or not at all: a file with an error adds nothing and replaces
/// nothing. Indexing is incremental: the index keeps a hash of each source file's content,
/// and an input whose content is as indexed is skipped unread (see docs/operations.md).
/// Changes become visible to searchers on commit(), every IndexOptions::batch_size files, and
/// on destruction; a crash loses at most the files since the last commit, never the index.
/// Not thread-safe: use one Index from one thread at a time. Only one Index may be open
/// on a directory at once, in any process.
class HUBSEARCH_EXPORT Index {
public:
    /// Opens (and by default creates) the index in `dir` for writing. When another writer
    /// holds it, waits up to IndexOptions::lock_wait_seconds for it.
    /// @throws Error with code locked (naming `dir`), not_found, corrupt, version_mismatch
    /// or io.
    explicit Index(const std::filesystem::path& dir, const IndexOptions& options = {});
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;

    /// Indexes a file, or every input file under a directory (recursively, in name order).
    /// A file whose content is as indexed is skipped (files_unchanged); a changed one replaces
    /// the records it produced before (files_updated). A study or transcript id already
    /// indexed from another file that still exists rejects the input, naming both files: the
    /// first one indexed keeps the id. Problems in the input are reported in the result,
    /// never thrown. Commits before returning.
    /// @throws Error with code io when the index cannot be written.
    IndexReport add_path(const std::filesystem::path& path);

    /// Indexes an in-memory hub-XML document. `name` stands for its path in diagnostics and
    /// in Record::source, and identifies it for replacement (and as unchanged).
    /// @throws Error with code io when the index cannot be written.
    IndexReport add_buffer(std::string_view xml, const std::filesystem::path& name);

    /// Removes the records of source files under `tree` (a directory or a file) that
    /// add_path(tree) would no longer read: deleted, renamed, or no longer an input (a
    /// symbolic link not followed). Sources indexed from outside `tree`, and in-memory
    /// inputs, are never touched. When `tree` does not exist or a directory in it cannot be
    /// read, nothing is removed and the report holds an error: an unmounted disk must not
    /// empty the index. Reports files_removed and records_removed; commits before returning.
    /// @throws Error with code io when the index cannot be written.
    IndexReport prune(const std::filesystem::path& tree);

    /// Removes the record `id`, or every record of the document `id` (a study, or a
    /// transcript with all its speeches). Returns how many records were removed. The source
    /// files of removed records count as changed, so that indexing them again restores them.
    /// @throws Error with code io when the index cannot be written.
    std::size_t remove(std::string_view id);

    /// Makes every change so far durable and visible to new searchers.
    /// @throws Error with code io.
    void commit();

    /// Commits, then rewrites the index compactly: smaller on disk and quicker to search,
    /// worth it after a large build. The copy is written next to the index (`dir` +
    /// ".compacting") and exchanged with it in one atomic rename, holding the write lock
    /// throughout: a crash leaves either index whole. Returns false, changing nothing, when
    /// the file system cannot exchange directories atomically.
    /// @throws Error with code io when the copy cannot be written, or locked when another
    /// writer took the index in the instant it was exchanged (it is then compacted already).
    /// An index add_path() built in shards is compacted already: this only commits until
    /// something is written.
    bool compact();

    /// Number of records in the index, committed or not.
    [[nodiscard]] std::size_t record_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Appends `more` to `into`, adding the counts.
HUBSEARCH_EXPORT void merge(IndexReport& into, IndexReport&& more);

}  // namespace hubsearch
