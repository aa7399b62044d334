// SPDX-License-Identifier: MIT
#pragma once

// The one place that fixes how records are stored in Xapian: term prefixes, value slots and
// metadata keys. docs/term-prefixes.md documents the same table for other tools.

#include <xapian.h>

#include <filesystem>

namespace hubsearch::detail::schema {

/// Bump when a change makes older indexes unreadable; Index and Searcher refuse a mismatch.
inline constexpr const char* version = "3";
inline constexpr const char* version_key = "hubsearch:schema";
/// Per source file: "hubsearch:source:" + 16 hex digits (FNV-1a of its XSRC term) holds the
/// content hash that makes indexing incremental, the source key and the path as listed, each
/// separated by '\0'. Added without a version bump: older indexes simply lack the entries.
inline constexpr const char* source_key_prefix = "hubsearch:source:";
/// The fingerprint of the thesaurus whose concepts every record's XC terms name. Set when the
/// index is created, and emptied when a library with another thesaurus writes to it: searches
/// then expand queries with the thesaurus's words instead of its concept terms.
inline constexpr const char* thesaurus_key = "hubsearch:thesaurus";

// Boolean (filter) terms. Values are stored in lower case, so no ':' is ever needed.
inline constexpr const char* id = "Q";              ///< Record id: Q + id.
inline constexpr const char* document = "XDOC";     ///< Study or transcript id of the record.
inline constexpr const char* source = "XSRC";       ///< Source file key (see source_term()).
inline constexpr const char* type = "XTYPE";        ///< study | speech.
inline constexpr const char* topic = "XTOPIC";      ///< Topic id.
inline constexpr const char* country = "XCOUNTRY";  ///< Country code, lower case.
inline constexpr const char* year = "XYEAR";        ///< Four-digit year.
inline constexpr const char* language = "L";        ///< Language code.
/// Thesaurus concept named in the text (any of its names, in any of the three languages), with
/// wdf = the weighted count of those names: "XC" + concept id (ids of topics are "topic:ID").
/// Also "XC" + the id of a concept set (ConceptSet) that has a member named, with wdf = the sum
/// of its members'.
inline constexpr const char* concept = "XC";

/// Every record's length (Xapian's: the sum of its terms' wdf) is length_scale times the length
/// it has without its concept set terms, this term's wdf making up the difference. Set terms
/// count a record's concepts again, which would lengthen records unevenly and move BM25's
/// length normalisation, hence every ranking; scaled by a power of two, BM25's length over
/// average length is the same double as without them.
inline constexpr const char* length_padding = "XLENGTH";
inline constexpr Xapian::termcount length_scale = 8;

// Free-text field prefixes, searchable as field:word.
inline constexpr const char* title = "S";           ///< title: study title
inline constexpr const char* author = "A";          ///< author: study author
inline constexpr const char* speaker = "XSPEAKER";  ///< speaker: speech speaker
inline constexpr const char* session = "XSESSION";  ///< session: session title and id
inline constexpr const char* event = "XEVENT";      ///< event: event title, place, organizer
inline constexpr const char* keyword = "K";         ///< keyword: keywords
inline constexpr const char* publisher = "XPUB";    ///< publisher: publisher and series
inline constexpr const char* affiliation = "XAFF";  ///< affiliation: author or speaker body

// Value slots.
inline constexpr Xapian::valueno slot_year = 0;  ///< sortable_serialise(year)
inline constexpr Xapian::valueno slot_date = 1;  ///< date as written, sorts as text
/// Every facet value of the record, one per line, each led by its facet's letter (see
/// facet_letter): one slot, so that counting facets reads one value per matching record.
inline constexpr Xapian::valueno slot_facets = 2;

/// The letters that lead the lines of slot_facets.
namespace facet_letter {
inline constexpr char year = 'y';
inline constexpr char type = 't';
inline constexpr char topic = 'x';
inline constexpr char country = 'c';
inline constexpr char language = 'l';
}  // namespace facet_letter

/// Throws Error(version_mismatch), saying how to rebuild, unless `db` (the index in `dir`) was
/// written with this schema version.
void check_version(const Xapian::Database& db, const std::filesystem::path& dir);

/// Records which thesaurus tags the records about to be written (thesaurus_key): this
/// library's when `db` is new, none when the index was tagged by another. Not committed.
void record_thesaurus(Xapian::WritableDatabase& db, bool created);

/// True when every record of `db` was tagged with this library's thesaurus.
bool has_concept_terms(const Xapian::Database& db);

}  // namespace hubsearch::detail::schema
