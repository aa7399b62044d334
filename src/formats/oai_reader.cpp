// SPDX-License-Identifier: MIT
#include "formats/oai_reader.hpp"

#include "analysis/language.hpp"
#include "analysis/text.hpp"
#include "formats/reader_util.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace hubsearch::detail {
namespace {

constexpr std::string_view oai_ns = "http://www.openarchives.org/OAI/2.0/";

// dc:language values are ISO 639-1, ISO 639-2/3 or English names; records use 639-1.
std::string language_code(std::string_view value) {
    static const std::map<std::string, std::string> codes = {
        {"rus", "ru"},      {"russian", "ru"}, {"eng", "en"},     {"english", "en"},
        {"kaz", "kk"},      {"kazakh", "kk"},  {"por", "pt"},     {"portuguese", "pt"},
        {"spa", "es"},      {"spanish", "es"}, {"ukr", "uk"},     {"ukrainian", "uk"},
        {"fra", "fr"},      {"fre", "fr"},     {"french", "fr"},  {"deu", "de"},
        {"ger", "de"},      {"german", "de"},  {"ita", "it"},     {"italian", "it"},
        {"bul", "bg"},      {"slv", "sl"},     {"pol", "pl"},     {"tur", "tr"},
        {"chi", "zh"},      {"zho", "zh"},     {"kir", "ky"},     {"uzb", "uz"},
        {"bel", "be"},      {"nld", "nl"},     {"dut", "nl"},     {"ces", "cs"},
        {"cze", "cs"},      {"hun", "hu"},     {"русский", "ru"}, {"английский", "en"},
        {"казахский", "kk"}};
    const std::string lower = lower_ascii(collapse_whitespace(value));
    const auto found = codes.find(lower);
    if (found != codes.end()) return found->second;
    const std::string primary = primary_language(lower);
    return primary.size() == 2 ? primary : std::string();
}

// Subjects are split at ';' and at a ',' with no space after it ("A,B,C" lists), but not at
// ", " so that headings like "Education, Higher" stay whole.
std::vector<std::string> split_subjects(const std::string& value) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == ';' || (c == ',' && i + 1 < value.size() && value[i + 1] != ' ')) {
            out.push_back(collapse_whitespace(current));
            current.clear();
        } else {
            current += c;
        }
    }
    out.push_back(collapse_whitespace(current));
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    return out;
}

class OaiReader {
public:
    OaiReader(const XmlDocument& xml, const std::string& source, std::vector<Diagnostic>& warnings,
              const ReaderLimits& limits)
        : locator_(xml), source_(source), warnings_(warnings), limits_(limits) {}

    ParsedInput read() {
        const auto root = locator_.xml().root();
        ParsedInput input;
        pugi::xml_node list;
        for (const auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            const auto name = local_name(child);
            if (name == "error") {
                const std::string code = child.attribute("code").value();
                // An empty harvest is an answer, not a failure.
                if (code == "noRecordsMatch") return input;
                locator_.fail(child,
                              "the OAI-PMH response is an error (" + code + "): " + text_of(child));
            }
            if (name == "ListRecords" || name == "GetRecord") list = child;
        }
        if (!list) {
            locator_.fail(root,
                          "the OAI-PMH response holds no <ListRecords> or <GetRecord>; only "
                          "those verbs carry records");
        }
        // Later versions of a record in the same response replace earlier ones.
        std::vector<Record> records;
        std::map<std::string, std::size_t> position;
        for (const auto node : children_named(list, "record")) {
            const auto header = child_named(node, "header");
            const std::string identifier = text_of(child_named(header, "identifier"));
            if (identifier.empty()) {
                locator_.warn(warnings_, node, "a record without header/identifier skipped");
                continue;
            }
            const std::string id = sanitize_id(identifier);
            if (std::string_view(header.attribute("status").value()) == "deleted") {
                if (const auto found = position.find(id); found != position.end()) {
                    records[found->second].id.clear();
                    position.erase(found);
                }
                if (std::find(input.deleted_document_ids.begin(), input.deleted_document_ids.end(),
                              id) == input.deleted_document_ids.end()) {
                    input.deleted_document_ids.push_back(id);
                }
                continue;
            }
            auto record = read_record(node, header, id);
            if (!record) continue;
            input.deleted_document_ids.erase(std::remove(input.deleted_document_ids.begin(),
                                                         input.deleted_document_ids.end(), id),
                                             input.deleted_document_ids.end());
            if (const auto found = position.find(id); found != position.end()) {
                records[found->second] = std::move(*record);
            } else {
                position.emplace(id, records.size());
                records.push_back(std::move(*record));
            }
        }
        for (auto& record : records) {
            if (record.id.empty()) continue;
            ParsedDocument document;
            document.document_id = record.id;
            document.records.push_back(std::move(record));
            input.documents.push_back(std::move(document));
        }
        return input;
    }

private:
    std::optional<Record> read_record(pugi::xml_node node, pugi::xml_node header,
                                      const std::string& id) {
        const auto metadata = child_named(node, "metadata");
        const auto dc = child_named(metadata, "dc");
        if (!dc) {
            locator_.warn(warnings_, metadata ? metadata : node,
                          "the record " + id + " has no oai_dc metadata; skipped");
            return std::nullopt;
        }
        Record record;
        record.type = RecordType::study;
        record.id = id;
        record.document_id = id;
        record.source = source_;
        std::string language;
        for (const auto element : children_named(dc, "language")) {
            language = language_code(text_of(element));
            if (!language.empty()) break;
        }
        for (const auto child : dc.children()) {
            if (child.type() != pugi::node_element) continue;
            const auto name = local_name(child);
            const std::string text = text_of(child);
            if (text.empty()) continue;
            const std::string lang = own_lang(child);
            if (name == "title") {
                std::string title_lang = lang.empty() ? text_language(text, language) : lang;
                const bool seen = std::any_of(record.titles.begin(), record.titles.end(),
                                              [&](const auto& t) { return t.lang == title_lang; });
                if (!seen) record.titles.push_back({std::move(title_lang), text});
            } else if (name == "creator") {
                Person author;
                author.name = text;
                record.authors.push_back(std::move(author));
            } else if (name == "subject") {
                for (const auto& subject : split_subjects(text)) {
                    add_topic_or_keyword(record, subject);
                }
            } else if (name == "description") {
                const std::string abstract_lang =
                    lang.empty() ? text_language(text, language) : lang;
                auto same = std::find_if(record.abstracts.begin(), record.abstracts.end(),
                                         [&](const auto& a) { return a.lang == abstract_lang; });
                if (same != record.abstracts.end()) {
                    same->text += "\n" + text;
                } else {
                    record.abstracts.push_back({abstract_lang, text});
                }
            } else if (name == "date") {
                if (record.date.empty()) {
                    if (auto date = leading_date(text)) {
                        record.date = date->first;
                        record.year = date->second;
                    }
                }
            } else if (name == "identifier") {
                if (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0) {
                    record.links.push_back(text);
                } else if (text.rfind("doi:", 0) == 0) {
                    record.links.push_back("https://doi.org/" + text.substr(4));
                } else if (text.rfind("10.", 0) == 0 && text.find('/') != std::string::npos) {
                    record.links.push_back("https://doi.org/" + text);
                }
            } else if (name == "coverage") {
                add_resolved_country(record, text);
            } else if (name == "publisher") {
                if (record.publisher.empty()) record.publisher = text;
            } else if (name == "source") {
                if (record.series.empty()) record.series = text;
            }
        }
        if (record.titles.empty()) {
            locator_.warn(warnings_, dc, "the record " + id + " has no dc:title; skipped");
            return std::nullopt;
        }
        if (record.date.empty()) {
            if (auto date = leading_date(text_of(child_named(header, "datestamp")))) {
                record.date = date->first;
                record.year = date->second;
            }
        }
        finish_languages(record, language);
        const auto [line, column] = locator_.position(node);
        check_record_size(record, limits_, line, column);
        return record;
    }

    Locator locator_;
    const std::string& source_;
    std::vector<Diagnostic>& warnings_;
    const ReaderLimits& limits_;
};

}  // namespace

bool is_oai_pmh(pugi::xml_node root) {
    return local_name(root) == "OAI-PMH" && namespace_of(root) == oai_ns;
}

ParsedInput read_oai_pmh(const XmlDocument& xml, const std::string& source,
                         std::vector<Diagnostic>& warnings, const ReaderLimits& limits) {
    return OaiReader(xml, source, warnings, limits).read();
}

}  // namespace hubsearch::detail
