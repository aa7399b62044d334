// SPDX-License-Identifier: MIT
#include <hubsearch/record.hpp>
#include <hubsearch/version.hpp>

namespace hubsearch {

const char* to_string(RecordType type) noexcept {
    return type == RecordType::study ? "study" : "speech";
}

std::string pick_text(const std::vector<LocalizedText>& texts, const std::string& lang) {
    for (const auto& text : texts) {
        if (text.lang == lang) return text.text;
    }
    return texts.empty() ? std::string() : texts.front().text;
}

const char* version() noexcept { return HUBSEARCH_VERSION_STRING; }

}  // namespace hubsearch
