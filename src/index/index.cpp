// SPDX-License-Identifier: MIT
#include <hubsearch/error.hpp>
#include <hubsearch/index.hpp>

#include "analysis/analyzer.hpp"
#include "formats/input_files.hpp"
#include "formats/read_input.hpp"
#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "xml/xml_input.hpp"

#include <xapian.h>

#include <algorithm>
#include <string_view>
#include <system_error>

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

}  // namespace

struct Index::Impl {
    std::filesystem::path dir;
    IndexOptions options;
    Xapian::WritableDatabase db;
    detail::Analyzer analyzer;
    detail::DocumentBuilder builder{analyzer};

    // Parses one input and, when it is valid, replaces its records in a transaction so that
    // it lands whole or not at all.
    void add_input(std::string_view bytes, const std::filesystem::path& path,
                   const std::string& source_key, IndexReport& report) {
        std::vector<Diagnostic> diagnostics;
        try {
            const detail::ReaderLimits limits{options.max_nesting_depth, options.max_record_bytes};
            const auto input = detail::read_input(bytes, path, diagnostics, limits, options.format);
            write(input, source_key);
            ++report.files_indexed;
            for (const auto& document : input.documents) report.records += document.records.size();
        } catch (const detail::InputError& e) {
            diagnostics.push_back({{}, e.line(), e.column(), Severity::error, e.what()});
            ++report.files_rejected;
        }
        for (auto& d : diagnostics) {
            d.path = path;
            ++(d.severity == Severity::error ? report.errors : report.warnings);
            report.diagnostics.push_back(std::move(d));
        }
    }

    void write(const detail::ParsedInput& input, const std::string& source_key) {
        try {
            db.begin_transaction(false);
            try {
                db.delete_document(detail::source_term(source_key));
                for (const auto& id : input.deleted_document_ids) {
                    db.delete_document(detail::document_term(id));
                }
                for (const auto& document : input.documents) {
                    db.delete_document(detail::document_term(document.document_id));
                    for (const auto& record : document.records) {
                        db.replace_document(detail::record_term(record.id),
                                            builder.build(record, source_key));
                    }
                }
                db.commit_transaction();
            } catch (...) {
                db.cancel_transaction();
                throw;
            }
        } catch (const Xapian::Error& e) {
            throw translate(e, dir);
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
        impl_->db = Xapian::WritableDatabase(dir.string(), flags);
        const std::string stored = impl_->db.get_metadata(detail::schema::version_key);
        if (stored.empty() && impl_->db.get_doccount() == 0) {
            impl_->db.set_metadata(detail::schema::version_key, detail::schema::version);
            impl_->db.commit();
        } else {
            detail::schema::check_version(impl_->db, dir);
        }
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
    report.errors += report.diagnostics.size();
    for (const auto& file : files) {
        std::string bytes;
        std::error_code ec;
        try {
            if (!std::filesystem::exists(file, ec)) {
                throw detail::InputError("no such file or directory", 0, 0);
            }
            bytes = detail::read_file(file, impl_->options.max_file_bytes);
        } catch (const detail::InputError& e) {
            report.diagnostics.push_back({file, 0, 0, Severity::error, e.what()});
            ++report.errors;
            ++report.files_rejected;
            continue;
        }
        const auto canonical = std::filesystem::weakly_canonical(file, ec);
        impl_->add_input(bytes, file, ec ? file.string() : canonical.string(), report);
    }
    commit();
    return report;
}

IndexReport Index::add_buffer(std::string_view xml, const std::filesystem::path& name) {
    IndexReport report;
    impl_->add_input(xml, name, "buffer:" + name.string(), report);
    return report;
}

std::size_t Index::remove(std::string_view id) {
    try {
        // A document id removes the whole study or transcript; otherwise a single record.
        std::string term = detail::document_term(id);
        if (impl_->db.get_termfreq(term) == 0) term = detail::record_term(id);
        const std::size_t count = impl_->db.get_termfreq(term);
        impl_->db.delete_document(term);
        return count;
    } catch (const Xapian::Error& e) {
        throw translate(e, impl_->dir);
    }
}

void Index::commit() {
    try {
        impl_->db.commit();
    } catch (const Xapian::Error& e) {
        throw translate(e, impl_->dir);
    }
}

std::size_t Index::record_count() const { return impl_->db.get_doccount(); }

void merge(IndexReport& into, IndexReport&& more) {
    into.files_indexed += more.files_indexed;
    into.files_rejected += more.files_rejected;
    into.records += more.records;
    into.warnings += more.warnings;
    into.errors += more.errors;
    std::move(more.diagnostics.begin(), more.diagnostics.end(),
              std::back_inserter(into.diagnostics));
}

}  // namespace hubsearch
