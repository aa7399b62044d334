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
    // The terms come first, then the concept sets (thesaurus_compiler.cpp).
    constexpr std::string_view sets_line = "\n#sets\n";
    const auto sets_start = data.find(sets_line);
    std::string_view set_rows =
        sets_start == std::string_view::npos ? "" : data.substr(sets_start + sets_line.size());
    data = data.substr(0, sets_start);

    std::map<std::string_view, std::size_t> index_of;
    // Rows are CONCEPT, LANG and TEXT<TAB>STEMS.
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
        if (added) concepts_.push_back({id, {}, {}});
        concepts_[it->second].terms.push_back(std::move(term));
    });

    // Rows are SET-ID<TAB>MEMBER<TAB>MEMBER...
    while (!set_rows.empty()) {
        const auto end = set_rows.find('\n');
        std::string_view fields = set_rows.substr(0, end);
        set_rows = end == std::string_view::npos ? "" : set_rows.substr(end + 1);
        ConceptSet set;
        set.id = fields.substr(0, fields.find('\t'));
        while (fields.find('\t') != std::string_view::npos) {
            fields = fields.substr(fields.find('\t') + 1);
            const auto member = index_of.find(fields.substr(0, fields.find('\t')));
            if (member != index_of.end()) set.members.push_back(&concepts_[member->second]);
        }
        if (set.members.size() > 1) sets_.push_back(std::move(set));
    }
    // Linked once both vectors are complete, as they point into each other.
    for (const auto& set : sets_) {
        for (const ThesaurusConcept* member : set.members) {
            concepts_[static_cast<std::size_t>(member - concepts_.data())].sets.push_back(&set);
        }
    }
}

const ConceptSet* Thesaurus::set_of(const std::vector<const ThesaurusConcept*>& concepts) const {
    if (concepts.size() < 2) return nullptr;
    const auto is_one_of = [&](const ThesaurusConcept* member) {
        return std::find(concepts.begin(), concepts.end(), member) != concepts.end();
    };
    // Sets are few and small, and any set of these concepts has the first one as a member.
    for (const ConceptSet* set : concepts.front()->sets) {
        if (set->members.size() == concepts.size() &&
            std::all_of(set->members.begin(), set->members.end(), is_one_of)) {
            return set;
        }
    }
    return nullptr;
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
