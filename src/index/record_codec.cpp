// SPDX-License-Identifier: MIT
#include "index/record_codec.hpp"

#include <hubsearch/error.hpp>

#include <nlohmann/json.hpp>

namespace hubsearch {

// Field names are short: the data is stored once per record.
static void to_json(nlohmann::json& j, const LocalizedText& t) { j = {t.lang, t.text}; }
static void from_json(const nlohmann::json& j, LocalizedText& t) {
    t.lang = j.at(0).get<std::string>();
    t.text = j.at(1).get<std::string>();
}
static void to_json(nlohmann::json& j, const Paragraph& p) {
    j = {p.lang, p.text, p.heading_level};
}
static void from_json(const nlohmann::json& j, Paragraph& p) {
    p.lang = j.at(0).get<std::string>();
    p.text = j.at(1).get<std::string>();
    p.heading_level = j.at(2).get<int>();
}
static void to_json(nlohmann::json& j, const Person& p) {
    j = {p.name, p.country, p.affiliation, p.role};
}
static void from_json(const nlohmann::json& j, Person& p) {
    p.name = j.at(0).get<std::string>();
    p.country = j.at(1).get<std::string>();
    p.affiliation = j.at(2).get<std::string>();
    p.role = j.at(3).get<std::string>();
}

}  // namespace hubsearch

namespace hubsearch::detail {

std::string encode_record(const Record& r) {
    nlohmann::json j;
    j["id"] = r.id;
    j["type"] = to_string(r.type);
    j["doc"] = r.document_id;
    j["src"] = r.source;
    j["date"] = r.date;
    j["year"] = r.year;
    j["lang"] = r.language;
    j["langs"] = r.languages;
    j["topics"] = r.topics;
    j["countries"] = r.countries;
    j["keywords"] = r.keywords;
    j["titles"] = r.titles;
    j["abstracts"] = r.abstracts;
    j["body"] = r.body;
    if (r.type == RecordType::study) {
        j["authors"] = r.authors;
        j["publisher"] = r.publisher;
        j["series"] = r.series;
        j["links"] = r.links;
    } else {
        j["speaker"] = r.speaker;
        j["n"] = r.speech_number;
        j["session"] = r.session_id;
        j["session_type"] = r.session_type;
        j["session_titles"] = r.session_titles;
        j["event_titles"] = r.event_titles;
        j["event_date"] = r.event_date;
        j["event_place"] = r.event_place;
        j["event_organizer"] = r.event_organizer;
    }
    return j.dump();
}

Record decode_record(std::string_view data) {
    try {
        const auto j = nlohmann::json::parse(data);
        Record r;
        r.id = j.at("id").get<std::string>();
        r.type =
            j.at("type").get<std::string>() == "speech" ? RecordType::speech : RecordType::study;
        r.document_id = j.at("doc").get<std::string>();
        r.source = j.at("src").get<std::string>();
        r.date = j.at("date").get<std::string>();
        r.year = j.at("year").get<int>();
        r.language = j.at("lang").get<std::string>();
        r.languages = j.at("langs").get<std::vector<std::string>>();
        r.topics = j.at("topics").get<std::vector<std::string>>();
        r.countries = j.at("countries").get<std::vector<std::string>>();
        r.keywords = j.at("keywords").get<std::vector<std::string>>();
        r.titles = j.at("titles").get<std::vector<LocalizedText>>();
        r.abstracts = j.at("abstracts").get<std::vector<LocalizedText>>();
        r.body = j.at("body").get<std::vector<Paragraph>>();
        if (r.type == RecordType::study) {
            r.authors = j.at("authors").get<std::vector<Person>>();
            r.publisher = j.at("publisher").get<std::string>();
            r.series = j.at("series").get<std::string>();
            r.links = j.at("links").get<std::vector<std::string>>();
        } else {
            r.speaker = j.at("speaker").get<Person>();
            r.speech_number = j.at("n").get<int>();
            r.session_id = j.at("session").get<std::string>();
            r.session_type = j.at("session_type").get<std::string>();
            r.session_titles = j.at("session_titles").get<std::vector<LocalizedText>>();
            r.event_titles = j.at("event_titles").get<std::vector<LocalizedText>>();
            r.event_date = j.at("event_date").get<std::string>();
            r.event_place = j.at("event_place").get<std::string>();
            r.event_organizer = j.at("event_organizer").get<std::string>();
        }
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw Error(Errc::corrupt, std::string("a stored record cannot be read: ") + e.what());
    }
}

}  // namespace hubsearch::detail
