// SPDX-License-Identifier: MIT
#include "formats/read_input.hpp"

#include "xml/hub_xml_reader.hpp"
#include "xml/xml_input.hpp"

namespace hubsearch::detail {

ParsedInput read_input(std::string_view bytes, const std::filesystem::path& path,
                       std::vector<Diagnostic>& warnings, const ReaderLimits& limits,
                       InputFormat format) {
    if (format != InputFormat::automatic && format != InputFormat::hub_xml) {
        throw InputError("this format is not supported yet", 0, 0);
    }
    const XmlDocument xml(decode_xml(bytes));
    if (!is_hub_xml(xml.root())) {
        const auto [line, column] = xml.position(xml.root());
        throw InputError("the root element <" + std::string(xml.root().name()) +
                             "> is neither <study> nor <transcript>",
                         line, column);
    }
    ParsedInput input;
    input.documents.push_back(read_hub_xml(xml, path.string(), warnings, limits));
    return input;
}

}  // namespace hubsearch::detail
