// SPDX-License-Identifier: MIT
#include <hubsearch/vocabulary.hpp>

#include "analysis/case_fold.hpp"
#include "analysis/text.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace hubsearch::detail {
extern const char topics_tsv[];
extern const char countries_tsv[];
}  // namespace hubsearch::detail

namespace hubsearch {
namespace {

// Lookup key: case-folded (ё→е included), hyphens and underscores as spaces, whitespace
// collapsed, so "Anti-Corruption" and "anti corruption" meet.
std::string lookup_key(std::string_view value) {
    std::string folded = detail::fold_case(value);
    for (char& c : folded) {
        if (c == '-' || c == '_' || c == '.' || c == ',') c = ' ';
    }
    return detail::collapse_whitespace(folded);
}

// One of the two vocabularies: a canonical id with display names per language, and a map
// from every lookup key (ids included) to the id.
class Vocabulary {
public:
    explicit Vocabulary(const char* tsv) {
        std::string_view rest(tsv);
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line.front() == '#') continue;
            const auto tab1 = line.find('\t');
            const auto tab2 = line.find('\t', tab1 + 1);
            if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) continue;
            std::string id(line.substr(0, tab1));
            std::string lang(line.substr(tab1 + 1, tab2 - tab1 - 1));
            std::string name(line.substr(tab2 + 1));
            keys_.emplace(lookup_key(id), id);
            keys_.emplace(lookup_key(name), id);
            auto& names = names_[id];
            names.emplace(lang, name);  // the first name per language is the display name
        }
    }

    std::optional<std::string> resolve(std::string_view value) const {
        const auto it = keys_.find(lookup_key(value));
        if (it == keys_.end()) return std::nullopt;
        return it->second;
    }

    std::string name(std::string_view id, std::string_view lang) const {
        const auto it = names_.find(std::string(id));
        if (it == names_.end()) return std::string(id);
        for (const auto& wanted : {std::string(lang), std::string("en")}) {
            const auto found = it->second.find(wanted);
            if (found != it->second.end()) return found->second;
        }
        return std::string(id);
    }

private:
    std::unordered_map<std::string, std::string> keys_;
    std::map<std::string, std::map<std::string, std::string>> names_;
};

const Vocabulary& topics() {
    static const Vocabulary vocabulary(detail::topics_tsv);
    return vocabulary;
}

const Vocabulary& countries() {
    static const Vocabulary vocabulary(detail::countries_tsv);
    return vocabulary;
}

}  // namespace

std::optional<std::string> resolve_topic(std::string_view value) { return topics().resolve(value); }

std::optional<std::string> resolve_country(std::string_view value) {
    return countries().resolve(value);
}

std::string topic_label(std::string_view id, std::string_view lang) {
    return topics().name(id, lang);
}

std::string country_name(std::string_view code, std::string_view lang) {
    return countries().name(code, lang);
}

}  // namespace hubsearch
