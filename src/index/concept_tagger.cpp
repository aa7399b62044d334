// SPDX-License-Identifier: MIT
#include "index/concept_tagger.hpp"

#include "index/schema.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>

namespace hubsearch::detail {

/// The thesaurus's terms in one language, laid out for finding them in running text: every stem
/// of a word of a term has a number, so that a text's words are counted in an array.
struct LanguageTerms {
    struct Term {
        const ThesaurusConcept* concept;
        std::vector<std::uint32_t> words;  ///< The numbers of its words' stems.
    };
    std::unordered_map<std::string_view, std::uint32_t> number_of_stem;
    std::vector<std::vector<Term>> starting_with;  ///< Terms by the number of their first stem.

    explicit LanguageTerms(std::string_view lang) {
        for (const auto& concept : Thesaurus::instance().concepts()) {
            for (const auto& term : concept.terms) {
                if (term.lang != lang) continue;
                Term laid_out{&concept, {}};
                for (const auto stem : term.stems) {
                    const auto next = static_cast<std::uint32_t>(number_of_stem.size());
                    laid_out.words.push_back(number_of_stem.try_emplace(stem, next).first->second);
                }
                starting_with.resize(number_of_stem.size());
                starting_with[laid_out.words.front()].push_back(std::move(laid_out));
            }
        }
    }
};

namespace {

constexpr std::array<std::string_view, 3> tagged_languages = {"en", "ru", "kk"};

// The stem number of a word that is no term's word: most words.
constexpr std::uint32_t no_term_word = std::numeric_limits<std::uint32_t>::max();

// Calls `take` with each word of `text` (maximal runs of word characters, as split_words) as a
// view into it: the text is normalised, so valid UTF-8, and each word is its own bytes.
template <typename Take>
void for_each_word(std::string_view text, Take take) {
    const char* start = nullptr;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const bool in_word = Xapian::Unicode::is_wordchar(*it);
        if (in_word && start == nullptr) {
            start = it.raw();
        } else if (!in_word && start != nullptr) {
            take(std::string_view(start, static_cast<std::size_t>(it.raw() - start)));
            start = nullptr;
        }
    }
    if (start != nullptr) {
        take(std::string_view(start, static_cast<std::size_t>(text.data() + text.size() - start)));
    }
}

}  // namespace

std::uint32_t ConceptTagger::stem_number(Language& language, std::string_view word) {
    key_.assign(word.data(), word.size());
    const auto [it, added] = language.stem_number_of_word.try_emplace(key_, no_term_word);
    if (added) {
        const auto& numbers = language.terms->number_of_stem;
        const auto found = numbers.find((*language.stemmer)(key_));
        if (found != numbers.end()) it->second = found->second;
    }
    return it->second;
}

void ConceptTagger::add_text(std::string_view text, const std::string& lang,
                             Xapian::termcount weight) {
    const auto known = std::find(tagged_languages.begin(), tagged_languages.end(), lang);
    if (text.empty() || known == tagged_languages.end()) return;
    const auto index = static_cast<std::size_t>(std::distance(tagged_languages.begin(), known));
    Language& language = languages_[index];
    // Bounded memory: about 100 bytes a word.
    constexpr std::size_t max_cached = 100000;
    if (language.terms == nullptr) {
        // Laid out once, on first use, for every tagger (a function-local static is thread-safe).
        static const std::array<LanguageTerms, 3> terms = {LanguageTerms(tagged_languages[0]),
                                                           LanguageTerms(tagged_languages[1]),
                                                           LanguageTerms(tagged_languages[2])};
        language.terms = &terms[index];
        language.stemmer = &analyzer_.stemmer(lang);
        language.occurrences.assign(language.terms->number_of_stem.size(), 0);
    }
    if (language.stem_number_of_word.size() > max_cached) language.stem_number_of_word.clear();

    // How often each term word occurs in this text (a title, an abstract, a paragraph...).
    for_each_word(text, [&](std::string_view word) {
        const std::uint32_t number = stem_number(language, word);
        if (number == no_term_word) return;
        if (language.occurrences[number]++ == 0) language.occurring.push_back(number);
    });
    named_here_.clear();
    for (const std::uint32_t first : language.occurring) {
        for (const auto& term : language.terms->starting_with[first]) {
            // A term is named as often as its rarest word occurs; its words need not be
            // adjacent ("оплата труда государственных гражданских служащих").
            Xapian::termcount named = language.occurrences[first];
            for (const std::uint32_t word : term.words) {
                named = std::min(named, language.occurrences[word]);
            }
            if (named == 0) continue;
            // Several names of one concept in one text ("merit", "merit system") count once.
            const auto same = std::find_if(named_here_.begin(), named_here_.end(),
                                           [&](const auto& n) { return n.first == term.concept; });
            if (same == named_here_.end()) {
                named_here_.emplace_back(term.concept, named * weight);
            } else {
                same->second = std::max(same->second, named * weight);
            }
        }
    }
    for (const std::uint32_t number : language.occurring) language.occurrences[number] = 0;
    language.occurring.clear();
    for (const auto& [concept, count] : named_here_) counts_[concept] += count;
}

Xapian::termcount ConceptTagger::add_terms_to(Xapian::Document& doc) {
    std::map<const ConceptSet*, Xapian::termcount> set_counts;
    for (const auto& [concept, count] : counts_) {
        doc.add_term(schema::concept + std::string(concept->id), count);
        // A set's wdf is its members' summed, as OP_SYNONYM of their terms would give it.
        for (const ConceptSet* set : concept->sets) set_counts[set] += count;
    }
    Xapian::termcount set_wdf = 0;
    for (const auto& [set, count] : set_counts) {
        doc.add_term(schema::concept + std::string(set->id), count);
        set_wdf += count;
    }
    counts_.clear();
    return set_wdf;
}

}  // namespace hubsearch::detail
