// SPDX-License-Identifier: MIT
#include "vocab/thesaurus.hpp"

#include "vocab/tsv.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace hubsearch::detail {
extern const char compiled_thesaurus_tsv[];

const Thesaurus& Thesaurus::instance() {
    static const Thesaurus thesaurus;
    return thesaurus;
}

Thesaurus::Thesaurus() {
    std::string_view data(compiled_thesaurus_tsv);
    constexpr std::string_view fingerprint_line = "#fingerprint\t";
    if (data.substr(0, fingerprint_line.size()) == fingerprint_line) {
        fingerprint_ =
            data.substr(fingerprint_line.size(), data.find('\n') - fingerprint_line.size());
    }
    std::map<std::string_view, std::size_t> index_of;
    // Rows are CONCEPT, LANG and TEXT<TAB>STEMS (thesaurus_compiler.cpp).
    for_each_tsv_row(data, [&](std::string_view id, std::string_view lang, std::string_view rest) {
        const auto tab = rest.find('\t');
        ThesaurusTerm term;
        term.lang = lang;
        term.text = rest.substr(0, tab);
        std::string_view stems = tab == std::string_view::npos ? "" : rest.substr(tab + 1);
        while (!stems.empty()) {
            const auto space = stems.find(' ');
            term.stems.emplace_back(stems.substr(0, space));
            stems = space == std::string_view::npos ? "" : stems.substr(space + 1);
        }
        if (term.stems.empty()) return;
        auto [it, added] = index_of.emplace(id, concepts_.size());
        if (added) concepts_.push_back({id, {}});
        concepts_[it->second].terms.push_back(std::move(term));
    });
}

const std::vector<Thesaurus::TermRef>& Thesaurus::terms_starting_with(std::string_view lang,
                                                                      std::string_view stem) const {
    std::call_once(indexed_, [&] {
        for (const auto& concept : concepts_) {
            for (const auto& term : concept.terms) {
                by_first_stem_[{term.lang, term.stems.front()}].push_back({&term, &concept});
            }
        }
    });
    static const std::vector<TermRef> none;
    const auto it = by_first_stem_.find({lang, stem});
    return it == by_first_stem_.end() ? none : it->second;
}

std::vector<ThesaurusMatch> Thesaurus::find(const std::vector<std::vector<std::string>>& word_forms,
                                            const std::vector<std::string>& languages) const {
    const auto has = [&](std::size_t word, std::string_view form) {
        const auto& forms = word_forms[word];
        return std::find(forms.begin(), forms.end(), form) != forms.end();
    };
    std::vector<ThesaurusMatch> matches;
    std::size_t word = 0;
    while (word < word_forms.size()) {
        ThesaurusMatch best{{}, word, 0};
        for (const auto& concept : concepts_) {
            for (const auto& term : concept.terms) {
                if (std::find(languages.begin(), languages.end(), term.lang) == languages.end())
                    continue;
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
