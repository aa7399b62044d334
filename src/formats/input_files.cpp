// SPDX-License-Identifier: MIT
#include "formats/input_files.hpp"

#include "formats/pdf_reader.hpp"
#include "formats/tei_reader.hpp"
#include "xml/xml_input.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

namespace hubsearch::detail {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return ext;
}

// True when `path` is `tree` or lies under it (both canonical), comparing whole components.
bool is_within(const std::filesystem::path& path, const std::filesystem::path& tree) {
    auto p = path.begin();
    for (auto t = tree.begin(); t != tree.end(); ++t, ++p) {
        if (t->empty()) break;  // a trailing separator
        if (p == path.end() || *p != *t) return false;
    }
    return true;
}

// True when the start of the file names a TEI corpus (in UTF-8 or UTF-16), so that only such
// files are parsed while listing.
bool may_be_tei_corpus(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.find("teiCorpus") != std::string::npos) return true;
    const std::string wide_le("t\0e\0i\0C\0o\0r\0p\0u\0s", 17);
    return head.find(wide_le) != std::string::npos;
}

}  // namespace

std::vector<std::filesystem::path> list_inputs(const std::filesystem::path& path,
                                               const IndexOptions& options,
                                               std::vector<Diagnostic>& problems) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) return {path};
    // The tree as it really is, to tell links that stay inside it from links that leave it.
    const auto root = std::filesystem::weakly_canonical(path, ec);
    std::vector<std::filesystem::path> files;
    // Our own walk rather than recursive_directory_iterator: an unreadable subdirectory is
    // reported and skipped instead of ending the walk, and followed links cannot loop.
    std::set<std::filesystem::path> visited{root};
    std::vector<std::filesystem::path> pending{path};
    while (!pending.empty()) {
        const auto dir = pending.back();
        pending.pop_back();
        std::filesystem::directory_iterator it(dir, ec), end;
        if (ec) {
            problems.push_back(
                {dir, 0, 0, Severity::error, "cannot read the directory: " + ec.message()});
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                problems.push_back(
                    {dir, 0, 0, Severity::error, "cannot read the directory: " + ec.message()});
                break;
            }
            const auto& entry = *it;
            std::error_code entry_ec;
            if (entry.is_symlink(entry_ec)) {
                const auto target = std::filesystem::canonical(entry.path(), entry_ec);
                if (entry_ec) {
                    problems.push_back(
                        {entry.path(), 0, 0, Severity::warning, "a broken symbolic link, skipped"});
                    continue;
                }
                if (!options.follow_symlinks) {
                    // A link inside the tree is skipped silently: its target is read where it
                    // lies. One leading out is never followed unless asked.
                    if (!is_within(target, root)) {
                        problems.push_back({entry.path(), 0, 0, Severity::warning,
                                            "a symbolic link to " + target.string() + ", outside " +
                                                path.string() +
                                                ", not followed (see --follow-symlinks)"});
                    }
                    continue;
                }
                if (std::filesystem::is_directory(target, entry_ec)) {
                    if (visited.insert(target).second) pending.push_back(entry.path());
                    continue;
                }
            } else if (entry.is_directory(entry_ec)) {
                const auto real = std::filesystem::canonical(entry.path(), entry_ec);
                if (entry_ec || visited.insert(real).second) pending.push_back(entry.path());
                continue;
            }
            const std::string ext = lower_extension(entry.path());
            if (entry.is_regular_file(entry_ec) && (ext == ".xml" || ext == ".pdf")) {
                files.push_back(entry.path().lexically_normal());
            }
        }
    }
    std::sort(files.begin(), files.end());
    if (options.follow_symlinks) {
        // A file reached through several links is one input: keep its first name.
        std::set<std::filesystem::path> seen;
        files.erase(std::remove_if(files.begin(), files.end(),
                                   [&](const std::filesystem::path& file) {
                                       std::error_code file_ec;
                                       const auto real = std::filesystem::canonical(file, file_ec);
                                       return !file_ec && !seen.insert(real).second;
                                   }),
                    files.end());
    }

    // Files read on another file's behalf are not inputs of their own: a PDF's sidecar is its
    // metadata, and a TEI corpus's components and lists are indexed as part of the corpus.
    std::set<std::filesystem::path> inside;
    for (const auto& file : files) {
        if (lower_extension(file) == ".pdf") {
            inside.insert(pdf_sidecar(file));
            continue;
        }
        if (!may_be_tei_corpus(file)) continue;
        try {
            const XmlDocument xml(decode_xml(read_file(file, options.max_file_bytes)));
            for (auto& included : tei_included_files(xml, file)) {
                if (included != file) inside.insert(std::move(included));
            }
        } catch (const InputError&) {
            // Reported when the corpus itself is read.
        }
    }
    files.erase(std::remove_if(files.begin(), files.end(),
                               [&](const auto& file) { return inside.count(file) > 0; }),
                files.end());
    return files;
}

}  // namespace hubsearch::detail
