// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/export.hpp>

#include <string>
#include <vector>

namespace hubsearch {

/// The two kinds of searchable record.
enum class RecordType {
    study,   ///< A research study: one record per study document.
    speech,  ///< One speech of a conference transcript.
};

/// A piece of text and the language it is written in.
struct LocalizedText {
    std::string lang;  ///< BCP-47 language ("ru", "kk", "en"), possibly detected.
    std::string text;  ///< UTF-8 text, whitespace collapsed.
};

/// A paragraph of body text, or a section heading.
struct Paragraph {
    std::string lang;   ///< Language of the paragraph.
    std::string text;   ///< UTF-8 text, whitespace collapsed.
    int heading_level;  ///< 0 for a paragraph; 1, 2, ... for a section title at that depth.
};

/// A person: a study's author or a speech's speaker.
struct Person {
    std::string name;         ///< As written in the source.
    std::string country;      ///< ISO 3166-1 alpha-2 code, or the source text when unresolved.
    std::string affiliation;  ///< Organisation, or empty.
    std::string role;         ///< Role at the event ("moderator"), or empty.
};

/// One searchable record with everything shown to a user. A plain value.
///
/// Study fields are empty for a speech and speech fields empty for a study.
struct Record {
    std::string id;  ///< Stable identifier: study id, or TRANSCRIPT/SESSION/N.
    RecordType type = RecordType::study;
    std::string document_id;             ///< The study or transcript id this record comes from.
    std::string source;                  ///< The file it was indexed from, as given to the indexer.
    std::string date;                    ///< YYYY, YYYY-MM or YYYY-MM-DD.
    int year = 0;                        ///< The year facet.
    std::string language;                ///< Main language: the document's `lang`, else detected.
    std::vector<std::string> languages;  ///< Every language the record's texts are in.
    std::vector<std::string> topics;     ///< Topic ids (see vocabulary.hpp).
    std::vector<std::string> countries;  ///< Country facet: ISO codes (unresolved names kept).
    std::vector<std::string> keywords;   ///< Keywords, plus topic values that resolved to no id.
    std::vector<LocalizedText> titles;   ///< Study titles, one per language.
    std::vector<LocalizedText> abstracts;  ///< Study abstracts, one per language.
    std::vector<Paragraph> body;           ///< Study sections or speech paragraphs, in order.

    // Study metadata.
    std::vector<Person> authors;     ///< Study authors in order.
    std::string publisher;           ///< Publisher, or empty.
    std::string series;              ///< Series, or empty.
    std::vector<std::string> links;  ///< URLs.

    // Speech context.
    Person speaker;            ///< Who spoke.
    int speech_number = 0;     ///< N in TRANSCRIPT/SESSION/N, from 1.
    std::string session_id;    ///< Session id within the transcript.
    std::string session_type;  ///< plenary, panel, roundtable, seminar, workshop, other.
    std::vector<LocalizedText> session_titles;  ///< Session titles.
    std::vector<LocalizedText> event_titles;    ///< Event titles.
    std::string event_date;                     ///< First day of the event.
    std::string event_place;                    ///< Place, or empty.
    std::string event_organizer;                ///< Organizer, or empty.
};

/// Returns "study" or "speech".
HUBSEARCH_EXPORT const char* to_string(RecordType type) noexcept;

/// Returns the title in `lang` if there is one, else the first title, else "".
/// For a speech with no title of its own, use the speaker and session instead.
HUBSEARCH_EXPORT std::string pick_text(const std::vector<LocalizedText>& texts,
                                       const std::string& lang);

}  // namespace hubsearch
