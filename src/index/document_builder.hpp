// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/record.hpp>

#include "analysis/analyzer.hpp"
#include "index/concept_tagger.hpp"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace hubsearch::detail {

/// Turns records into Xapian documents: terms per field and language, filter terms, facet
/// values and the stored record. Not thread-safe.
class DocumentBuilder {
public:
    explicit DocumentBuilder(const Analyzer& analyzer);

    /// The document for `record`, tagged with `source_key` for replacement.
    Xapian::Document build(const Record& record, const std::string& source_key);

private:
    // Positions make phrases match; text that no phrase needs is indexed without them, which
    // makes the index smaller and faster to write.
    enum class Positions { with, without };

    void index(const std::string& text, const std::string& lang, Xapian::termcount weight,
               const char* prefix = "", Positions positions = Positions::with);

    const Analyzer& analyzer_;
    Xapian::TermGenerator generator_;
    ConceptTagger tagger_;
};

/// The unique term of the record with identifier `id`.
std::string record_term(std::string_view id);

/// The term shared by every record of the study or transcript `document_id`.
std::string document_term(std::string_view document_id);

/// The boolean term that marks every record read from the source with this key.
std::string source_term(const std::string& source_key);

/// The record's value for schema::slot_facets.
std::string facet_value(const Record& record);

}  // namespace hubsearch::detail
