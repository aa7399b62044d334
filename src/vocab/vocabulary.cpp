// SPDX-License-Identifier: MIT
#include <hubsearch/vocabulary.hpp>

#include "analysis/case_fold.hpp"
#include "analysis/text.hpp"
#include "vocab/tsv.hpp"

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
        detail::for_each_tsv_row(
            tsv, [&](std::string_view key, std::string_view lang, std::string_view name) {
                const std::string id(key);
                keys_.emplace(lookup_key(id), id);
                keys_.emplace(lookup_key(name), id);
                // The first name per language is the display name.
                names_[id].emplace(std::string(lang), std::string(name));
            });
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
