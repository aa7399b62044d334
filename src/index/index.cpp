// SPDX-License-Identifier: MIT
#include <hubsearch/error.hpp>
#include <hubsearch/index.hpp>
#include <hubsearch/version.hpp>

#include "analysis/analyzer.hpp"
#include "fnv1a.hpp"
#include "formats/input_files.hpp"
#include "formats/read_input.hpp"
#include "index/document_builder.hpp"
#include "index/ordered_pool.hpp"
#include "index/record_codec.hpp"
#include "index/schema.hpp"
#include "xml/xml_input.hpp"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <utility>

namespace hubsearch {
namespace {

Error translate(const Xapian::Error& e, const std::filesystem::path& dir) {
    const std::string message = dir.string() + ": " + e.get_msg();
    if (std::string_view(e.get_type()) == "DatabaseLockError") {
        return Error(Errc::locked, dir.string() + ": the index is being written by another process",
                     dir);
    }
    if (std::string_view(e.get_type()) == "DatabaseCorruptError") {
        return Error(Errc::corrupt, message, dir);
    }
    if (std::string_view(e.get_type()) == "DatabaseVersionError") {
        return Error(Errc::version_mismatch, message, dir);
    }
    if (std::string_view(e.get_type()) == "DatabaseOpeningError") {
        return Error(Errc::not_found, message, dir);
    }
    return Error(Errc::io, message, dir);
}

std::string hex64(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (std::size_t i = 16; i-- > 0; value >>= 4) out[i] = digits[value & 0xF];
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// True when `path` is `tree` or lies under it, comparing whole components (lexically).
bool is_within(const std::filesystem::path& path, const std::filesystem::path& tree) {
    std::string t = tree.lexically_normal().string();
    while (t.size() > 1 && t.back() == '/') t.pop_back();
    const std::string p = path.string();
    if (p == t) return true;
    return p.size() > t.size() && p.compare(0, t.size(), t) == 0 &&
           (t == "/" || p[t.size()] == '/');
}

constexpr std::string_view buffer_prefix = "buffer:";

// What the index remembers about one source file (schema::source_key_prefix).
struct SourceEntry {
    std::string stamp;   // content hash and size, and what read it (see Index::Impl::stamp())
    std::string key;     // the source key: canonical path, or "buffer:" + name
    std::string listed;  // the absolute path as listed, without resolving links; "" for buffers
    // Files read on the input's behalf and the stamps of their content (ParsedInput::files_read).
    std::vector<std::pair<std::string, std::string>> also_read;

    [[nodiscard]] std::string encode() const {
        std::string value = stamp + '\0' + key + '\0' + listed;
        for (const auto& [path, file_stamp] : also_read) value += '\0' + path + '\0' + file_stamp;
        return value;
    }
    static std::optional<SourceEntry> decode(const std::string& value) {
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (;;) {
            const auto end = value.find('\0', from);
            fields.push_back(value.substr(from, end - from));
            if (end == std::string::npos) break;
            from = end + 1;
        }
        if (fields.size() < 3 || fields.size() % 2 == 0) return std::nullopt;
        SourceEntry entry{fields[0], fields[1], fields[2], {}};
        for (std::size_t i = 3; i + 1 < fields.size(); i += 2) {
            entry.also_read.emplace_back(fields[i], fields[i + 1]);
        }
        return entry;
    }
};

// The stamp of a file read on an input's behalf: its content hash, or "missing". FNV-1a is
// enough to tell a changed file from an unchanged one (odds of 2^-64 per change).
std::string file_stamp(const std::filesystem::path& path, std::size_t max_bytes) {
    try {
        const std::string bytes = detail::read_file(path, max_bytes);
        return hex64(detail::fnv1a(bytes)) + " " + std::to_string(bytes.size());
    } catch (const detail::InputError&) {
        return "missing";
    }
}

// The metadata key of the source whose records carry `source_term`. Derived from the term, so
// that a record leads to its source's entry; hashed, so that long paths fit Xapian's key limit.
std::string source_meta_key(std::string_view source_term) {
    return detail::schema::source_key_prefix + hex64(detail::fnv1a(source_term));
}

// The bytes of text a record holds, checked against IndexOptions::max_record_bytes.
std::size_t text_bytes(const Record& record) {
    std::size_t bytes = 0;
    for (const auto& t : record.titles) bytes += t.text.size();
    for (const auto& t : record.abstracts) bytes += t.text.size();
    for (const auto& p : record.body) bytes += p.text.size();
    for (const auto& k : record.keywords) bytes += k.size();
    return bytes;
}

// The XSRC term of a stored document, or "".
std::string source_term_of(const Xapian::Document& doc) {
    auto it = doc.termlist_begin();
    it.skip_to(detail::schema::source);
    if (it == doc.termlist_end() || !starts_with(*it, detail::schema::source)) return {};
    return *it;
}

// An input as read ahead of the writer: on a worker thread with IndexOptions::threads > 1,
// else on the calling thread. The writer decides, in input order, what becomes of it.
struct Prepared {
    std::filesystem::path path;  // names it in diagnostics and in Record::source
    std::string key;             // the source key
    std::string term;            // its XSRC term
    SourceEntry entry;           // its stamp, key and listed path; also_read once analysed
    // The file could not be read at all: rejected with this message.
    std::optional<std::string> unreadable;
    // The bytes, kept only while the input is not analysed (it looked unchanged).
    std::string bytes;
    std::size_t size = 0;  // of the input, in bytes
    bool analysed = false;
    // Once analysed: the records and their documents, or the error that rejects the input.
    detail::ParsedInput input;
    std::vector<Xapian::Document> documents;  // one per record, in the order of `input`
    std::optional<detail::InputError> error;
    std::vector<Diagnostic> diagnostics;  // warnings of the readers, without path
};

// What one worker thread needs for itself: Xapian::Stem and TermGenerator are not thread-safe.
struct Worker {
    detail::Analyzer analyzer;
    detail::DocumentBuilder builder{analyzer};
    // The index as last committed, read to skip analysing inputs that look unchanged; the
    // writer checks again against its own view before skipping one.
    std::optional<Xapian::Database> committed;
};

// The threads add_path() uses: IndexOptions::threads, 0 meaning one per processor.
unsigned index_threads(unsigned requested) {
    if (requested > 0) return requested;
    const unsigned processors = std::thread::hardware_concurrency();
    return processors > 0 ? processors : 1;
}

// poppler keeps global state: PDFs are read one at a time whatever the threads.
std::mutex pdf_mutex;

bool looks_like_pdf(std::string_view bytes, InputFormat format) {
    return format == InputFormat::pdf ||
           bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

// The index directory with `suffix` added to its name: a sibling on the same file system.
std::filesystem::path sibling(const std::filesystem::path& index_dir, const std::string& suffix) {
    std::filesystem::path dir = index_dir.lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    return dir.string() + suffix;
}

}  // namespace

struct Index::Impl {
    std::filesystem::path dir;
    IndexOptions options;
    Xapian::WritableDatabase db;
    detail::Analyzer analyzer;
    detail::DocumentBuilder builder{analyzer};
    std::size_t uncommitted_files = 0;
    std::size_t uncommitted_bytes = 0;
    mutable std::size_t auto_batch_files = 0;  // 0: to be chosen (see batch_files())
    // False once the index is as a compaction wrote it, until it is written to again.
    bool changed_since_compaction = true;
    // A shard of add_sharded() keeps the document ids its inputs asked to delete, which must
    // reach the shards before it.
    bool is_shard = false;
    std::vector<std::string> deleted_ids;

    // The content part of a file's stamp, plus what decides how it is read: a new library
    // version (with fixed readers or vocabularies) or another forced format re-reads every
    // file once.
    [[nodiscard]] std::string stamp(std::string_view bytes) const {
        return hex64(detail::fnv1a(bytes)) + " " + std::to_string(bytes.size()) + " hubsearch " +
               version() + " schema " + detail::schema::version + " format " +
               std::to_string(static_cast<int>(options.format));
    }

    [[nodiscard]] std::optional<SourceEntry> entry_for_term(const std::string& term) const {
        return SourceEntry::decode(db.get_metadata(source_meta_key(term)));
    }

    // Throws InputError when a document of `input` is already indexed from another source
    // file that still exists: the first file indexed keeps its ids. A document whose other
    // source is gone has moved: its old source's entry is added to `moved_from` so that it is
    // forgotten with the records.
    void check_duplicates(const detail::ParsedInput& input, const std::string& term,
                          std::vector<std::string>& moved_from) const {
        for (const auto& document : input.documents) {
            const std::string doc_term = detail::document_term(document.document_id);
            const auto posting = db.postlist_begin(doc_term);
            if (posting == db.postlist_end(doc_term)) continue;
            const Xapian::Document other = db.get_document(*posting);
            const std::string other_term = source_term_of(other);
            if (other_term.empty() || other_term == term) continue;
            std::string other_name;
            bool other_exists = true;
            if (const auto entry = entry_for_term(other_term)) {
                other_name = entry->listed.empty() ? entry->key : entry->listed;
                if (!starts_with(entry->key, buffer_prefix)) {
                    std::error_code ec;
                    other_exists = std::filesystem::exists(entry->key, ec);
                }
            } else {
                // Indexed before sources had entries: the record names its file.
                other_name = detail::decode_record(other.get_data()).source;
                std::error_code ec;
                other_exists = std::filesystem::exists(other_name, ec);
            }
            if (other_exists) {
                throw detail::InputError("the id \"" + document.document_id +
                                             "\" is already indexed from " + other_name +
                                             "; this file is not indexed (the first file "
                                             "indexed keeps an id)",
                                         0, 0);
            }
            moved_from.push_back(source_meta_key(other_term));
        }
    }

    void check_record_sizes(const detail::ParsedInput& input) const {
        for (const auto& document : input.documents) {
            for (const auto& record : document.records) {
                const std::size_t bytes = text_bytes(record);
                if (bytes > options.max_record_bytes) {
                    throw detail::InputError(
                        "the record \"" + record.id + "\" holds " + std::to_string(bytes) +
                            " bytes of text, over the limit of " +
                            std::to_string(options.max_record_bytes) + " bytes per record",
                        0, 0);
                }
            }
        }
    }

    // A file or buffer as read, before any analysis. `listed` is the absolute path as listed
    // (empty for buffers); it lets prune() tell which tree a source came from.
    [[nodiscard]] Prepared prepare(std::string bytes, const std::filesystem::path& path,
                                   std::string source_key,
                                   const std::filesystem::path& listed) const {
        Prepared p;
        p.path = path;
        p.term = detail::source_term(source_key);
        p.entry = SourceEntry{stamp(bytes), source_key, listed.string(), {}};
        p.key = std::move(source_key);
        p.size = bytes.size();
        p.bytes = std::move(bytes);
        return p;
    }

    // Reads a listed file (on a worker thread when there are several).
    [[nodiscard]] Prepared prepare_file(const std::filesystem::path& file) const {
        std::string bytes;
        std::error_code ec;
        try {
            if (!std::filesystem::exists(file, ec)) {
                throw detail::InputError("no such file or directory", 0, 0);
            }
            bytes = detail::read_file(file, options.max_file_bytes);
        } catch (const detail::InputError& e) {
            Prepared p;
            p.path = file;
            p.unreadable = e.what();
            return p;
        }
        const auto canonical = std::filesystem::weakly_canonical(file, ec);
        std::string key = ec ? file.string() : canonical.string();
        const auto listed = std::filesystem::absolute(file, ec).lexically_normal();
        return prepare(std::move(bytes), file, std::move(key), listed);
    }

    // True when the input's content is as indexed in `in`, by the rules of add_input().
    // `known` tells whether the source was indexed before.
    bool unchanged_in(const Xapian::Database& in, const Prepared& p, bool& known) const {
        const auto old = SourceEntry::decode(in.get_metadata(source_meta_key(p.term)));
        const bool has_records = in.get_termfreq(p.term) > 0;
        known = old.has_value() || has_records;
        return old && old->stamp == p.entry.stamp && has_records &&
               std::all_of(old->also_read.begin(), old->also_read.end(), [&](const auto& file) {
                   return file_stamp(file.first, options.max_file_bytes) == file.second;
               });
    }

    // Reads the records of the input and builds their documents. Thread-safe with one
    // `builder` per thread.
    void analyse(Prepared& p, detail::DocumentBuilder& with) const {
        p.analysed = true;
        const std::string bytes = std::move(p.bytes);
        p.bytes.clear();
        try {
            const detail::ReaderLimits limits{options.max_nesting_depth, options.max_record_bytes,
                                              options.max_file_bytes};
            std::unique_lock<std::mutex> pdf_lock(pdf_mutex, std::defer_lock);
            if (looks_like_pdf(bytes, options.format)) pdf_lock.lock();
            p.input = detail::read_input(bytes, p.path, p.diagnostics, limits, options.format);
            if (pdf_lock.owns_lock()) pdf_lock.unlock();
            for (const auto& file : p.input.files_read) {
                p.entry.also_read.emplace_back(file.string(),
                                               file_stamp(file, options.max_file_bytes));
            }
            check_record_sizes(p.input);
            for (const auto& document : p.input.documents) {
                for (const auto& record : document.records) {
                    p.documents.push_back(with.build(record, p.key));
                }
            }
        } catch (const detail::InputError& e) {
            p.error = e;
            p.input = {};
            p.documents.clear();
        }
    }

    // Work done ahead of the writer on a worker thread: reads the file and, unless the index
    // as last committed says it is unchanged, analyses it.
    [[nodiscard]] Prepared read_ahead(const std::filesystem::path& file, Worker& worker) const {
        Prepared p = prepare_file(file);
        if (p.unreadable) return p;
        bool looks_unchanged = false;
        if (worker.committed) {
            for (int attempt = 0; attempt < 2; ++attempt) {
                try {
                    bool known = false;
                    looks_unchanged = unchanged_in(*worker.committed, p, known);
                    break;
                } catch (const Xapian::DatabaseModifiedError&) {
                    // The writer committed twice since: read its latest commit.
                    try {
                        worker.committed->reopen();
                    } catch (const Xapian::Error&) {
                        break;
                    }
                } catch (const Xapian::Error&) {
                    break;  // no hint: analyse, the writer decides
                }
            }
        }
        if (!looks_unchanged) analyse(p, worker.builder);
        return p;
    }

    // Indexes one prepared input unless its content is as indexed; on the calling thread,
    // in input order.
    FileStatus add_input(Prepared& p, IndexReport& report) {
        if (p.unreadable) {
            report.diagnostics.push_back({p.path, 0, 0, Severity::error, *p.unreadable});
            ++report.errors;
            ++report.files_rejected;
            return FileStatus::rejected;
        }
        bool known = false;
        try {
            if (unchanged_in(db, p, known)) {
                ++report.files_unchanged;
                return FileStatus::unchanged;
            }
        } catch (const Xapian::Error& e) {
            throw translate(e, dir);
        }
        if (!p.analysed) analyse(p, builder);

        std::vector<Diagnostic> diagnostics = std::move(p.diagnostics);
        FileStatus status = FileStatus::rejected;
        try {
            if (p.error) throw *p.error;
            std::vector<std::string> moved_from;
            try {
                check_duplicates(p.input, p.term, moved_from);
            } catch (const Xapian::Error& e) {
                throw translate(e, dir);
            }
            write(p, moved_from);
            ++report.files_indexed;
            ++(known ? report.files_updated : report.files_added);
            status = known ? FileStatus::updated : FileStatus::added;
            for (const auto& document : p.input.documents) {
                report.records += document.records.size();
            }
        } catch (const detail::InputError& e) {
            diagnostics.push_back({{}, e.line(), e.column(), Severity::error, e.what()});
            ++report.files_rejected;
        }
        for (auto& d : diagnostics) {
            d.path = p.path;
            ++(d.severity == Severity::error ? report.errors : report.warnings);
            report.diagnostics.push_back(std::move(d));
        }
        return status;
    }

    // Replaces the source's records and its entry in one transaction, so that a file lands
    // whole or not at all, and commits every batch_files() files.
    void write(const Prepared& p, const std::vector<std::string>& moved_from) {
        try {
            db.begin_transaction(false);
            try {
                db.delete_document(p.term);
                for (const auto& id : p.input.deleted_document_ids) {
                    db.delete_document(detail::document_term(id));
                    if (is_shard) deleted_ids.push_back(id);
                }
                auto built = p.documents.begin();
                for (const auto& document : p.input.documents) {
                    db.delete_document(detail::document_term(document.document_id));
                    for (const auto& record : document.records) {
                        db.replace_document(detail::record_term(record.id), *built++);
                    }
                }
                for (const auto& key : moved_from) db.set_metadata(key, "");
                db.set_metadata(source_meta_key(p.term), p.entry.encode());
                db.commit_transaction();
                changed_since_compaction = true;
            } catch (...) {
                db.cancel_transaction();
                throw;
            }
            uncommitted_bytes += p.size;
            if (++uncommitted_files >= batch_files() ||
                (options.batch_bytes > 0 && uncommitted_bytes >= options.batch_bytes)) {
                commit();
            }
        } catch (const Xapian::Error& e) {
            throw translate(e, dir);
        }
    }

    // Files per commit. Automatic (IndexOptions::batch_size 0): a commit rewrites B-tree
    // blocks all over a large index, so it costs more as the index grows, while a larger
    // batch costs more memory and CPU in Xapian's buffers; 100 files suit 10,000 records
    // best and 400 files 100,000 (measured), hence the square root of the size.
    [[nodiscard]] std::size_t batch_files() const {
        if (options.batch_size > 0) return options.batch_size;
        if (auto_batch_files == 0) {
            const double records = static_cast<double>(db.get_doccount());
            auto_batch_files = static_cast<std::size_t>(
                std::clamp(100.0 * std::sqrt(records / 10000.0), 100.0, 1000.0));
        }
        return auto_batch_files;
    }

    void commit() {
        try {
            db.commit();
            uncommitted_files = 0;
            uncommitted_bytes = 0;
            auto_batch_files = 0;  // chosen again for the index as it is now
        } catch (const Xapian::Error& e) {
            throw translate(e, dir);
        }
    }

    void notify(const std::filesystem::path& file, FileStatus status) const {
        if (options.on_file) options.on_file(file, status);
    }

    using Stop = std::function<bool()>;
    using Told = std::function<void(const std::filesystem::path&, FileStatus)>;

    // Indexes `files` in order on the calling thread.
    void add_in_order(const std::vector<std::filesystem::path>& files, IndexReport& report,
                      const Stop& stop, const Told& told) {
        for (const auto& file : files) {
            if (stop()) break;
            Prepared p = prepare_file(file);
            told(file, add_input(p, report));
        }
    }

    // Indexes `files` on the calling thread, in order, while threads - 1 others read and
    // analyse the next files ahead of it: the index is as if written on one thread, the same
    // docids included.
    void add_read_ahead(const std::vector<std::filesystem::path>& files, unsigned threads,
                        IndexReport& report, const Stop& stop, const Told& told) {
        const auto workers =
            static_cast<unsigned>(std::min<std::size_t>(threads - 1, files.size()));
        std::vector<std::unique_ptr<Worker>> state;
        for (unsigned i = 0; i < workers; ++i) {
            state.push_back(std::make_unique<Worker>());
            try {
                state.back()->committed.emplace(dir.string());
            } catch (const Xapian::Error&) {
                // Without a view of the index, every file is analysed; the writer still
                // skips the unchanged ones.
            }
        }
        detail::OrderedPool<std::filesystem::path, Prepared> pool(
            files, workers, 4 * std::size_t{workers},
            [&](const std::filesystem::path& file, unsigned worker) {
                return read_ahead(file, *state[worker]);
            });
        for (const auto& file : files) {
            if (stop()) break;
            std::optional<Prepared> p;
            try {
                p = pool.next();
            } catch (const Xapian::Error& e) {
                throw translate(e, dir);
            }
            told(file, add_input(*p, report));
        }
    }

    // Removes the shards of add_sharded() that a crash left beside the index: while we hold
    // its lock, no one else is building any.
    void remove_leftover_shards() const {
        const std::filesystem::path index_dir = sibling(dir, "");
        const std::string prefix = index_dir.filename().string() + ".shard-";
        const std::filesystem::path parent =
            index_dir.parent_path().empty() ? std::filesystem::path(".") : index_dir.parent_path();
        std::error_code ec;
        std::vector<std::filesystem::path> leftovers;
        for (std::filesystem::directory_iterator it(parent, ec), end; !ec && it != end;
             it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
                name.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
                leftovers.push_back(it->path());
            }
        }
        for (const auto& path : leftovers) std::filesystem::remove_all(path, ec);
    }

    // True when nothing was ever indexed here: add_sharded() may build it.
    [[nodiscard]] bool is_new() const {
        const std::string prefix = detail::schema::source_key_prefix;
        return db.get_doccount() == 0 &&
               db.metadata_keys_begin(prefix) == db.metadata_keys_end(prefix);
    }

    void add_sharded(const std::vector<std::filesystem::path>& files, unsigned shards,
                     IndexReport& report, const Stop& stop, const Told& told);

    // Rewrites the index compactly, together with `shards` (new indexes whose records follow
    // its own, in order), and exchanges the copy with the index. False when the file system
    // cannot exchange directories; nothing is changed then.
    bool rewrite_compacted(const std::vector<std::filesystem::path>& shards);

    // Opens the database, polling while another writer holds the lock and lock_wait_seconds
    // allows. Xapian's DB_RETRY_LOCK would wait without a bound, so we poll instead.
    void open(int flags) {
        using clock = std::chrono::steady_clock;
        const double wait = options.lock_wait_seconds;
        const bool for_ever = std::isinf(wait) && wait > 0;
        const auto started = clock::now();
        for (;;) {
            try {
                db = Xapian::WritableDatabase(dir.string(), flags);
                return;
            } catch (const Xapian::DatabaseLockError& e) {
                const std::chrono::duration<double> waited = clock::now() - started;
                if (!for_ever && !(waited.count() < wait)) {
                    std::string message =
                        dir.string() + ": the index is being written by another process";
                    if (wait > 0) {
                        char seconds[32];
                        std::snprintf(seconds, sizeof seconds, "%g", wait);
                        message += std::string(" (waited ") + seconds + " s)";
                    }
                    throw Error(Errc::locked, message, dir);
                }
                const double left = for_ever ? 1.0 : wait - waited.count();
                std::this_thread::sleep_for(
                    std::chrono::duration<double>(std::clamp(left, 0.001, 0.2)));
            }
        }
    }
};

Index::Index(const std::filesystem::path& dir, const IndexOptions& options)
    : impl_(std::make_unique<Impl>()) {
    impl_->dir = dir;
    impl_->options = options;
    try {
        const int flags = options.create_if_missing ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
        if (options.create_if_missing) {
            std::error_code ec;
            std::filesystem::create_directories(dir.parent_path().empty() ? "." : dir.parent_path(),
                                                ec);
        }
        impl_->open(flags);
        impl_->remove_leftover_shards();
        const std::string stored = impl_->db.get_metadata(detail::schema::version_key);
        const bool created = stored.empty() && impl_->db.get_doccount() == 0;
        if (created) {
            impl_->db.set_metadata(detail::schema::version_key, detail::schema::version);
        } else {
            detail::schema::check_version(impl_->db, dir);
        }
        detail::schema::record_thesaurus(impl_->db, created);
        impl_->db.commit();
    } catch (const Xapian::Error& e) {
        throw translate(e, dir);
    }
}

Index::~Index() {
    if (!impl_) return;
    try {
        impl_->db.commit();
    } catch (...) {
        // A destructor must not throw; uncommitted changes are lost, the index stays valid.
    }
}

Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

IndexReport Index::add_path(const std::filesystem::path& path) {
    IndexReport report;
    const auto files = detail::list_inputs(path, impl_->options, report.diagnostics);
    for (const auto& d : report.diagnostics) {
        ++(d.severity == Severity::error ? report.errors : report.warnings);
    }
    const auto& options = impl_->options;
    const auto stop = [&] {
        if (options.should_stop && options.should_stop()) report.stopped = true;
        return report.stopped;
    };
    const auto told = [&](const std::filesystem::path& file, FileStatus status) {
        impl_->notify(file, status);
    };
    const unsigned threads = index_threads(options.threads);
    const auto shards = static_cast<unsigned>(std::min<std::size_t>(threads, files.size() / 2));
    bool is_new = false;
    try {
        is_new = impl_->is_new();
    } catch (const Xapian::Error& e) {
        throw translate(e, impl_->dir);
    }
    if (is_new && shards > 1) {
        impl_->add_sharded(files, shards, report, stop, told);
    } else if (threads > 1 && files.size() > 1) {
        impl_->add_read_ahead(files, threads, report, stop, told);
    } else {
        impl_->add_in_order(files, report, stop, told);
    }
    impl_->commit();
    return report;
}

IndexReport Index::add_buffer(std::string_view xml, const std::filesystem::path& name) {
    IndexReport report;
    Prepared p =
        impl_->prepare(std::string(xml), name, std::string(buffer_prefix) + name.string(), {});
    impl_->notify(name, impl_->add_input(p, report));
    return report;
}

IndexReport Index::prune(const std::filesystem::path& tree) {
    IndexReport report;
    const auto refuse = [&](std::string message) {
        report.diagnostics.push_back({tree, 0, 0, Severity::error, std::move(message)});
        ++report.errors;
        return report;
    };
    std::error_code ec;
    if (!std::filesystem::exists(tree, ec)) {
        return refuse("does not exist; nothing was pruned under it");
    }
    std::vector<Diagnostic> problems;
    const auto files = detail::list_inputs(tree, impl_->options, problems);
    for (auto& p : problems) {
        if (p.severity != Severity::error) continue;
        report.diagnostics.push_back(std::move(p));
        ++report.errors;
    }
    if (report.errors > 0) {
        return refuse("cannot be read completely; nothing was pruned under it");
    }
    std::set<std::string> live;
    for (const auto& file : files) {
        const auto canonical = std::filesystem::weakly_canonical(file, ec);
        live.insert(ec ? file.string() : canonical.string());
    }
    const auto listed_tree = std::filesystem::absolute(tree, ec).lexically_normal();
    const auto canonical_tree = std::filesystem::weakly_canonical(tree, ec);

    try {
        // Sources with an entry, then (for indexes written before entries existed) source
        // terms that are plain paths.
        std::vector<SourceEntry> gone;
        std::set<std::string> seen_terms;
        const std::string prefix = detail::schema::source_key_prefix;
        for (auto it = impl_->db.metadata_keys_begin(prefix);
             it != impl_->db.metadata_keys_end(prefix); ++it) {
            const auto entry = SourceEntry::decode(impl_->db.get_metadata(*it));
            if (!entry || starts_with(entry->key, buffer_prefix)) continue;
            seen_terms.insert(detail::source_term(entry->key));
            const bool in_tree =
                (!entry->listed.empty() && is_within(entry->listed, listed_tree)) ||
                is_within(entry->key, canonical_tree);
            if (in_tree && live.count(entry->key) == 0) gone.push_back(*entry);
        }
        const std::string source_prefix = detail::schema::source;
        for (auto it = impl_->db.allterms_begin(source_prefix);
             it != impl_->db.allterms_end(source_prefix); ++it) {
            const std::string key = (*it).substr(source_prefix.size());
            if (seen_terms.count(*it) > 0 || key.empty() || key.front() != '/') continue;
            if (is_within(key, canonical_tree) && live.count(key) == 0) {
                gone.push_back({{}, key, key, {}});
            }
        }
        for (const auto& entry : gone) {
            const std::string term = detail::source_term(entry.key);
            const std::size_t records = impl_->db.get_termfreq(term);
            impl_->db.begin_transaction(false);
            try {
                impl_->db.delete_document(term);
                impl_->db.set_metadata(source_meta_key(term), "");
                impl_->db.commit_transaction();
                impl_->changed_since_compaction = true;
            } catch (...) {
                impl_->db.cancel_transaction();
                throw;
            }
            ++report.files_removed;
            report.records_removed += records;
            impl_->notify(entry.listed.empty() ? entry.key : entry.listed, FileStatus::removed);
        }
    } catch (const Xapian::Error& e) {
        throw translate(e, impl_->dir);
    }
    impl_->commit();
    return report;
}

std::size_t Index::remove(std::string_view id) {
    try {
        // A document id removes the whole study or transcript; otherwise a single record.
        std::string term = detail::document_term(id);
        if (impl_->db.get_termfreq(term) == 0) term = detail::record_term(id);
        const std::size_t count = impl_->db.get_termfreq(term);
        if (count == 0) return 0;
        // Forget the stamps of the sources concerned, so that their files count as changed
        // and indexing them again brings the records back.
        std::set<std::string> sources;
        for (auto it = impl_->db.postlist_begin(term); it != impl_->db.postlist_end(term); ++it) {
            sources.insert(source_term_of(impl_->db.get_document(*it)));
        }
        impl_->db.begin_transaction(false);
        try {
            impl_->db.delete_document(term);
            for (const auto& source : sources) {
                if (!source.empty()) impl_->db.set_metadata(source_meta_key(source), "");
            }
            impl_->db.commit_transaction();
            impl_->changed_since_compaction = true;
        } catch (...) {
            impl_->db.cancel_transaction();
            throw;
        }
        return count;
    } catch (const Xapian::Error& e) {
        throw translate(e, impl_->dir);
    }
}

namespace {

// Makes a file's or directory's content durable.
void sync_path(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

// The input files cut into at most `count` runs of about equal bytes, in order.
std::vector<std::vector<std::filesystem::path>> runs_of_equal_bytes(
    const std::vector<std::filesystem::path>& files, unsigned count) {
    std::vector<std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    for (const auto& file : files) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(file, ec);
        sizes.push_back((ec ? 0 : size) + 1);  // an empty or unreadable file is some work too
        total += sizes.back();
    }
    std::vector<std::vector<std::filesystem::path>> runs(1);
    std::uintmax_t so_far = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!runs.back().empty() && runs.size() < count && so_far >= total / count * runs.size()) {
            runs.emplace_back();
        }
        runs.back().push_back(files[i]);
        so_far += sizes[i];
    }
    return runs;
}

}  // namespace

bool Index::Impl::rewrite_compacted(const std::vector<std::filesystem::path>& shards) {
    commit();
    const std::filesystem::path index_dir = sibling(dir, "");
    const std::filesystem::path copy = sibling(dir, ".compacting");
    std::error_code ec;
    // Left over by a crash while compacting: the index itself is whole.
    std::filesystem::remove_all(copy, ec);
    try {
        if (shards.empty()) {
            // The same docids, so that results are ranked exactly as before.
            db.compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
        } else {
            // Renumbered: each shard's documents follow those of the one before.
            Xapian::Database all(index_dir.string());
            for (const auto& shard : shards) all.add_database(Xapian::Database(shard.string()));
            all.compact(copy.string());
        }
    } catch (const Xapian::Error& e) {
        std::filesystem::remove_all(copy, ec);
        throw translate(e, dir);
    }
    for (const auto& entry : std::filesystem::directory_iterator(copy, ec)) {
        sync_path(entry.path());
    }
    sync_path(copy);
    if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, index_dir.c_str(), RENAME_EXCHANGE) != 0) {
        std::filesystem::remove_all(copy, ec);
        return false;
    }
    sync_path(index_dir.parent_path().empty() ? std::filesystem::path(".")
                                              : index_dir.parent_path());
    // `copy` now holds the old index, whose lock we still hold: take the new one's, then let
    // the old one go.
    try {
        db = Xapian::WritableDatabase(index_dir.string(), Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        db = Xapian::WritableDatabase();
        std::filesystem::remove_all(copy, ec);
        throw translate(e, dir);
    }
    std::filesystem::remove_all(copy, ec);
    changed_since_compaction = false;
    return true;
}

// A new index is built in shards, one per thread: the files are cut into runs of about equal
// bytes, in order, and each thread reads, analyses and writes one run into a database of its
// own, the calling thread into the index itself. Xapian 1.4 has one writer per database, and
// in add_read_ahead() that writer was the limit (1.6x one thread at best). The shards are then
// merged by compacting them into one (a new index is compacted anyway), numbering their
// documents one after the other: the index one thread would have written.
//
// An input that takes an id already taken in an earlier run, or deletes a document of one,
// would have been decided against the whole index: then the later shards are dropped and
// their files indexed again after the first run, as add_read_ahead() does.
//
// The calling thread asks `stop` before each of its own files and, once its run is done,
// while it waits for the others. A stop drops the other shards, so that the index holds the
// files before the stop, in order, as on one thread. Inputs of the other runs are `told` once
// merged, in order.
void Index::Impl::add_sharded(const std::vector<std::filesystem::path>& files, unsigned shards,
                              IndexReport& report, const Stop& stop, const Told& told) {
    struct Shard {
        std::unique_ptr<Impl> impl;
        std::filesystem::path dir;
        std::vector<std::filesystem::path> files;
        IndexReport report;
        std::vector<std::pair<std::filesystem::path, FileStatus>> handled;
    };
    auto runs = runs_of_equal_bytes(files, shards);
    std::vector<Shard> others(runs.size() - 1);
    // Xapian's buffers grow with the batch: the shards share the bound of one writer.
    const std::size_t batch_bytes = options.batch_bytes;
    options.batch_bytes = batch_bytes / runs.size();
    std::atomic<bool> stopping{false};
    std::vector<std::future<void>> running;
    // Runs on every way out: the shards are told to stop, waited for, closed and removed.
    const auto finish = [&] {
        stopping = true;
        for (auto& r : running) {
            if (r.valid()) r.wait();
        }
        options.batch_bytes = batch_bytes;
        for (auto& shard : others) {
            shard.impl.reset();
            std::error_code ec;
            std::filesystem::remove_all(shard.dir, ec);
        }
    };
    try {
        for (std::size_t i = 0; i < others.size(); ++i) {
            Shard& shard = others[i];
            shard.files = std::move(runs[i + 1]);
            shard.dir = sibling(dir, ".shard-" + std::to_string(i + 1));
            shard.impl = std::make_unique<Impl>();
            shard.impl->dir = shard.dir;
            shard.impl->is_shard = true;
            shard.impl->options = options;
            // Asked and told on the calling thread only (add_sharded's `stop` and `told`).
            shard.impl->options.should_stop = nullptr;
            shard.impl->options.on_file = nullptr;
            shard.impl->db =
                Xapian::WritableDatabase(shard.dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
            shard.impl->db.set_metadata(detail::schema::version_key, detail::schema::version);
            detail::schema::record_thesaurus(shard.impl->db, true);
        }
        for (auto& shard : others) {
            running.push_back(std::async(std::launch::async, [&shard, &stopping] {
                shard.impl->add_in_order(
                    shard.files, shard.report, [&] { return stopping.load(); },
                    [&](const std::filesystem::path& file, FileStatus status) {
                        shard.handled.emplace_back(file, status);
                    });
                shard.impl->commit();
            }));
        }
        const auto stop_all = [&] {
            if (stop()) stopping = true;
            return stopping.load();
        };
        add_in_order(runs.front(), report, stop_all, told);
        commit();
        for (auto& r : running) {
            while (r.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
                stop_all();
            }
        }
        for (auto& r : running) r.get();  // rethrows a shard's failure
        if (report.stopped) {
            // Out quickly, and with the files before the stop in order, as on one thread: the
            // later shards are dropped and the next run indexes their files.
            finish();
            return;
        }

        // A later run's input that an earlier run would have decided otherwise.
        bool conflict = false;
        const auto earlier_has = [&](std::size_t shard, const std::string& term) {
            if (db.term_exists(term)) return true;
            for (std::size_t j = 0; j < shard; ++j) {
                if (others[j].impl->db.term_exists(term)) return true;
            }
            return false;
        };
        for (std::size_t i = 0; i < others.size() && !conflict; ++i) {
            const Xapian::WritableDatabase& later = others[i].impl->db;
            for (const char* prefix :
                 {detail::schema::id, detail::schema::document, detail::schema::source}) {
                for (auto t = later.allterms_begin(prefix);
                     t != later.allterms_end(prefix) && !conflict; ++t) {
                    conflict = earlier_has(i, *t);
                }
            }
            for (const auto& id : others[i].impl->deleted_ids) {
                conflict = conflict || earlier_has(i, detail::document_term(id));
            }
        }
        if (conflict) {
            std::vector<std::filesystem::path> rest;
            for (auto& shard : others) {
                rest.insert(rest.end(), shard.files.begin(), shard.files.end());
            }
            finish();
            add_read_ahead(rest, shards, report, stop, told);
            return;
        }
        std::vector<std::filesystem::path> dirs;
        for (auto& shard : others) {
            shard.impl->db.close();
            dirs.push_back(shard.dir);
        }
        if (!rewrite_compacted(dirs)) {
            // No atomic exchange here: the shards' documents are copied in instead.
            for (const auto& shard_dir : dirs) {
                const Xapian::Database from(shard_dir.string());
                for (auto it = from.postlist_begin(""); it != from.postlist_end(""); ++it) {
                    db.add_document(from.get_document(*it));
                }
                const std::string prefix = detail::schema::source_key_prefix;
                for (auto key = from.metadata_keys_begin(prefix);
                     key != from.metadata_keys_end(prefix); ++key) {
                    db.set_metadata(*key, from.get_metadata(*key));
                }
                commit();
            }
        }
    } catch (const Xapian::Error& e) {
        finish();
        throw translate(e, dir);
    } catch (...) {
        finish();
        throw;
    }
    finish();
    for (auto& shard : others) {
        for (const auto& [file, status] : shard.handled) told(file, status);
        merge(report, std::move(shard.report));
    }
}

bool Index::compact() {
    if (!impl_->changed_since_compaction) {
        // As a compaction (of shards, by add_path()) wrote it: nothing to gain.
        impl_->commit();
        return true;
    }
    return impl_->rewrite_compacted({});
}

void Index::commit() { impl_->commit(); }

std::size_t Index::record_count() const { return impl_->db.get_doccount(); }

void merge(IndexReport& into, IndexReport&& more) {
    into.files_indexed += more.files_indexed;
    into.files_added += more.files_added;
    into.files_updated += more.files_updated;
    into.files_unchanged += more.files_unchanged;
    into.files_rejected += more.files_rejected;
    into.files_removed += more.files_removed;
    into.records += more.records;
    into.records_removed += more.records_removed;
    into.warnings += more.warnings;
    into.errors += more.errors;
    into.stopped = into.stopped || more.stopped;
    std::move(more.diagnostics.begin(), more.diagnostics.end(),
              std::back_inserter(into.diagnostics));
}

}  // namespace hubsearch
