// SPDX-License-Identifier: MIT
#include "xml/hub_xml_reader.hpp"

#include <hubsearch/vocabulary.hpp>

#include "analysis/language.hpp"
#include "analysis/text.hpp"
#include "formats/reader_util.hpp"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <map>
#include <set>

namespace hubsearch::detail {
namespace {

bool is_one_of(const char* name, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const char* candidate) { return std::strcmp(name, candidate) == 0; });
}

// Walks one document, collecting warnings and turning problems into InputError.
class Reader {
public:
    Reader(const XmlDocument& xml, const std::string& source, std::vector<Diagnostic>& warnings,
           const ReaderLimits& limits)
        : xml_(xml), source_(source), warnings_(warnings), limits_(limits) {}

    ParsedDocument read() {
        const auto root = xml_.root();
        if (std::strcmp(root.name(), "study") == 0) return read_study(root);
        if (std::strcmp(root.name(), "transcript") == 0) return read_transcript(root);
        fail(root, "the root element <" + std::string(root.name()) +
                       "> is neither <study> nor <transcript>");
    }

private:
    [[noreturn]] void fail(pugi::xml_node node, const std::string& message) const {
        const auto [line, column] = xml_.position(node);
        throw InputError(message, line, column);
    }

    void warn(pugi::xml_node node, const std::string& message) {
        const auto [line, column] = xml_.position(node);
        warnings_.push_back({{}, line, column, Severity::warning, message});
    }

    void warn(pugi::xml_attribute attr, pugi::xml_node owner, const std::string& message) {
        const auto [line, column] = xml_.position(attr, owner);
        warnings_.push_back({{}, line, column, Severity::warning, message});
    }

    // Warns about attributes other than `known` (plus `lang`, allowed everywhere).
    void check_attributes(pugi::xml_node node, std::initializer_list<const char*> known) {
        for (const auto attr : node.attributes()) {
            if (std::strcmp(attr.name(), "lang") == 0 || is_one_of(attr.name(), known)) continue;
            warn(attr, node,
                 "unknown attribute " + std::string(attr.name()) + " on <" + node.name() +
                     "> ignored");
        }
    }

    void warn_unknown_element(pugi::xml_node node, pugi::xml_node parent) {
        warn(node, "unknown element <" + std::string(node.name()) + "> in <" + parent.name() +
                       "> ignored");
    }

    static std::string lang_of(pugi::xml_node node, const std::string& inherited) {
        const auto attr = node.attribute("lang");
        return attr ? primary_language(attr.value()) : inherited;
    }

    // The text of a leaf element: its character data, whitespace collapsed. Child elements are
    // not part of the spec's leaf elements, so they are reported and skipped.
    std::string leaf_text(pugi::xml_node node) {
        std::string text;
        for (const auto child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                text += child.value();
                text += ' ';
            } else if (child.type() == pugi::node_element) {
                warn_unknown_element(child, node);
            }
        }
        return collapse_whitespace(text);
    }

    std::string required_id(pugi::xml_node node, const char* what) {
        const std::string id = collapse_whitespace(node.attribute("id").value());
        if (id.empty()) fail(node, std::string("<") + what + "> needs an id attribute");
        if (id.size() > 200) fail(node, "the id is longer than 200 bytes");
        if (id.find_first_of("/ \t") != std::string::npos) {
            fail(node, "the id \"" + id + "\" must not contain '/' or spaces");
        }
        return id;
    }

    // Validates YYYY, YYYY-MM or YYYY-MM-DD and returns the year.
    int parse_date(pugi::xml_node node, const std::string& date) {
        const auto parsed = leading_date(date);
        if (!parsed || parsed->first != date) {
            fail(node, "the date \"" + date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return parsed->second;
    }

    std::string country_code(pugi::xml_node node, const std::string& value) {
        if (auto code = resolve_country(value)) return *code;
        warn(node, "the country \"" + value + "\" is not in the country registry; kept as text");
        return value;
    }

    std::string country_code(pugi::xml_attribute attr, pugi::xml_node owner) {
        const std::string value = collapse_whitespace(attr.value());
        if (auto code = resolve_country(value)) return *code;
        warn(attr, owner,
             "the country \"" + value + "\" is not in the country registry; kept as text");
        return value;
    }

    void add_topic(pugi::xml_node node, Record& record) {
        const std::string value = leaf_text(node);
        if (value.empty()) return;
        if (!resolve_topic(value)) {
            warn(node,
                 "the topic \"" + value + "\" is not in the topic vocabulary; kept as a keyword");
        }
        add_topic_or_keyword(record, value);
    }

    LocalizedText localized(pugi::xml_node node, const std::string& inherited) {
        LocalizedText text{lang_of(node, inherited), leaf_text(node)};
        if (text.lang.empty()) text.lang = detect_language(text.text);
        return text;
    }

    // Paragraphs of an abstract or speech: `p` children, or the element's own text.
    void read_paragraphs(pugi::xml_node node, const std::string& lang,
                         std::vector<Paragraph>& out) {
        for (const auto child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                add_paragraph(child.value(), lang, 0, out);
            } else if (child.type() == pugi::node_element) {
                if (std::strcmp(child.name(), "p") == 0) {
                    check_attributes(child, {});
                    add_paragraph(leaf_text(child), lang_of(child, lang), 0, out);
                } else {
                    warn_unknown_element(child, node);
                }
            }
        }
    }

    static void add_paragraph(std::string_view raw, const std::string& lang, int level,
                              std::vector<Paragraph>& out) {
        std::string text = collapse_whitespace(raw);
        if (text.empty()) return;
        std::string text_lang = lang.empty() ? detect_language(text) : lang;
        out.push_back({std::move(text_lang), std::move(text), level});
    }

    void read_section(pugi::xml_node node, const std::string& inherited, int depth,
                      std::vector<Paragraph>& out) {
        if (static_cast<std::size_t>(depth) > limits_.max_nesting_depth) {
            fail(node, "sections are nested more than " +
                           std::to_string(limits_.max_nesting_depth) + " deep");
        }
        check_attributes(node, {"title"});
        const std::string lang = lang_of(node, inherited);
        if (const auto title = node.attribute("title"))
            add_paragraph(title.value(), lang, depth, out);
        for (const auto child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                add_paragraph(child.value(), lang, 0, out);
            } else if (child.type() != pugi::node_element) {
                continue;
            } else if (std::strcmp(child.name(), "p") == 0) {
                check_attributes(child, {});
                add_paragraph(leaf_text(child), lang_of(child, lang), 0, out);
            } else if (std::strcmp(child.name(), "section") == 0) {
                read_section(child, lang, depth + 1, out);
            } else {
                warn_unknown_element(child, node);
            }
        }
    }

    ParsedDocument read_study(pugi::xml_node root) {
        check_attributes(root, {"id"});
        Record record;
        record.type = RecordType::study;
        record.id = required_id(root, "study");
        record.document_id = record.id;
        record.source = source_;
        const std::string lang = lang_of(root, "");
        pugi::xml_node date_node;
        for (const auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            const char* name = child.name();
            if (std::strcmp(name, "title") == 0) {
                check_attributes(child, {});
                auto title = localized(child, lang);
                if (!title.text.empty()) record.titles.push_back(std::move(title));
            } else if (std::strcmp(name, "author") == 0) {
                check_attributes(child, {"country", "affiliation"});
                Person author;
                author.name = leaf_text(child);
                if (const auto country = child.attribute("country")) {
                    author.country = country_code(country, child);
                }
                author.affiliation = collapse_whitespace(child.attribute("affiliation").value());
                if (!author.name.empty()) record.authors.push_back(std::move(author));
            } else if (std::strcmp(name, "date") == 0) {
                check_attributes(child, {});
                if (date_node) fail(child, "a study has only one <date>");
                date_node = child;
                record.date = leaf_text(child);
                record.year = parse_date(child, record.date);
            } else if (std::strcmp(name, "publisher") == 0) {
                check_attributes(child, {});
                record.publisher = leaf_text(child);
            } else if (std::strcmp(name, "series") == 0) {
                check_attributes(child, {});
                record.series = leaf_text(child);
            } else if (std::strcmp(name, "topic") == 0) {
                check_attributes(child, {});
                add_topic(child, record);
            } else if (std::strcmp(name, "country") == 0) {
                check_attributes(child, {});
                const std::string value = leaf_text(child);
                if (!value.empty()) {
                    auto code = country_code(child, value);
                    if (std::find(record.countries.begin(), record.countries.end(), code) ==
                        record.countries.end()) {
                        record.countries.push_back(std::move(code));
                    }
                }
            } else if (std::strcmp(name, "keyword") == 0) {
                check_attributes(child, {});
                std::string keyword = leaf_text(child);
                if (!keyword.empty()) record.keywords.push_back(std::move(keyword));
            } else if (std::strcmp(name, "link") == 0) {
                check_attributes(child, {});
                std::string link = leaf_text(child);
                if (!link.empty()) record.links.push_back(std::move(link));
            } else if (std::strcmp(name, "abstract") == 0) {
                check_attributes(child, {});
                const std::string abstract_lang = lang_of(child, lang);
                std::vector<Paragraph> paragraphs;
                read_paragraphs(child, abstract_lang, paragraphs);
                std::string text;
                for (const auto& p : paragraphs) text += (text.empty() ? "" : "\n") + p.text;
                if (!text.empty()) {
                    record.abstracts.push_back(
                        {abstract_lang.empty() ? detect_language(text) : abstract_lang, text});
                }
            } else if (std::strcmp(name, "section") == 0) {
                read_section(child, lang, 1, record.body);
            } else {
                warn_unknown_element(child, root);
            }
        }
        if (record.titles.empty()) fail(root, "<study> needs at least one <title>");
        if (!date_node) fail(root, "<study> needs a <date>");
        finish_languages(record, lang);
        ParsedDocument parsed;
        parsed.document_id = record.id;
        parsed.records.push_back(std::move(record));
        return parsed;
    }

    struct Event {
        std::vector<LocalizedText> titles;
        std::string date;
        int year = 0;
        std::string place;
        std::string organizer;
    };

    Event read_event(pugi::xml_node node, const std::string& lang) {
        check_attributes(node, {});
        Event event;
        pugi::xml_node date_node;
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const char* name = child.name();
            check_attributes(child, {});
            if (std::strcmp(name, "title") == 0) {
                auto title = localized(child, lang_of(node, lang));
                if (!title.text.empty()) event.titles.push_back(std::move(title));
            } else if (std::strcmp(name, "date") == 0) {
                date_node = child;
                event.date = leaf_text(child);
                event.year = parse_date(child, event.date);
            } else if (std::strcmp(name, "place") == 0) {
                event.place = leaf_text(child);
            } else if (std::strcmp(name, "organizer") == 0) {
                event.organizer = leaf_text(child);
            } else {
                warn_unknown_element(child, node);
            }
        }
        if (event.titles.empty()) fail(node, "<event> needs at least one <title>");
        if (!date_node) fail(node, "<event> needs a <date>");
        return event;
    }

    ParsedDocument read_transcript(pugi::xml_node root) {
        check_attributes(root, {"id"});
        ParsedDocument parsed;
        parsed.document_id = required_id(root, "transcript");
        const std::string lang = lang_of(root, "");

        const auto event_node = root.child("event");
        if (!event_node) fail(root, "<transcript> needs an <event>");
        const Event event = read_event(event_node, lang);

        std::map<std::string, Person> participants;
        std::set<std::string> session_ids;
        bool has_session = false;
        for (const auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            const char* name = child.name();
            if (std::strcmp(name, "event") == 0) {
                if (child != event_node) fail(child, "a transcript has only one <event>");
            } else if (std::strcmp(name, "participant") == 0) {
                check_attributes(child, {"id", "country", "affiliation", "role"});
                const std::string id = collapse_whitespace(child.attribute("id").value());
                if (id.empty()) fail(child, "<participant> needs an id attribute");
                Person person;
                person.name = leaf_text(child);
                if (const auto country = child.attribute("country")) {
                    person.country = country_code(country, child);
                }
                person.affiliation = collapse_whitespace(child.attribute("affiliation").value());
                person.role = collapse_whitespace(child.attribute("role").value());
                if (!participants.emplace(id, std::move(person)).second) {
                    fail(child, "the participant id \"" + id + "\" is used twice");
                }
            } else if (std::strcmp(name, "session") == 0) {
                has_session = true;
                read_session(child, parsed.document_id, lang, event, participants, session_ids,
                             parsed.records);
            } else {
                warn_unknown_element(child, root);
            }
        }
        if (!has_session) fail(root, "<transcript> needs at least one <session>");
        return parsed;
    }

    void read_session(pugi::xml_node node, const std::string& transcript_id,
                      const std::string& inherited, const Event& event,
                      const std::map<std::string, Person>& participants,
                      std::set<std::string>& session_ids, std::vector<Record>& out) {
        check_attributes(node, {"id", "type", "date"});
        const std::string id = required_id(node, "session");
        if (!session_ids.insert(id).second) {
            fail(node, "the session id \"" + id + "\" is used twice in this transcript");
        }
        std::string type = collapse_whitespace(node.attribute("type").value());
        if (type.empty()) {
            type = "other";
        } else if (!is_one_of(type.c_str(),
                              {"plenary", "panel", "roundtable", "seminar", "workshop", "other"})) {
            warn(node.attribute("type"), node,
                 "the session type \"" + type +
                     "\" is not plenary, panel, roundtable, seminar, workshop or other; "
                     "taken as other");
            type = "other";
        }
        std::string date = event.date;
        int year = event.year;
        if (const auto date_attr = node.attribute("date")) {
            date = collapse_whitespace(date_attr.value());
            year = parse_date(node, date);
        }
        const std::string lang = lang_of(node, inherited);

        Record base;
        base.type = RecordType::speech;
        base.document_id = transcript_id;
        base.source = source_;
        base.date = date;
        base.year = year;
        base.session_id = id;
        base.session_type = type;
        base.event_titles = event.titles;
        base.event_date = event.date;
        base.event_place = event.place;
        base.event_organizer = event.organizer;

        std::vector<pugi::xml_node> speeches;
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const char* name = child.name();
            if (std::strcmp(name, "title") == 0) {
                check_attributes(child, {});
                auto title = localized(child, lang);
                if (!title.text.empty()) base.session_titles.push_back(std::move(title));
            } else if (std::strcmp(name, "topic") == 0) {
                check_attributes(child, {});
                add_topic(child, base);
            } else if (std::strcmp(name, "speech") == 0) {
                speeches.push_back(child);
            } else {
                warn_unknown_element(child, node);
            }
        }
        if (speeches.empty()) fail(node, "<session> \"" + id + "\" has no <speech>");

        int number = 0;
        for (const auto speech : speeches) {
            check_attributes(speech, {"who", "speaker", "country", "affiliation"});
            Record record = base;
            record.speech_number = ++number;
            record.id = transcript_id + "/" + id + "/" + std::to_string(number);
            const auto who = speech.attribute("who");
            if (who) {
                const auto found = participants.find(collapse_whitespace(who.value()));
                if (found == participants.end()) {
                    fail(speech, "the speaker \"" + std::string(who.value()) +
                                     "\" is not a <participant> of this transcript");
                }
                record.speaker = found->second;
            } else if (const auto speaker = speech.attribute("speaker")) {
                record.speaker.name = collapse_whitespace(speaker.value());
                if (const auto country = speech.attribute("country")) {
                    record.speaker.country = country_code(country, speech);
                }
                record.speaker.affiliation =
                    collapse_whitespace(speech.attribute("affiliation").value());
            } else {
                fail(speech, "<speech> needs a who or a speaker attribute");
            }
            if (!record.speaker.country.empty()) record.countries.push_back(record.speaker.country);
            const std::string speech_lang = lang_of(speech, lang);
            read_paragraphs(speech, speech_lang, record.body);
            std::string declared = speech_lang;
            if (declared.empty()) {
                std::string all;
                for (const auto& p : record.body) all += p.text + ' ';
                declared = detect_language(all);
            }
            finish_languages(record, declared);
            out.push_back(std::move(record));
        }
    }

    const XmlDocument& xml_;
    const std::string& source_;
    std::vector<Diagnostic>& warnings_;
    const ReaderLimits& limits_;
};

}  // namespace

bool is_hub_xml(pugi::xml_node root) {
    return std::strcmp(root.name(), "study") == 0 || std::strcmp(root.name(), "transcript") == 0;
}

ParsedDocument read_hub_xml(const XmlDocument& xml, const std::string& source,
                            std::vector<Diagnostic>& warnings, const ReaderLimits& limits) {
    return Reader(xml, source, warnings, limits).read();
}

}  // namespace hubsearch::detail
