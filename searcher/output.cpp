// SPDX-License-Identifier: MIT
#include "output.hpp"

#include <hubsearch/vocabulary.hpp>

#include <nlohmann/json.hpp>

#include <iomanip>
#include <sstream>

namespace hubsearch::cli {
namespace {

using json = nlohmann::ordered_json;

// The library's snippets are HTML-escaped for pages; a terminal wants the plain characters.
std::string unescape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            static const std::pair<const char*, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool replaced = false;
            for (const auto& [entity, ch] : entities) {
                const std::string_view name(entity);
                if (text.compare(i, name.size(), name) == 0) {
                    out.push_back(ch);
                    i += name.size() - 1;
                    replaced = true;
                    break;
                }
            }
            if (replaced) continue;
        }
        out.push_back(text[i]);
    }
    return out;
}

std::string join(const std::vector<std::string>& values, const char* separator) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += separator;
        out += value;
    }
    return out;
}

// The line that names a record: its title, or for a speech who spoke in which session.
std::string headline(const Record& r) {
    if (r.type == RecordType::study) return pick_text(r.titles, r.language);
    std::string line = r.speaker.name;
    std::vector<std::string> about;
    if (!r.speaker.affiliation.empty()) about.push_back(r.speaker.affiliation);
    if (!r.speaker.country.empty()) about.push_back(r.speaker.country);
    if (!about.empty()) line += " (" + join(about, ", ") + ")";
    const std::string session = pick_text(r.session_titles, r.language);
    line += " — " + (session.empty() ? r.session_id : session);
    const std::string event = pick_text(r.event_titles, r.language);
    if (!event.empty()) line += " · " + event;
    return line;
}

json titles_json(const std::vector<LocalizedText>& texts) {
    json out = json::array();
    for (const auto& t : texts) out.push_back({{"lang", t.lang}, {"text", t.text}});
    return out;
}

json person_json(const Person& p) {
    return {
        {"name", p.name}, {"country", p.country}, {"affiliation", p.affiliation}, {"role", p.role}};
}

// The fields shared by a result and a full record.
json record_json(const Record& r) {
    json j;
    j["id"] = r.id;
    j["type"] = to_string(r.type);
    j["title"] = r.type == RecordType::study ? pick_text(r.titles, r.language) : headline(r);
    j["titles"] = titles_json(r.titles);
    j["year"] = r.year;
    j["date"] = r.date;
    j["countries"] = r.countries;
    j["topics"] = r.topics;
    j["keywords"] = r.keywords;
    j["language"] = r.language;
    j["languages"] = r.languages;
    j["document_id"] = r.document_id;
    j["source"] = r.source;
    if (r.type == RecordType::study) {
        json authors = json::array();
        for (const auto& a : r.authors) authors.push_back(person_json(a));
        j["authors"] = authors;
        j["speaker"] = nullptr;
        j["session"] = nullptr;
        j["event"] = nullptr;
    } else {
        j["authors"] = json::array();
        j["speaker"] = person_json(r.speaker);
        j["session"] = {{"id", r.session_id},
                        {"type", r.session_type},
                        {"title", pick_text(r.session_titles, r.language)},
                        {"titles", titles_json(r.session_titles)}};
        j["event"] = {{"title", pick_text(r.event_titles, r.language)},
                      {"titles", titles_json(r.event_titles)},
                      {"date", r.event_date},
                      {"place", r.event_place},
                      {"organizer", r.event_organizer}};
    }
    return j;
}

}  // namespace

std::pair<std::string, std::string> highlight_markers(const HumanStyle& style) {
    if (style.color) return {"\x1b[1m", "\x1b[0m"};
    return {"[", "]"};
}

void print_human(std::ostream& out, const std::string& query, const SearchRequest& request,
                 const SearchResults& results) {
    if (results.corrected) {
        out << "Nothing matches \"" << query << "\"; showing results for \"" << results.suggestion
            << "\".\n";
    }
    const std::string& shown = results.corrected ? results.suggestion : query;
    if (results.hits.empty()) {
        out << "No records match";
        if (!shown.empty()) out << " \"" << shown << "\"";
        out << ".\n";
    } else {
        out << "Results " << request.offset + 1 << "–" << request.offset + results.hits.size()
            << " of about " << results.total_estimate;
        if (!shown.empty()) out << " for \"" << shown << "\"";
        if (results.relaxed) out << " (no record has every word; showing records with some)";
        out << ":\n";
    }
    if (!results.corrected && !results.suggestion.empty()) {
        out << "Did you mean: " << results.suggestion << "\n";
    }
    for (const auto& hit : results.hits) {
        const Record& r = hit.record;
        out << '\n'
            << std::setw(3) << hit.rank << ". " << r.id << "  " << to_string(r.type) << "  "
            << r.year;
        if (!r.countries.empty()) out << "  " << join(r.countries, ", ");
        out << '\n' << "     " << headline(r) << '\n';
        if (!hit.snippet.empty()) out << "     " << unescape_html(hit.snippet) << '\n';
    }
    if (!results.facets.empty()) {
        out << "\nFacets over all " << results.total_estimate << " matches:\n";
        for (const char* name : {"topic", "country", "year", "type", "language"}) {
            const auto found = results.facets.find(name);
            if (found == results.facets.end() || found->second.empty()) continue;
            out << "  " << name << ": ";
            bool first = true;
            for (const auto& facet : found->second) {
                out << (first ? "" : ", ") << facet.value << " (" << facet.count << ")";
                first = false;
            }
            out << '\n';
        }
    }
}

void print_explanation(std::ostream& out, const QueryExplanation& e) {
    out << "Query understood as:\n";
    out << "  normalised: " << e.normalized_query << '\n';
    out << "  languages: " << (e.languages.empty() ? "(none)" : join(e.languages, ", ")) << '\n';
    for (const auto& reading : e.readings) {
        out << "  reading " << reading.language << ": " << join(reading.terms, " ") << '\n';
    }
    for (const auto& expansion : e.expansions) out << "  expansion " << expansion << '\n';
    if (!e.correction.empty()) out << "  spelling correction: " << e.correction << '\n';
    for (const auto& filter : e.filters) out << "  filter " << filter << '\n';
    out << "  xapian: " << e.xapian_query << '\n';
}

void print_json(std::ostream& out, const std::string& query, const SearchRequest& request,
                const SearchResults& results) {
    json j;
    j["version"] = 1;
    j["query"] = query;
    j["offset"] = request.offset;
    j["limit"] = request.limit;
    j["total_estimate"] = results.total_estimate;
    j["relaxed"] = results.relaxed;
    j["suggestion"] = results.suggestion.empty() ? json(nullptr) : json(results.suggestion);
    j["corrected"] = results.corrected;
    json hits = json::array();
    for (const auto& hit : results.hits) {
        json h = record_json(hit.record);
        h["rank"] = hit.rank;
        h["score"] = hit.score;
        h["snippet"] = hit.snippet;
        hits.push_back(std::move(h));
    }
    j["results"] = std::move(hits);
    if (request.facets) {
        json facets = json::object();
        for (const auto& [name, counts] : results.facets) {
            json list = json::array();
            for (const auto& facet : counts) {
                json entry = {{"value", facet.value}, {"count", facet.count}};
                if (name == "topic") entry["label"] = topic_label(facet.value, "en");
                if (name == "country") entry["label"] = country_name(facet.value, "en");
                list.push_back(std::move(entry));
            }
            facets[name] = std::move(list);
        }
        j["facets"] = std::move(facets);
    }
    if (results.explanation) {
        const QueryExplanation& e = *results.explanation;
        json readings = json::array();
        for (const auto& reading : e.readings) {
            readings.push_back(
                {{"language", reading.language}, {"text", reading.text}, {"terms", reading.terms}});
        }
        j["explanation"] = {{"normalized_query", e.normalized_query},
                            {"languages", e.languages},
                            {"readings", readings},
                            {"expansions", e.expansions},
                            {"correction", e.correction},
                            {"filters", e.filters},
                            {"xapian_query", e.xapian_query}};
    }
    out << j.dump(2) << '\n';
}

void print_record_human(std::ostream& out, const Record& r) {
    out << r.id << "  " << to_string(r.type) << "  " << r.date << "  [" << r.language << "]\n";
    if (r.type == RecordType::study) {
        for (const auto& t : r.titles) out << "Title (" << t.lang << "): " << t.text << '\n';
        for (const auto& a : r.authors) {
            out << "Author: " << a.name;
            if (!a.affiliation.empty()) out << ", " << a.affiliation;
            if (!a.country.empty()) out << " (" << a.country << ")";
            out << '\n';
        }
        if (!r.publisher.empty()) out << "Publisher: " << r.publisher << '\n';
        if (!r.series.empty()) out << "Series: " << r.series << '\n';
        for (const auto& link : r.links) out << "Link: " << link << '\n';
    } else {
        out << "Speaker: " << r.speaker.name;
        if (!r.speaker.role.empty()) out << ", " << r.speaker.role;
        if (!r.speaker.affiliation.empty()) out << ", " << r.speaker.affiliation;
        if (!r.speaker.country.empty()) out << " (" << r.speaker.country << ")";
        out << '\n';
        out << "Session: " << r.session_id << " (" << r.session_type << ")";
        const std::string session = pick_text(r.session_titles, r.language);
        if (!session.empty()) out << " " << session;
        out << ", speech " << r.speech_number << '\n';
        out << "Event: " << pick_text(r.event_titles, r.language) << ", " << r.event_date;
        if (!r.event_place.empty()) out << ", " << r.event_place;
        if (!r.event_organizer.empty()) out << ", " << r.event_organizer;
        out << '\n';
    }
    if (!r.topics.empty()) out << "Topics: " << join(r.topics, ", ") << '\n';
    if (!r.countries.empty()) out << "Countries: " << join(r.countries, ", ") << '\n';
    if (!r.keywords.empty()) out << "Keywords: " << join(r.keywords, "; ") << '\n';
    out << "Source: " << r.source << '\n';
    for (const auto& a : r.abstracts) out << "\nAbstract (" << a.lang << "):\n" << a.text << '\n';
    if (!r.body.empty()) out << '\n';
    for (const auto& p : r.body) {
        if (p.heading_level > 0) {
            out << '\n'
                << std::string(static_cast<std::size_t>(p.heading_level), '#') << ' ' << p.text
                << "\n\n";
        } else {
            out << p.text << "\n\n";
        }
    }
}

void print_record_json(std::ostream& out, const Record& r) {
    json j = record_json(r);
    j["version"] = 1;
    j["abstracts"] = titles_json(r.abstracts);
    json body = json::array();
    for (const auto& p : r.body) {
        body.push_back({{"lang", p.lang}, {"text", p.text}, {"heading_level", p.heading_level}});
    }
    j["body"] = std::move(body);
    j["publisher"] = r.publisher;
    j["series"] = r.series;
    j["links"] = r.links;
    out << j.dump(2) << '\n';
}

}  // namespace hubsearch::cli
