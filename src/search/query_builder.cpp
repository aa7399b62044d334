// SPDX-License-Identifier: MIT
#include "search/query_builder.hpp"

#include <hubsearch/error.hpp>
#include <hubsearch/vocabulary.hpp>

#include "analysis/kazakh_latin.hpp"
#include "analysis/language.hpp"
#include "analysis/normalize.hpp"
#include "analysis/text.hpp"
#include "index/schema.hpp"
#include "vocab/thesaurus.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <vector>

namespace hubsearch::detail {
namespace {

// Adapts a filter function to Xapian's FieldProcessor, for `topic:` and friends in queries.
class FilterField : public Xapian::FieldProcessor {
public:
    explicit FilterField(std::function<Xapian::Query(const std::string&)> make)
        : make_(std::move(make)) {}
    Xapian::Query operator()(const std::string& value) override {
        return make_(collapse_whitespace(value));
    }

private:
    std::function<Xapian::Query(const std::string&)> make_;
};

bool is_operator(const std::string& word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" ||
           word.rfind("NEAR", 0) == 0 || word.rfind("ADJ", 0) == 0;
}

// Splits text at whitespace, keeping the separators, and maps each token.
template <typename Map>
std::string map_tokens(const std::string& text, Map map) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto start = text.find_first_not_of(" \t\n", i);
        out.append(text, i, (start == std::string::npos ? text.size() : start) - i);
        if (start == std::string::npos) break;
        const auto end = std::min(text.find_first_of(" \t\n", start), text.size());
        out += map(text.substr(start, end - start));
        i = end;
    }
    return out;
}

// Normalises every word but the boolean operators: Xapian's parser leaves capitalised words
// unstemmed (they might be names), which loses "Оплата" against "оплаты".
std::string normalize_query(const std::string& text) {
    return map_tokens(text, [](const std::string& token) {
        return is_operator(token) ? token : normalize_text(token);
    });
}

std::vector<std::string> query_terms(const Xapian::Query& query) {
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

// Words the thesaurus expansion cannot honour: operators, phrases, groups, wildcards, +/-.
bool is_structured(const std::string& token) {
    return is_operator(token) || token.find_first_of("\"()*") != std::string::npos ||
           token.front() == '+' || token.front() == '-';
}

// Adds a reading of the query unless an earlier one is the same query: a phrase, or a word
// every stemmer leaves alone, reads the same in each language, and matching it twice costs time.
void add_reading(std::vector<Xapian::Query>& readings, Xapian::Query reading) {
    const std::string description = reading.get_description();
    for (const auto& earlier : readings) {
        if (earlier.get_description() == description) return;
    }
    readings.push_back(std::move(reading));
}

// Weight of the expansion relative to the query's own words: low enough that a record using the
// query's words ranks above one that only names the same concept in another language.
constexpr double expansion_weight = 0.8;

constexpr unsigned parser_flags = Xapian::QueryParser::FLAG_DEFAULT |
                                  Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

Xapian::Query topic_filter(const std::string& value) {
    const auto id = resolve_topic(value);
    if (!id) {
        throw Error(Errc::invalid_argument,
                    "unknown topic \"" + value + "\" (see hub-search --list-topics)");
    }
    return Xapian::Query(schema::topic + *id);
}

Xapian::Query country_filter(const std::string& value) {
    const auto code = resolve_country(value);
    // An unresolved name can still match a country kept as text at indexing time.
    return Xapian::Query(schema::country + lower_ascii(code ? *code : value));
}

Xapian::Query year_filter(const YearRange& range) {
    // A few years: the posting lists of their terms, which the match skips through. A value
    // range reads the year of every candidate instead: 8x slower for "year:2021" at 100k records.
    constexpr int max_year_terms = 16;
    if (range.from > range.to) {
        // Not Query::MatchNothing: that is the empty Query, which a filter drops as no filter.
        return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                             Xapian::Query::MatchAll);
    }
    if (static_cast<long long>(range.to) - range.from < max_year_terms) {
        std::vector<Xapian::Query> years;
        for (int year = range.from; year <= range.to; ++year) {
            years.emplace_back(schema::year + std::to_string(year));
        }
        return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_year,
                         Xapian::sortable_serialise(range.from),
                         Xapian::sortable_serialise(range.to));
}

Xapian::Query type_filter(const std::string& value) {
    return Xapian::Query(schema::type + std::string(to_string(parse_record_type(value))));
}

Xapian::Query language_filter(const std::string& value) {
    return Xapian::Query(schema::language + primary_language(value));
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Analyzer& analyzer)
    : db_(db), analyzer_(analyzer), spelling_(db), concept_terms_(schema::has_concept_terms(db)) {
    parser_.set_database(db);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    parser_.add_prefix("title", schema::title);
    parser_.add_prefix("author", schema::author);
    parser_.add_prefix("speaker", schema::speaker);
    parser_.add_prefix("session", schema::session);
    parser_.add_prefix("event", schema::event);
    parser_.add_prefix("keyword", schema::keyword);
    parser_.add_prefix("publisher", schema::publisher);
    parser_.add_prefix("affiliation", schema::affiliation);
    const auto field = [](auto make) { return (new FilterField(make))->release(); };
    parser_.add_boolean_prefix("topic", field(topic_filter));
    parser_.add_boolean_prefix("country", field(country_filter));
    parser_.add_boolean_prefix(
        "year", field([](const std::string& v) { return year_filter(parse_year_range(v)); }));
    parser_.add_boolean_prefix("type", field(type_filter));
    parser_.add_boolean_prefix("lang", field(language_filter));
}

Xapian::Query QueryBuilder::parse_one(const std::string& text, const std::string& original,
                                      const Xapian::Stem& stemmer) {
    parser_.set_stemmer(stemmer);
    try {
        return parser_.parse_query(text, parser_flags);
    } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes or brackets: read the words as words.
        try {
            return parser_.parse_query(text, 0);
        } catch (const Xapian::QueryParserError& e) {
            throw Error(Errc::query_syntax,
                        "cannot understand the query \"" + original + "\": " + e.get_msg());
        }
    }
}

BuiltQuery QueryBuilder::build(const SearchRequest& request, Xapian::Query::op default_op) {
    BuiltQuery built;
    QueryExplanation& explanation = built.explanation;
    explanation.filters = describe(request.filters);
    const std::string normalized = normalize_query(collapse_whitespace(request.query));
    explanation.normalized_query = normalized;
    if (normalized.empty()) {
        built.query = Xapian::Query::MatchAll;
        explanation.xapian_query = built.query.get_description();
        return built;
    }
    const std::vector<std::string> languages =
        request.query_language.empty()
            ? candidate_languages(normalized)
            : std::vector<std::string>{primary_language(request.query_language)};
    explanation.languages = languages;
    parser_.set_default_op(default_op);

    const Xapian::Stem no_stemming("none");
    std::vector<Xapian::Query> readings{parse_one(normalized, request.query, no_stemming)};
    explanation.correction = correct_spelling(normalized);
    explanation.readings.push_back({"exact", normalized, query_terms(readings.back())});
    built.word_count = explanation.readings.back().terms.size();
    for (const auto& lang : languages) {
        add_reading(readings, parse_one(normalized, request.query, analyzer_.stemmer(lang)));
        explanation.readings.push_back({lang, normalized, query_terms(readings.back())});
    }
    if (request.query_language.empty()) {
        const std::string cyrillic = transliterate_kazakh(request.query);
        if (!cyrillic.empty()) {
            const std::string text = normalize_query(cyrillic);
            add_reading(readings, parse_one(text, request.query, no_stemming));
            add_reading(readings, parse_one(text, request.query, analyzer_.stemmer("kk")));
            explanation.readings.push_back({"kk", text, query_terms(readings.back())});
        }
    }
    if (readings.front().empty()) {
        built.query = Xapian::Query::MatchAll;
    } else {
        built.query = Xapian::Query(Xapian::Query::OP_OR, readings.begin(), readings.end());
        if (request.expand_synonyms) {
            const Xapian::Query expansion = expand(normalized, languages, default_op, explanation);
            if (!expansion.empty()) {
                built.query = Xapian::Query(
                    Xapian::Query::OP_OR, built.query,
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, expansion_weight));
            }
        }
    }
    explanation.xapian_query = built.query.get_description();
    return built;
}

Xapian::Query QueryBuilder::concept_unit(const ThesaurusMatch& match,
                                         const std::vector<Xapian::Query>& word_queries) const {
    std::vector<Xapian::Query> alternatives;
    if (concept_terms_) {
        // The index counted every name of each concept, the query's own words included, in a
        // term of its own: one posting list per concept. Concepts that the words name together
        // have a term for the set too, with the wdf their terms' synonym would have.
        if (const ConceptSet* set = Thesaurus::instance().set_of(match.concepts)) {
            return Xapian::Query(schema::concept + std::string(set->id));
        }
        for (const ThesaurusConcept* concept : match.concepts) {
            alternatives.emplace_back(schema::concept + std::string(concept->id));
        }
    } else {
        // An index tagged by another thesaurus: the query's own words, or any term of the
        // concept's, as stems anywhere in the record.
        const auto first = word_queries.begin() + static_cast<long>(match.first_word);
        alternatives.emplace_back(Xapian::Query::OP_AND, first,
                                  first + static_cast<long>(match.word_count));
        // A name given twice (or stemming to one already given) would count its words twice.
        std::set<std::vector<std::string>> seen;
        for (const ThesaurusConcept* concept : match.concepts) {
            for (const auto& term : concept->terms) {
                std::vector<std::string> stems;
                for (const auto& stem : term.stems) stems.push_back("Z" + std::string(stem));
                if (!seen.insert(stems).second) continue;
                alternatives.emplace_back(Xapian::Query::OP_AND, stems.begin(), stems.end());
            }
        }
    }
    // One concept weighs as one word however many of its names a record uses.
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
}

std::string QueryBuilder::transliterate_kazakh(const std::string& text) const {
    // A Latin word is taken for Kazakh when its letters say so, or when the index knows
    // neither it nor its English stem: "biliktilikti" has no Kazakh-only letter, but no
    // English record has it either.
    const auto unknown = [&](const std::string& word) {
        const std::string folded = normalize_text(word);
        return !db_.term_exists(folded) && !db_.term_exists("Z" + analyzer_.stemmer("en")(folded));
    };
    bool changed = false;
    std::string out = map_tokens(text, [&](const std::string& token) {
        if (is_operator(token) || token.find(':') != std::string::npos) return token;
        const auto words = split_words(token);
        const bool kazakh = !words.empty() &&
                            std::all_of(words.begin(), words.end(),
                                        [&](const std::string& w) {
                                            return looks_like_kazakh_latin(w) || unknown(w);
                                        }) &&
                            std::any_of(words.begin(), words.end(), [](const std::string& w) {
                                return candidate_languages(w) == std::vector<std::string>{"en"};
                            });
        if (!kazakh) return token;
        changed = true;
        return kazakh_latin_to_cyrillic(token);
    });
    return changed ? out : std::string();
}

std::string QueryBuilder::correct_spelling(const std::string& normalized) const {
    bool changed = false;
    std::string corrected = map_tokens(normalized, [&](const std::string& token) {
        if (is_structured(token) || token.find(':') != std::string::npos) return token;
        const auto words = split_words(token);
        if (words.size() != 1 || words.front() != token) return token;
        std::string better = spelling_.correct_word(token);
        if (better.empty()) return token;
        changed = true;
        return better;
    });
    return changed ? corrected : std::string();
}

Xapian::Query QueryBuilder::expand(const std::string& normalized,
                                   const std::vector<std::string>& languages,
                                   Xapian::Query::op default_op, QueryExplanation& explanation) {
    // Plain words only; field filters are kept aside and applied to the expansion too.
    std::vector<std::string> words;
    std::string filter_text;
    bool structured = false;
    map_tokens(normalized, [&](const std::string& token) {
        if (is_structured(token)) {
            structured = true;
        } else if (token.find(':') != std::string::npos) {
            filter_text += token + ' ';
        } else {
            for (auto& word : split_words(token)) words.push_back(std::move(word));
        }
        return token;
    });
    if (structured || words.empty()) return Xapian::Query();

    // Each word stands for itself and for its stem in each language the query may be in.
    std::vector<std::vector<std::string>> forms(words.size());
    std::vector<Xapian::Query> word_queries;
    for (std::size_t i = 0; i < words.size(); ++i) {
        forms[i].push_back(words[i]);
        std::vector<Xapian::Query> alternatives{Xapian::Query(words[i])};
        for (const auto& lang : languages) {
            const std::string stem = analyzer_.stemmer(lang)(words[i]);
            forms[i].push_back(stem);
            alternatives.emplace_back("Z" + stem);
        }
        word_queries.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(),
                                  alternatives.end());
    }
    const auto matches = Thesaurus::instance().find(forms, languages);
    if (matches.empty()) return Xapian::Query();

    std::vector<Xapian::Query> units;
    std::size_t next = 0;
    for (const auto& match : matches) {
        for (; next < match.first_word; ++next) units.push_back(word_queries[next]);
        for (const ThesaurusConcept* concept : match.concepts) {
            std::string described = std::string(concept->id) + ":";
            for (const auto& term : concept->terms) {
                described.append(" ").append(term.text).append(" (").append(term.lang).append("),");
            }
            described.pop_back();
            explanation.expansions.push_back(described);
        }
        units.push_back(concept_unit(match, word_queries));
        next = match.first_word + match.word_count;
    }
    for (; next < words.size(); ++next) units.push_back(word_queries[next]);

    Xapian::Query expansion(default_op, units.begin(), units.end());
    if (!filter_text.empty()) {
        expansion = Xapian::Query(Xapian::Query::OP_FILTER, expansion,
                                  parse_one(filter_text, filter_text, Xapian::Stem("none")));
    }
    return expansion;
}

Xapian::Query QueryBuilder::filter(const Filters& filters) {
    std::vector<Xapian::Query> kinds;
    const auto any_of = [&](const auto& values, auto make) {
        if (values.empty()) return;
        std::vector<Xapian::Query> alternatives;
        for (const auto& value : values) alternatives.push_back(make(value));
        kinds.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    any_of(filters.topics, topic_filter);
    any_of(filters.countries, country_filter);
    any_of(filters.years, year_filter);
    any_of(filters.types,
           [](RecordType t) { return Xapian::Query(schema::type + std::string(to_string(t))); });
    any_of(filters.languages, language_filter);
    if (kinds.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, kinds.begin(), kinds.end());
}

std::vector<std::string> describe(const Filters& filters) {
    std::vector<std::string> out;
    const auto add = [&](const char* name, const std::vector<std::string>& values) {
        if (values.empty()) return;
        std::string line = std::string(name) + ":";
        for (std::size_t i = 0; i < values.size(); ++i) line += (i ? " | " : " ") + values[i];
        out.push_back(line);
    };
    std::vector<std::string> topics, countries, years, types;
    for (const auto& topic : filters.topics) topics.push_back(resolve_topic(topic).value_or(topic));
    for (const auto& country : filters.countries) {
        countries.push_back(resolve_country(country).value_or(country));
    }
    for (const auto& range : filters.years) {
        years.push_back(std::to_string(range.from) + ".." + std::to_string(range.to));
    }
    for (const auto type : filters.types) types.emplace_back(to_string(type));
    add("topic", topics);
    add("country", countries);
    add("year", years);
    add("type", types);
    add("lang", filters.languages);
    return out;
}

}  // namespace hubsearch::detail

namespace hubsearch {

YearRange parse_year_range(std::string_view text_view) {
    const std::string text(text_view);
    const auto number = [&](const std::string& part, int fallback) {
        if (part.empty()) return fallback;
        if (part.size() != 4 || part.find_first_not_of("0123456789") != std::string::npos) {
            throw Error(Errc::invalid_argument,
                        "the year \"" + text + "\" is not YYYY or YYYY..YYYY");
        }
        return std::stoi(part);
    };
    const auto dots = text.find("..");
    YearRange range;
    if (dots == std::string::npos) {
        range.from = range.to = number(text, 0);
    } else {
        range.from = number(text.substr(0, dots), 0);
        range.to = number(text.substr(dots + 2), 9999);
    }
    if (range.from > range.to) {
        throw Error(Errc::invalid_argument, "the year range \"" + text + "\" is empty");
    }
    return range;
}

RecordType parse_record_type(std::string_view text) {
    const std::string type = detail::lower_ascii(text);
    if (type == "study") return RecordType::study;
    if (type == "speech") return RecordType::speech;
    throw Error(Errc::invalid_argument,
                "unknown type \"" + std::string(text) + "\": use study or speech");
}

}  // namespace hubsearch
