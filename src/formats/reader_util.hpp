// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/index.hpp>
#include <hubsearch/record.hpp>

#include "formats/parsed.hpp"
#include "xml/xml_input.hpp"

#include <pugixml.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hubsearch::detail {

/// An element's name without its namespace prefix ("dc:title" gives "title").
std::string_view local_name(pugi::xml_node node);

/// The namespace URI of `node`'s name, found through the xmlns declarations in scope.
std::string namespace_of(pugi::xml_node node);

/// The first child element whose local name is `name`, or an empty node.
pugi::xml_node child_named(pugi::xml_node node, std::string_view name);

/// Every child element whose local name is `name`, in document order.
std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name);

/// The primary subtag of the nearest xml:lang (or lang) on `node` or above it, or "".
std::string inherited_lang(pugi::xml_node node);

/// The primary subtag of xml:lang on `node` itself, or "".
std::string own_lang(pugi::xml_node node);

/// All character data under `node`, whitespace collapsed.
std::string text_of(pugi::xml_node node);

/// Makes an identifier usable in record ids: '/' becomes '_', whitespace is removed and the
/// result is cut to 200 bytes at a character boundary. The same input always gives the same id.
std::string sanitize_id(std::string_view value);

/// Reads the date at the start of `value` ("2016-01-26T16:02:13", "2012", "2014-12"): returns
/// YYYY, YYYY-MM or YYYY-MM-DD and the year, or nothing when it does not start with a year.
std::optional<std::pair<std::string, int>> leading_date(std::string_view value);

/// Adds `value` to the record's topics when it resolves to a topic id, else to its keywords.
void add_topic_or_keyword(Record& record, const std::string& value);

/// Adds a country facet value when `value` resolves to a country code. Returns whether it did.
bool add_resolved_country(Record& record, std::string_view value);

/// Sets Record::language (the declared language, else detected from all the record's text) and
/// Record::languages (every text's language, main language first), as the native reader does.
void finish_languages(Record& record, const std::string& declared);

/// The language of `text`: `declared` when the detected language is written in the same script
/// (detection by letters tells only Cyrillic from Latin apart, so Portuguese text in a record
/// declared "pt" stays "pt"), else the detected one.
std::string text_language(std::string_view text, const std::string& declared);

/// Adds a paragraph of whitespace-collapsed `raw` text in `lang` (detected when empty).
void add_paragraph(std::vector<Paragraph>& out, std::string_view raw, const std::string& lang,
                   int heading_level = 0);

/// Throws InputError (at `line`:`column`) when the record's text is longer than the limit.
void check_record_size(const Record& record, const ReaderLimits& limits, std::size_t line,
                       std::size_t column);

/// Locates nodes of one parsed document for diagnostics. For a document read through another
/// (an xi:included TEI file, a PDF's sidecar), positions are those of the including element and
/// messages name the included file and the position inside it, so that a diagnostic's
/// PATH:LINE:COL always points into PATH.
class Locator {
public:
    /// Positions in `xml` itself.
    explicit Locator(const XmlDocument& xml) : xml_(&xml) {}
    /// Positions in `xml`, which was included as `name` at `line`:`column` of the input.
    Locator(const XmlDocument& xml, std::string name, std::size_t line, std::size_t column)
        : xml_(&xml), name_(std::move(name)), line_(line), column_(column) {}

    [[nodiscard]] const XmlDocument& xml() const { return *xml_; }

    /// A locator for `xml`, read on this document's behalf as `name` at `include`.
    [[nodiscard]] Locator nested(const XmlDocument& xml, const std::string& name,
                                 pugi::xml_node include) const;
    /// Where a diagnostic about `node` is reported in the input.
    [[nodiscard]] std::pair<std::size_t, std::size_t> position(pugi::xml_node node) const;

    /// Throws InputError for `node`.
    [[noreturn]] void fail(pugi::xml_node node, const std::string& message) const;
    /// Appends a warning for `node`.
    void warn(std::vector<Diagnostic>& warnings, pugi::xml_node node,
              const std::string& message) const;
    /// The InputError for `message` at `node`, for callers that add context before throwing.
    [[nodiscard]] InputError error(pugi::xml_node node, const std::string& message) const;

private:
    [[nodiscard]] std::pair<std::size_t, std::size_t> where(pugi::xml_node node,
                                                            std::string& message) const;

    const XmlDocument* xml_;
    std::string name_;
    std::size_t line_ = 0;
    std::size_t column_ = 0;
};

}  // namespace hubsearch::detail
