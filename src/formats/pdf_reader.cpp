// SPDX-License-Identifier: MIT
#include "formats/pdf_reader.hpp"

#include "analysis/language.hpp"
#include "analysis/text.hpp"
#include "formats/reader_util.hpp"
#include "xml/hub_xml_reader.hpp"
#include "xml/xml_input.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <ctime>
#include <memory>
#include <mutex>
#include <system_error>

namespace hubsearch::detail {
namespace {

// poppler reports damaged files on stderr by default; the library never prints, and the
// problems that matter reach the user as diagnostics.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    std::string out(bytes.begin(), bytes.end());
    // Some producers store NUL-terminated or invalid strings: keep only well-formed text.
    while (!out.empty() && out.back() == '\0') out.pop_back();
    if (find_invalid_utf8(out) != std::string::npos) return {};
    return out;
}

std::string info_text(const poppler::document& doc, const char* key) {
    return collapse_whitespace(utf8(doc.info_key(key)));
}

std::string info_date(const poppler::document& doc, const char* key) {
    const std::time_t when = doc.info_date_t(key);
    if (when <= 0) return {};
    std::tm parts{};
    if (!gmtime_r(&when, &parts)) return {};
    char text[16];
    if (std::strftime(text, sizeof text, "%Y-%m-%d", &parts) == 0) return {};
    return text;
}

std::vector<std::string> split_list(const std::string& value, std::string_view separators) {
    std::vector<std::string> out;
    std::string current;
    for (const char c : value) {
        if (separators.find(c) != std::string_view::npos) {
            if (auto item = collapse_whitespace(current); !item.empty()) out.push_back(item);
            current.clear();
        } else {
            current += c;
        }
    }
    if (auto item = collapse_whitespace(current); !item.empty()) out.push_back(item);
    return out;
}

// Splits a page's text into paragraphs at blank lines; text without blank lines stays one
// paragraph per page.
void add_page_text(const std::string& text, std::vector<Paragraph>& out) {
    std::string current;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line =
            collapse_whitespace(std::string_view(text).substr(start, end - start));
        if (line.empty()) {
            add_paragraph(out, current, "");
            current.clear();
        } else {
            current += line + ' ';
        }
        start = end + 1;
    }
    add_paragraph(out, current, "");
}

}  // namespace

bool is_pdf(std::string_view bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::filesystem::path pdf_sidecar(const std::filesystem::path& pdf) {
    auto sidecar = pdf;
    sidecar.replace_extension(".xml");
    return sidecar;
}

ParsedDocument read_pdf(std::string_view bytes, const std::filesystem::path& path,
                        std::vector<Diagnostic>& warnings, const ReaderLimits& limits) {
    silence_poppler();
    if (!is_pdf(bytes)) throw InputError("the file is not a PDF (no %PDF- header)", 0, 0);
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        throw InputError("the PDF is too large to read", 0, 0);
    }
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw InputError("the PDF is damaged or not a PDF; no text could be read", 0, 0);
    if (doc->is_locked()) {
        throw InputError("the PDF is encrypted and needs a password; it cannot be read", 0, 0);
    }

    std::vector<Paragraph> text;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        add_page_text(utf8(page->text()), text);
    }
    if (text.empty()) {
        warnings.push_back({{},
                            0,
                            0,
                            Severity::warning,
                            "the PDF has no text layer (a scanned document?); only its metadata "
                            "is indexed"});
    }

    Record record;
    std::string declared;
    const auto sidecar = pdf_sidecar(path);
    std::error_code ec;
    if (path.extension() != ".xml" && std::filesystem::is_regular_file(sidecar, ec)) {
        const std::string name = sidecar.filename().string();
        try {
            const XmlDocument xml(decode_xml(read_file(sidecar, limits.max_file_bytes)));
            if (std::string_view(xml.root().name()) != "study") {
                const auto [line, column] = xml.position(xml.root());
                throw InputError("a PDF's sidecar must be a hub-XML <study>", line, column);
            }
            std::vector<Diagnostic> sidecar_warnings;
            auto parsed = read_hub_xml(xml, path.string(), sidecar_warnings, limits);
            for (auto& w : sidecar_warnings) {
                w.message = "in the sidecar " + name + " at line " + std::to_string(w.line) +
                            ", column " + std::to_string(w.column) + ": " + w.message;
                w.line = 0;
                w.column = 0;
                warnings.push_back(std::move(w));
            }
            record = std::move(parsed.records.front());
            declared = own_lang(xml.root());
        } catch (const InputError& e) {
            std::string message = "in the sidecar " + name;
            if (e.line() > 0) {
                message += " at line " + std::to_string(e.line()) + ", column " +
                           std::to_string(e.column());
            }
            throw InputError(message + ": " + e.what(), 0, 0);
        }
    } else {
        record.type = RecordType::study;
        record.id = sanitize_id(path.stem().string());
        record.document_id = record.id;
        if (std::string title = info_text(*doc, "Title"); !title.empty()) {
            record.titles.push_back({detect_language(title), title});
        } else if (!text.empty()) {
            std::string first = text.front().text.substr(0, 200);
            while (!first.empty() && (static_cast<unsigned char>(first.back()) & 0xC0) == 0x80) {
                first.pop_back();
            }
            if (!first.empty() && (static_cast<unsigned char>(first.back()) & 0x80) != 0) {
                first.pop_back();
            }
            record.titles.push_back({detect_language(first), collapse_whitespace(first)});
        } else {
            record.titles.push_back({"", path.stem().string()});
        }
        for (auto& name : split_list(info_text(*doc, "Author"), ";")) {
            Person author;
            author.name = std::move(name);
            record.authors.push_back(std::move(author));
        }
        for (const auto& keyword : split_list(info_text(*doc, "Keywords"), ";,")) {
            add_topic_or_keyword(record, keyword);
        }
        if (std::string subject = info_text(*doc, "Subject"); !subject.empty()) {
            record.abstracts.push_back({detect_language(subject), subject});
        }
        record.date = info_date(*doc, "CreationDate");
        if (record.date.empty()) record.date = info_date(*doc, "ModDate");
        if (auto date = leading_date(record.date)) {
            record.year = date->second;
        } else {
            warnings.push_back({{},
                                0,
                                0,
                                Severity::warning,
                                "the PDF gives no date and has no sidecar; the study has no "
                                "year"});
        }
        if (record.titles.front().lang.empty()) {
            record.titles.front().lang = detect_language(record.titles.front().text);
        }
    }
    record.source = path.string();
    for (auto& paragraph : text) record.body.push_back(std::move(paragraph));
    record.languages.clear();
    finish_languages(record, declared);
    check_record_size(record, limits, 0, 0);
    ParsedDocument parsed;
    parsed.document_id = record.document_id;
    parsed.records.push_back(std::move(record));
    return parsed;
}

}  // namespace hubsearch::detail
