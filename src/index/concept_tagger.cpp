// SPDX-License-Identifier: MIT
#include "index/concept_tagger.hpp"

#include "analysis/normalize.hpp"
#include "index/schema.hpp"
#include "vocab/thesaurus.hpp"

#include <algorithm>
#include <vector>

namespace hubsearch::detail {

const std::string& ConceptTagger::stem(const std::string& word, const std::string& lang) {
    // Keyed by language and word: one word may be Russian in one paragraph, Kazakh in another.
    auto [it, added] = stems_.try_emplace(lang + '\t' + word);
    if (added) it->second = analyzer_.stemmer(lang)(word);
    return it->second;
}

void ConceptTagger::add_text(std::string_view text, const std::string& lang,
                             Xapian::termcount weight) {
    if (text.empty() || (lang != "en" && lang != "ru" && lang != "kk")) return;
    const Thesaurus& thesaurus = Thesaurus::instance();
    // Bounded memory; cleared between texts only, as the views below point into it.
    constexpr std::size_t max_cached = 200000;
    if (stems_.size() > max_cached) stems_.clear();
    // How often each stem occurs in this text (a title, an abstract, a paragraph...).
    std::map<std::string_view, Xapian::termcount> occurrences;
    for (const auto& word : split_words(text)) ++occurrences[stem(word, lang)];
    std::map<std::string_view, Xapian::termcount> named_here;
    for (const auto& [first, first_count] : occurrences) {
        for (const auto& candidate : thesaurus.terms_starting_with(lang, first)) {
            // A term is named as often as its rarest word occurs; its words need not be
            // adjacent ("оплата труда государственных гражданских служащих").
            Xapian::termcount named = first_count;
            for (const auto& other : candidate.term->stems) {
                const auto it = occurrences.find(other);
                named = it == occurrences.end() ? 0 : std::min(named, it->second);
                if (named == 0) break;
            }
            if (named == 0) continue;
            // Several names of one concept in one text ("merit", "merit system") count once.
            auto& count = named_here[candidate.concept->id];
            count = std::max(count, named * weight);
        }
    }
    for (const auto& [id, count] : named_here) counts_[id] += count;
}

void ConceptTagger::add_terms_to(Xapian::Document& doc) {
    for (const auto& [id, count] : counts_) {
        doc.add_term(schema::concept + std::string(id), count);
    }
    counts_.clear();
}

}  // namespace hubsearch::detail
