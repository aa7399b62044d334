// SPDX-License-Identifier: MIT
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hubsearch::detail {

/// A problem that rejects a whole input, located by line and column (0 when unknown).
class InputError : public std::runtime_error {
public:
    InputError(const std::string& message, std::size_t line, std::size_t column)
        : std::runtime_error(message), line_(line), column_(column) {}
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t column() const noexcept { return column_; }

private:
    std::size_t line_;
    std::size_t column_;
};

/// Reads a whole file. Throws InputError when it cannot be read or is over `max_bytes`.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

/// Converts an XML document's bytes to UTF-8: UTF-16 by byte-order mark or by its first
/// bytes, otherwise the encoding named in the XML declaration (UTF-8 when there is none).
/// A file that declares no encoding and is not valid UTF-8 is read in the encoding uchardet
/// detects, which is then stored in `*detected_encoding` (when given).
/// Throws InputError naming the position of bytes that are not valid in that encoding, or an
/// encoding we cannot read, or text whose encoding is neither declared nor detectable.
std::string decode_xml(std::string_view bytes, std::string* detected_encoding = nullptr);

/// A parsed XML document that can locate its nodes as line and column.
class XmlDocument {
public:
    /// Parses UTF-8 `text`. Throws InputError at the position of the first syntax error.
    explicit XmlDocument(std::string text);

    [[nodiscard]] pugi::xml_node root() const { return document_.document_element(); }
    /// Line and column of `node`'s start, for diagnostics.
    [[nodiscard]] std::pair<std::size_t, std::size_t> position(pugi::xml_node node) const;
    [[nodiscard]] std::pair<std::size_t, std::size_t> position(pugi::xml_attribute attr,
                                                               pugi::xml_node owner) const;

private:
    std::string text_;
    pugi::xml_document document_;
};

}  // namespace hubsearch::detail
