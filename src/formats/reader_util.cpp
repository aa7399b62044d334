// SPDX-License-Identifier: MIT
#include "formats/reader_util.hpp"

#include <hubsearch/vocabulary.hpp>

#include "analysis/language.hpp"
#include "analysis/text.hpp"

#include <algorithm>
#include <cstring>

namespace hubsearch::detail {

std::string_view local_name(pugi::xml_node node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string namespace_of(pugi::xml_node node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    const std::string attr = colon == std::string_view::npos
                                 ? std::string("xmlns")
                                 : "xmlns:" + std::string(name.substr(0, colon));
    for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        if (const auto a = n.attribute(attr.c_str())) return a.value();
    }
    return {};
}

pugi::xml_node child_named(pugi::xml_node node, std::string_view name) {
    for (const auto child : node.children()) {
        if (child.type() == pugi::node_element && local_name(child) == name) return child;
    }
    return {};
}

std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (const auto child : node.children()) {
        if (child.type() == pugi::node_element && local_name(child) == name) out.push_back(child);
    }
    return out;
}

std::string own_lang(pugi::xml_node node) {
    if (const auto a = node.attribute("xml:lang")) return primary_language(a.value());
    if (const auto a = node.attribute("lang")) return primary_language(a.value());
    return {};
}

std::string inherited_lang(pugi::xml_node node) {
    for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        std::string lang = own_lang(n);
        if (!lang.empty()) return lang;
    }
    return {};
}

std::string text_of(pugi::xml_node node) {
    std::string text;
    struct Collector : pugi::xml_tree_walker {
        std::string* out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                *out += n.value();
                *out += ' ';
            }
            return true;
        }
    } collector;
    collector.out = &text;
    node.traverse(collector);
    return collapse_whitespace(text);
}

std::string sanitize_id(std::string_view value) {
    std::string id;
    for (const char c : value) {
        if (c == '/' || c == '\\') {
            id += '_';
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        } else {
            id += c;
        }
    }
    if (id.size() > 200) {
        std::size_t cut = 200;
        // Back up to the first byte of a UTF-8 character.
        while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
        id.resize(cut);
    }
    return id;
}

std::optional<std::pair<std::string, int>> leading_date(std::string_view value) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        if (value.size() < from + count) return -1;
        int number = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (value[i] < '0' || value[i] > '9') return -1;
            number = number * 10 + (value[i] - '0');
        }
        return number;
    };
    while (!value.empty() && (value.front() == ' ' || value.front() == '\n')) {
        value.remove_prefix(1);
    }
    const int year = digits(0, 4);
    if (year <= 0 || (value.size() > 4 && value[4] >= '0' && value[4] <= '9')) return std::nullopt;
    std::string date(value.substr(0, 4));
    if (value.size() >= 7 && value[4] == '-') {
        const int month = digits(5, 2);
        if (month >= 1 && month <= 12) {
            date = std::string(value.substr(0, 7));
            if (value.size() >= 10 && value[7] == '-') {
                const int day = digits(8, 2);
                if (day >= 1 && day <= 31) date = std::string(value.substr(0, 10));
            }
        }
    }
    return std::make_pair(date, year);
}

void add_topic_or_keyword(Record& record, const std::string& value) {
    if (value.empty()) return;
    if (auto id = resolve_topic(value)) {
        if (std::find(record.topics.begin(), record.topics.end(), *id) == record.topics.end()) {
            record.topics.push_back(*id);
        }
        return;
    }
    if (std::find(record.keywords.begin(), record.keywords.end(), value) == record.keywords.end()) {
        record.keywords.push_back(value);
    }
}

bool add_resolved_country(Record& record, std::string_view value) {
    const auto code = resolve_country(collapse_whitespace(value));
    if (!code) return false;
    if (std::find(record.countries.begin(), record.countries.end(), *code) ==
        record.countries.end()) {
        record.countries.push_back(*code);
    }
    return true;
}

void finish_languages(Record& record, const std::string& declared) {
    std::string all;
    const auto note = [&](const std::string& lang) {
        if (!lang.empty() && std::find(record.languages.begin(), record.languages.end(), lang) ==
                                 record.languages.end()) {
            record.languages.push_back(lang);
        }
    };
    for (const auto& t : record.titles) note(t.lang), all += t.text + ' ';
    for (const auto& t : record.abstracts) note(t.lang), all += t.text + ' ';
    for (const auto& p : record.body) note(p.lang), all += p.text + ' ';
    record.language = declared.empty() ? detect_language(all) : declared;
    if (record.languages.empty()) note(record.language);
    const auto main = std::find(record.languages.begin(), record.languages.end(), record.language);
    if (main != record.languages.end()) std::rotate(record.languages.begin(), main, main + 1);
}

namespace {

bool is_cyrillic_language(std::string_view lang) {
    for (const char* code : {"ru", "kk", "uk", "bg", "be", "sr", "mk", "ky", "tg", "mn"}) {
        if (lang == code) return true;
    }
    return false;
}

}  // namespace

std::string text_language(std::string_view text, const std::string& declared) {
    std::string detected = detect_language(text);
    if (declared.empty()) return detected;
    if (detected.empty()) return declared;
    const bool detected_cyrillic = detected == "ru" || detected == "kk";
    // Russian and Kazakh are told apart by their letters; trust detection between them.
    if (detected_cyrillic && (declared == "ru" || declared == "kk")) return detected;
    return detected_cyrillic == is_cyrillic_language(declared) ? declared : detected;
}

void add_paragraph(std::vector<Paragraph>& out, std::string_view raw, const std::string& lang,
                   int heading_level) {
    std::string text = collapse_whitespace(raw);
    if (text.empty()) return;
    std::string text_lang = lang.empty() ? detect_language(text) : lang;
    out.push_back({std::move(text_lang), std::move(text), heading_level});
}

void check_record_size(const Record& record, const ReaderLimits& limits, std::size_t line,
                       std::size_t column) {
    std::size_t size = 0;
    for (const auto& t : record.titles) size += t.text.size();
    for (const auto& t : record.abstracts) size += t.text.size();
    for (const auto& p : record.body) size += p.text.size();
    if (size > limits.max_record_bytes) {
        throw InputError("the record " + record.id + " has " + std::to_string(size) +
                             " bytes of text, over the limit of " +
                             std::to_string(limits.max_record_bytes),
                         line, column);
    }
}

std::pair<std::size_t, std::size_t> Locator::where(pugi::xml_node node,
                                                   std::string& message) const {
    const auto [line, column] = xml_->position(node);
    if (name_.empty()) return {line, column};
    message = "in " + name_ + " at line " + std::to_string(line) + ", column " +
              std::to_string(column) + ": " + message;
    return {line_, column_};
}

Locator Locator::nested(const XmlDocument& xml, const std::string& name,
                        pugi::xml_node include) const {
    if (name_.empty()) {
        const auto [line, column] = xml_->position(include);
        return Locator(xml, name, line, column);
    }
    return Locator(xml, name_ + " > " + name, line_, column_);
}

std::pair<std::size_t, std::size_t> Locator::position(pugi::xml_node node) const {
    if (name_.empty()) return xml_->position(node);
    return {line_, column_};
}

InputError Locator::error(pugi::xml_node node, const std::string& message) const {
    std::string text = message;
    const auto [line, column] = where(node, text);
    return InputError(text, line, column);
}

void Locator::fail(pugi::xml_node node, const std::string& message) const {
    throw error(node, message);
}

void Locator::warn(std::vector<Diagnostic>& warnings, pugi::xml_node node,
                   const std::string& message) const {
    std::string text = message;
    const auto [line, column] = where(node, text);
    warnings.push_back({{}, line, column, Severity::warning, std::move(text)});
}

}  // namespace hubsearch::detail
