// SPDX-License-Identifier: MIT
#include "formats/read_input.hpp"

#include "formats/jats_reader.hpp"
#include "formats/oai_reader.hpp"
#include "formats/pdf_reader.hpp"
#include "formats/reader_util.hpp"
#include "formats/tei_reader.hpp"
#include "xml/hub_xml_reader.hpp"
#include "xml/xml_input.hpp"

namespace hubsearch::detail {
namespace {

const char* format_name(InputFormat format) {
    switch (format) {
        case InputFormat::hub_xml:
            return "hub-XML (<study> or <transcript>)";
        case InputFormat::tei:
            return "TEI (<TEI> or <teiCorpus>)";
        case InputFormat::jats:
            return "JATS (<article> with <front>)";
        case InputFormat::oai_pmh:
            return "OAI-PMH (<OAI-PMH>)";
        case InputFormat::pdf:
            return "PDF";
        case InputFormat::automatic:
            break;
    }
    return "a supported format";
}

// The format a parsed document's root element and namespace show.
InputFormat recognise(pugi::xml_node root) {
    if (is_hub_xml(root) && namespace_of(root).empty()) return InputFormat::hub_xml;
    if (is_tei(root)) return InputFormat::tei;
    if (is_jats(root)) return InputFormat::jats;
    if (is_oai_pmh(root)) return InputFormat::oai_pmh;
    return InputFormat::automatic;
}

}  // namespace

ParsedInput read_input(std::string_view bytes, const std::filesystem::path& path,
                       std::vector<Diagnostic>& warnings, const ReaderLimits& limits,
                       InputFormat format) {
    ParsedInput input;
    if (format == InputFormat::pdf || (format == InputFormat::automatic && is_pdf(bytes))) {
        input.documents.push_back(read_pdf(bytes, path, warnings, limits));
        input.files_read.push_back(pdf_sidecar(path));  // hashed with it (incremental indexing)
        return input;
    }
    std::string detected;
    const XmlDocument xml(decode_xml(bytes, &detected));
    if (!detected.empty()) {
        warnings.push_back({{},
                            1,
                            1,
                            Severity::warning,
                            "the file declares no encoding and is not UTF-8; read as " + detected +
                                " (detected)"});
    }
    const auto root = xml.root();
    const InputFormat found = recognise(root);
    if (format == InputFormat::automatic) {
        if (found == InputFormat::automatic) {
            const auto [line, column] = xml.position(root);
            const std::string ns = namespace_of(root);
            throw InputError("not a format hubsearch reads: the root element <" +
                                 std::string(root.name()) + ">" +
                                 (ns.empty() ? std::string() : " in namespace " + ns) +
                                 " is none of hub-XML <study>/<transcript>, TEI <TEI>/"
                                 "<teiCorpus>, JATS <article> or <OAI-PMH>; skipped",
                             line, column);
        }
        format = found;
    } else if (found != format) {
        const auto [line, column] = xml.position(root);
        throw InputError("the file was to be read as " + std::string(format_name(format)) +
                             " but its root element is <" + std::string(root.name()) + ">",
                         line, column);
    }
    switch (format) {
        case InputFormat::tei:
            input.documents.push_back(read_tei(xml, path, warnings, limits));
            input.files_read = tei_included_files(xml, path);  // hashed with the corpus
            break;
        case InputFormat::jats:
            input.documents.push_back(read_jats(xml, path.string(), warnings, limits));
            break;
        case InputFormat::oai_pmh:
            return read_oai_pmh(xml, path.string(), warnings, limits);
        default:
            input.documents.push_back(read_hub_xml(xml, path.string(), warnings, limits));
            break;
    }
    return input;
}

}  // namespace hubsearch::detail
