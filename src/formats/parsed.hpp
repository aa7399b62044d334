// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/record.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace hubsearch::detail {

/// The records of one document: a study, or a transcript with its speeches.
struct ParsedDocument {
    std::string document_id;      ///< The study or transcript id.
    std::vector<Record> records;  ///< One per study, one per speech.
};

/// Everything one input file holds, in any format.
struct ParsedInput {
    std::vector<ParsedDocument> documents;  ///< Documents to add or replace.
    /// Documents the input says are gone (an OAI-PMH deleted record).
    std::vector<std::string> deleted_document_ids;
    /// Other files read on the input's behalf (a PDF's sidecar, xi:included TEI files). The
    /// index hashes them with the input, so that a change to one of them re-indexes it.
    std::vector<std::filesystem::path> files_read;
};

/// Limits that keep hostile input from exhausting memory or the stack (see IndexOptions).
struct ReaderLimits {
    std::size_t max_nesting_depth = 200;                   ///< Deeper nesting rejects the file.
    std::size_t max_record_bytes = std::size_t{64} << 20;  ///< Longer record text rejects it.
    /// Larger files read on an input's behalf (xi:included TEI files, a PDF's sidecar) reject it.
    std::size_t max_file_bytes = std::size_t{256} << 20;
};

}  // namespace hubsearch::detail
