// SPDX-License-Identifier: MIT
#include "index/document_builder.hpp"

#include <hubsearch/vocabulary.hpp>

#include "analysis/language.hpp"
#include "analysis/normalize.hpp"
#include "analysis/text.hpp"
#include "index/record_codec.hpp"
#include "index/schema.hpp"

#include <cstdint>
#include <functional>
#include <limits>

namespace hubsearch::detail {
namespace {

// Field weights: a word in a title says more about a record than one in its body.
constexpr Xapian::termcount title_weight = 3;
constexpr Xapian::termcount abstract_weight = 2;
constexpr Xapian::termcount body_weight = 1;

// Xapian rejects terms over 245 bytes; the longest prefix is 8 bytes.
constexpr unsigned max_word_bytes = 200;

// A boolean term, its value cut to fit Xapian's term length limit.
std::string boolean_term(const char* prefix, std::string_view value) {
    std::string term = prefix + std::string(value);
    if (term.size() > 240) term.resize(240);
    return term;
}

// Pads `doc`, whose concept set terms add up to `set_wdf`, to schema::length_scale times its
// length without them. A record whose set terms are longer than that stays unpadded, a little
// longer than scaled.
void scale_length(Xapian::Document& doc, Xapian::termcount set_wdf) {
    Xapian::termcount length = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) length += it.get_wdf();
    const std::uint64_t scaled = std::uint64_t{length - set_wdf} * schema::length_scale;
    if (scaled > length && scaled <= std::numeric_limits<Xapian::termcount>::max()) {
        doc.add_term(schema::length_padding, static_cast<Xapian::termcount>(scaled - length));
    }
}

}  // namespace

std::string record_term(std::string_view id) { return boolean_term(schema::id, id); }

std::string document_term(std::string_view document_id) {
    return boolean_term(schema::document, document_id);
}

std::string source_term(const std::string& source_key) {
    std::string term = std::string(schema::source) + source_key;
    if (term.size() > 240) {
        // Long paths are hashed so the term stays within Xapian's limit.
        term = std::string(schema::source) + "#" +
               std::to_string(std::hash<std::string>{}(source_key));
    }
    return term;
}

std::string facet_value(const Record& record) {
    namespace letter = schema::facet_letter;
    std::string packed;
    const auto add = [&](char facet, std::string_view value) {
        if (value.empty()) return;
        if (!packed.empty()) packed += '\n';
        packed += facet;
        // A line break inside a value would split it in two.
        for (const char c : value) packed += c == '\n' ? ' ' : c;
    };
    if (record.year > 0) add(letter::year, std::to_string(record.year));
    add(letter::type, to_string(record.type));
    for (const auto& topic : record.topics) add(letter::topic, topic);
    for (const auto& country : record.countries) add(letter::country, country);
    for (const auto& language : record.languages) add(letter::language, language);
    return packed;
}

DocumentBuilder::DocumentBuilder(const Analyzer& analyzer)
    : analyzer_(analyzer), tagger_(analyzer) {
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator_.set_max_word_length(max_word_bytes);
}

void DocumentBuilder::index(const std::string& text, const std::string& lang,
                            Xapian::termcount weight, const char* prefix, Positions positions) {
    if (text.empty()) return;
    generator_.set_stemmer(analyzer_.stemmer(lang));
    const std::string normalized = normalize_text(text);
    if (positions == Positions::without) {
        generator_.index_text_without_positions(normalized, weight, prefix);
    } else {
        generator_.index_text(normalized, weight, prefix);
    }
    // Concepts are named in the record's own text, not in a field's copy of it.
    if (*prefix == '\0') tagger_.add_text(normalized, lang, weight);
    // A gap keeps phrases from matching across fields and paragraphs.
    generator_.increase_termpos(10);
}

Xapian::Document DocumentBuilder::build(const Record& record, const std::string& source_key) {
    Xapian::Document doc;
    generator_.set_document(doc);
    const std::string& lang = record.language;

    for (const auto& title : record.titles) {
        index(title.text, title.lang, title_weight);
        index(title.text, title.lang, 1, schema::title);
    }
    for (const auto& abstract : record.abstracts)
        index(abstract.text, abstract.lang, abstract_weight);
    for (const auto& paragraph : record.body) {
        index(paragraph.text, paragraph.lang,
              paragraph.heading_level > 0 ? abstract_weight : body_weight);
    }
    for (const auto& author : record.authors) {
        index(author.name, lang, 1);
        index(author.name, lang, 1, schema::author);
        index(author.affiliation, lang, 1, schema::affiliation);
    }
    for (const auto& keyword : record.keywords) {
        index(keyword, detect_language(keyword), 1);
        index(keyword, detect_language(keyword), 1, schema::keyword);
    }
    index(record.publisher, lang, 1, schema::publisher);
    index(record.series, lang, 1, schema::publisher);

    if (record.type == RecordType::speech) {
        const Person& speaker = record.speaker;
        index(speaker.name, lang, 1);
        index(speaker.name, lang, 1, schema::speaker);
        index(speaker.affiliation, lang, 1, schema::affiliation);
        index(speaker.affiliation, lang, 1);
        for (const auto& title : record.session_titles) {
            index(title.text, title.lang, 1);
            index(title.text, title.lang, 1, schema::session);
        }
        index(record.session_id, "", 1, schema::session);
        for (const auto& title : record.event_titles)
            index(title.text, title.lang, 1, schema::event);
        index(record.event_place, lang, 1, schema::event);
        index(record.event_organizer, lang, 1, schema::event);
    }
    // Topic labels and country names in all three languages make "pay" find a study filed under
    // remuneration and "Korea" one that covers KR, whatever language the text is in.
    // They are not the record's own words, so no phrase needs their positions.
    for (const auto& topic : record.topics) {
        for (const char* label_lang : {"en", "ru", "kk"}) {
            index(topic_label(topic, label_lang), label_lang, 1, "", Positions::without);
        }
    }
    for (const auto& country : record.countries) {
        for (const char* name_lang : {"en", "ru", "kk"}) {
            index(country_name(country, name_lang), name_lang, 1, "", Positions::without);
        }
    }

    doc.add_boolean_term(record_term(record.id));
    doc.add_boolean_term(document_term(record.document_id));
    doc.add_boolean_term(source_term(source_key));
    doc.add_boolean_term(std::string(schema::type) + to_string(record.type));
    doc.add_boolean_term(std::string(schema::year) + std::to_string(record.year));
    for (const auto& topic : record.topics)
        doc.add_boolean_term(boolean_term(schema::topic, topic));
    for (const auto& country : record.countries) {
        doc.add_boolean_term(boolean_term(schema::country, lower_ascii(country)));
    }
    for (const auto& language : record.languages) {
        doc.add_boolean_term(boolean_term(schema::language, language));
    }

    doc.add_value(schema::slot_year, Xapian::sortable_serialise(record.year));
    doc.add_value(schema::slot_date, record.date);
    doc.add_value(schema::slot_facets, facet_value(record));
    scale_length(doc, tagger_.add_terms_to(doc));
    doc.set_data(encode_record(record));
    // The generator holds a reference to the document, and reference counts are not atomic:
    // drop it here, so that the writer thread owns the document alone.
    generator_.set_document(Xapian::Document());
    return doc;
}

}  // namespace hubsearch::detail
