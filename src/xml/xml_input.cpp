// SPDX-License-Identifier: MIT
#include "xml/xml_input.hpp"

#include "analysis/text.hpp"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iconv.h>
#include <memory>
#include <mutex>
#include <system_error>

namespace hubsearch::detail {
namespace {

// The encoding named in `<?xml ... encoding="..."?>`, or "" when there is none.
std::string declared_encoding(std::string_view bytes) {
    if (bytes.substr(0, 5) != "<?xml") return {};
    const auto end = bytes.find("?>");
    const std::string_view decl = bytes.substr(0, end);
    const auto key = decl.find("encoding");
    if (key == std::string_view::npos) return {};
    auto pos = decl.find_first_of("\"'", key);
    if (pos == std::string_view::npos) return {};
    const char quote = decl[pos];
    const auto close = decl.find(quote, pos + 1);
    if (close == std::string_view::npos) return {};
    return lower_ascii(decl.substr(pos + 1, close - pos - 1));
}

// iconv_open and iconv_close load and unload glibc's conversion modules. glibc locks that
// inside the dynamic loader, where ThreadSanitizer cannot see it, and reports the indexing
// threads racing; opening and closing one at a time costs nothing measurable.
std::mutex iconv_modules;

int close_converter(iconv_t cd) {
    const std::lock_guard<std::mutex> lock(iconv_modules);
    return iconv_close(cd);
}

// Converts with iconv; on an invalid sequence reports its byte offset in `bytes`, so that the
// caller can point at it.
std::string convert(std::string_view bytes, const char* from, const std::string& label) {
    iconv_t cd = [&] {
        const std::lock_guard<std::mutex> lock(iconv_modules);
        return iconv_open("UTF-8", from);
    }();
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        throw InputError("the declared encoding \"" + label + "\" is not supported", 1, 1);
    }
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, close_converter);
    std::string out(bytes.size() * 2 + 16, '\0');
    auto* in_ptr = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    while (in_left > 0) {
        if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) {
            break;
        }
        if (errno == E2BIG) {
            const auto used = static_cast<std::size_t>(out_ptr - out.data());
            out.resize(out.size() * 2);
            out_ptr = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        // EILSEQ or EINVAL: the text decoded so far tells the line and column.
        const auto used = static_cast<std::size_t>(out_ptr - out.data());
        const auto where = position_of(std::string_view(out.data(), used), used);
        throw InputError("bytes that are not valid " + label + " text", where.line, where.column);
    }
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return out;
}

// The legacy encodings a file without a declaration may be read in: the Cyrillic ones our
// Russian and Kazakh sources use. uchardet's guesses among Latin encodings (ISO-8859-1, -2,
// windows-1252...) differ in the very letters they disagree on, so such files must declare
// their encoding rather than risk being indexed as mojibake.
bool is_detectable(const std::string& name) {
    for (const char* known : {"windows-1251", "koi8-r", "koi8-u", "iso-8859-5", "ibm866", "ibm855",
                              "mac-cyrillic", "maccyrillic"}) {
        if (name == known) return true;
    }
    return false;
}

// Guesses the Cyrillic encoding of text that is not UTF-8 with uchardet. Returns "" when it
// cannot tell or guesses another encoding.
std::string detect_encoding(std::string_view bytes) {
    std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
    if (!detector) return {};
    if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
    uchardet_data_end(detector.get());
    const char* charset = uchardet_get_charset(detector.get());
    std::string name = charset ? lower_ascii(charset) : std::string();
    return is_detectable(name) ? name : std::string();
}

// True when decoded text holds C1 control characters (U+0080..U+009F) or U+FFFD, the marks of
// text read in the wrong single-byte encoding, or no Cyrillic letter at all.
bool looks_misdecoded(std::string_view text) {
    bool cyrillic = false;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto a = static_cast<unsigned char>(text[i]);
        if (a >= 0xD0 && a <= 0xD3) cyrillic = true;  // U+0400..U+04FF
        const auto b = static_cast<unsigned char>(text[i + 1]);
        if (a == 0xC2 && b >= 0x80 && b <= 0x9F) return true;
        if (a == 0xEF && b == 0xBF && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 2]) == 0xBD) {
            return true;
        }
    }
    return !cyrillic;
}

}  // namespace

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError("cannot read the file: " + ec.message(), 0, 0);
    if (size > max_bytes) {
        throw InputError("the file is " + std::to_string(size) + " bytes, over the limit of " +
                             std::to_string(max_bytes),
                         0, 0);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot open the file", 0, 0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in && !in.eof()) throw InputError("cannot read the file", 0, 0);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

std::string decode_xml(std::string_view bytes, std::string* detected_encoding) {
    if (bytes.empty()) throw InputError("the file is empty", 1, 1);
    const auto byte = [&](std::size_t i) {
        return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0x100u;
    };
    if (byte(0) == 0xFF && byte(1) == 0xFE) return convert(bytes.substr(2), "UTF-16LE", "UTF-16");
    if (byte(0) == 0xFE && byte(1) == 0xFF) return convert(bytes.substr(2), "UTF-16BE", "UTF-16");
    // "<?" in UTF-16 without a byte-order mark.
    if (byte(0) == '<' && byte(1) == 0 && byte(2) == '?' && byte(3) == 0) {
        return convert(bytes, "UTF-16LE", "UTF-16");
    }
    if (byte(0) == 0 && byte(1) == '<' && byte(2) == 0 && byte(3) == '?') {
        return convert(bytes, "UTF-16BE", "UTF-16");
    }
    if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) bytes.remove_prefix(3);

    const std::string encoding = declared_encoding(bytes);
    if (encoding.empty() || encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii" ||
        encoding == "ascii") {
        const auto bad = find_invalid_utf8(bytes);
        if (bad != std::string_view::npos) {
            const auto where = position_of(bytes.substr(0, bad), bad);
            if (encoding.empty()) {
                // Legacy files often carry no declaration: read them in the encoding their
                // bytes show, but never guess blindly (mojibake would be indexed for good).
                const std::string guess = detect_encoding(bytes);
                if (!guess.empty()) {
                    try {
                        std::string text = convert(bytes, guess.c_str(), guess);
                        if (!looks_misdecoded(text)) {
                            if (detected_encoding) *detected_encoding = guess;
                            return text;
                        }
                    } catch (const InputError&) {
                        // Not valid in the guessed encoding either: report the UTF-8 error.
                    }
                }
                throw InputError(
                    "bytes that are not valid UTF-8, no encoding is declared and the "
                    "encoding cannot be detected; name it in the XML declaration, e.g. "
                    "<?xml version=\"1.0\" encoding=\"windows-1251\"?>",
                    where.line, where.column);
            }
            throw InputError("bytes that are not valid UTF-8", where.line, where.column);
        }
        return std::string(bytes);
    }
    if (encoding.rfind("utf-16", 0) == 0 || encoding == "utf16") {
        throw InputError("the declaration says " + encoding +
                             " but the file is not UTF-16 (no byte-order mark, 8-bit text)",
                         1, 1);
    }
    // windows-1251, koi8-r, iso-8859-5 and the other single-byte encodings iconv knows.
    const std::string name = encoding == "cp1251" ? "windows-1251" : encoding;
    return convert(bytes, name.c_str(), encoding);
}

XmlDocument::XmlDocument(std::string text) : text_(std::move(text)) {
    // XML 1.0 allows no C0 control character but tab, newline and carriage return; pugixml
    // would keep them, and they would reach the index and every display of the record.
    const auto control = std::find_if(text_.begin(), text_.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
    });
    if (control != text_.end()) {
        const auto offset = static_cast<std::size_t>(control - text_.begin());
        const auto where = position_of(text_, offset);
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned char>(*control));
        throw InputError(std::string("the control character ") + code +
                             ", which XML does not allow (remove it from the file)",
                         where.line, where.column);
    }
    const auto result = document_.load_buffer(text_.data(), text_.size(),
                                              pugi::parse_default | pugi::parse_ws_pcdata_single,
                                              pugi::encoding_utf8);
    if (!result) {
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
        // pugixml reports an element left open at the end of the text near its last byte;
        // the user is better served by "ends before ..." at the very end.
        const bool truncated = result.status == pugi::status_end_element_mismatch &&
                               text_.find_first_not_of(" \t\r\n", offset + 1) == std::string::npos;
        if (truncated) offset = text_.size();
        const auto where = position_of(text_, offset);
        std::string message;
        switch (result.status) {
            case pugi::status_end_element_mismatch:
                message = "closing tag does not match the element it closes";
                break;
            case pugi::status_unrecognized_tag:
                message = "malformed tag";
                break;
            case pugi::status_bad_attribute:
                message = "malformed attribute";
                break;
            case pugi::status_bad_start_element:
                message = "malformed start tag";
                break;
            case pugi::status_bad_end_element:
                message = "malformed end tag";
                break;
            case pugi::status_no_document_element:
                message = "no root element";
                break;
            default:
                message = std::string("XML syntax error: ") + result.description();
                break;
        }
        if (truncated) message = "the document ends before all elements are closed";
        throw InputError(message, where.line, where.column);
    }
}

std::pair<std::size_t, std::size_t> XmlDocument::position(pugi::xml_node node) const {
    const auto offset = node.offset_debug();
    if (offset < 0) return {0, 0};
    // offset_debug points just past '<'; report the '<'.
    const auto where = position_of(text_, static_cast<std::size_t>(offset > 0 ? offset - 1 : 0));
    return {where.line, where.column};
}

std::pair<std::size_t, std::size_t> XmlDocument::position(pugi::xml_attribute attr,
                                                          pugi::xml_node owner) const {
    // pugixml keeps no offsets for attributes: find the name inside the owner's start tag.
    const auto start = owner.offset_debug();
    if (start < 0) return {0, 0};
    const auto tag_end = text_.find('>', static_cast<std::size_t>(start));
    const auto found = text_.find(std::string(attr.name()) + "=", static_cast<std::size_t>(start));
    const auto offset = found < tag_end ? found : static_cast<std::size_t>(start);
    const auto where = position_of(text_, offset);
    return {where.line, where.column};
}

}  // namespace hubsearch::detail
