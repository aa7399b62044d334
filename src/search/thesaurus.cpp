// SPDX-License-Identifier: MIT
#include "search/thesaurus.hpp"

#include "analysis/kazakh_stemmer.hpp"
#include "analysis/normalize.hpp"
#include "vocab/tsv.hpp"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <string_view>

namespace hubsearch::detail {
extern const char thesaurus_tsv[];
extern const char topics_tsv[];

const Thesaurus& Thesaurus::instance() {
    static const Thesaurus thesaurus;
    return thesaurus;
}

Thesaurus::Thesaurus() {
    std::map<std::string, std::size_t> index_of;
    const auto add = [&](const std::string& id, std::string_view lang, std::string_view text) {
        ThesaurusTerm term;
        term.lang = std::string(lang);
        term.text = normalize_text(text);
        term.words = split_words(term.text);
        if (term.words.empty()) return;
        auto [it, added] = index_of.emplace(id, concepts_.size());
        if (added) concepts_.push_back({id, {}});
        concepts_[it->second].terms.push_back(std::move(term));
    };
    for_each_tsv_row(thesaurus_tsv,
                     [&](std::string_view id, std::string_view lang, std::string_view text) {
                         add(std::string(id), lang, text);
                     });
    for_each_tsv_row(topics_tsv,
                     [&](std::string_view id, std::string_view lang, std::string_view text) {
                         add("topic:" + std::string(id), lang, text);
                     });
}

bool Thesaurus::prepare(const std::string& lang) const {
    for (std::size_t i = 0; i < languages_.size(); ++i) {
        if (lang != languages_[i]) continue;
        std::call_once(prepared_[i], [&] {
            // An own stemmer: Xapian::Stem objects must not be shared between threads.
            Xapian::Stem stemmer = lang == "kk"
                                       ? Xapian::Stem(new KazakhStemmer)
                                       : Xapian::Stem(lang == "ru" ? "russian" : "english");
            for (auto& concept : concepts_) {
                for (auto& term : concept.terms) {
                    if (term.lang != lang) continue;
                    for (const auto& word : term.words) term.stems.push_back(stemmer(word));
                }
            }
        });
        return true;
    }
    return false;
}

std::vector<ThesaurusMatch> Thesaurus::find(const std::vector<std::vector<std::string>>& word_forms,
                                            const std::vector<std::string>& languages) const {
    std::vector<std::string> usable;
    for (const auto& lang : languages) {
        if (prepare(lang)) usable.push_back(lang);
    }
    const auto has = [&](std::size_t word, const std::string& form) {
        const auto& forms = word_forms[word];
        return std::find(forms.begin(), forms.end(), form) != forms.end();
    };
    std::vector<ThesaurusMatch> matches;
    std::size_t word = 0;
    while (word < word_forms.size()) {
        ThesaurusMatch best{{}, word, 0};
        for (const auto& concept : concepts_) {
            for (const auto& term : concept.terms) {
                if (std::find(usable.begin(), usable.end(), term.lang) == usable.end()) continue;
                const std::size_t length = term.stems.size();
                if (length == 0 || length < best.word_count || word + length > word_forms.size()) {
                    continue;
                }
                bool all = true;
                for (std::size_t k = 0; k < length && all; ++k) all = has(word + k, term.stems[k]);
                if (!all) continue;
                if (length > best.word_count) {
                    best.concepts.clear();
                    best.word_count = length;
                }
                if (best.concepts.empty() || best.concepts.back() != &concept) {
                    best.concepts.push_back(&concept);
                }
            }
        }
        if (!best.concepts.empty()) {
            word += best.word_count;
            matches.push_back(std::move(best));
        } else {
            ++word;
        }
    }
    return matches;
}

}  // namespace hubsearch::detail
