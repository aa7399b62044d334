// SPDX-License-Identifier: MIT
// libFuzzer target: one input format (HUBSEARCH_FUZZ_FORMAT) read from arbitrary bytes, and
// every record it yields turned into a Xapian document as the indexer would. A crash, a
// sanitizer report, a hang, or a term longer than Xapian accepts is a bug; InputError is the
// expected way to refuse bad bytes (a format not implemented yet refuses everything).
#include <hubsearch/index.hpp>

#include "analysis/analyzer.hpp"
#include "formats/read_input.hpp"
#include "index/document_builder.hpp"
#include "index/record_codec.hpp"
#include "xml/xml_input.hpp"

#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

// Glass refuses longer terms when the document is added: the indexer would fail on it.
constexpr std::size_t xapian_max_term_bytes = 245;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hubsearch;
    static const detail::Analyzer analyzer;
    static detail::DocumentBuilder builder(analyzer);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<Diagnostic> warnings;
    detail::ReaderLimits limits;
    limits.max_record_bytes = 1 << 20;
    try {
        const auto input = detail::read_input(bytes, "fuzz.input", warnings, limits,
                                              InputFormat::HUBSEARCH_FUZZ_FORMAT);
        for (const auto& document : input.documents) {
            for (const auto& record : document.records) {
                const Xapian::Document doc = builder.build(record, "fuzz.input");
                for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
                    if ((*term).size() > xapian_max_term_bytes) {
                        std::fprintf(stderr, "term of %zu bytes\n", (*term).size());
                        std::abort();
                    }
                }
                (void)detail::decode_record(detail::encode_record(record));
            }
        }
    } catch (const detail::InputError&) {
        // Refused with a located error: what hostile input should get.
    }
    return 0;
}
