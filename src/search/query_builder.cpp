// SPDX-License-Identifier: MIT
#include "search/query_builder.hpp"

#include <hubsearch/error.hpp>
#include <hubsearch/vocabulary.hpp>

#include "analysis/case_fold.hpp"
#include "analysis/language.hpp"
#include "analysis/text.hpp"
#include "index/schema.hpp"

#include <functional>
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

// Folds the case of every word but the boolean operators: Xapian's parser leaves capitalised
// words unstemmed (they might be names), which loses "Оплата" against "оплаты".
std::string fold_query_case(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto start = text.find_first_not_of(" \t\n", i);
        out.append(text, i, (start == std::string::npos ? text.size() : start) - i);
        if (start == std::string::npos) break;
        const auto end = std::min(text.find_first_of(" \t\n", start), text.size());
        const std::string word = text.substr(start, end - start);
        out += is_operator(word) ? word : fold_case(word);
        i = end;
    }
    return out;
}

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
    : analyzer_(analyzer) {
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

Xapian::Query QueryBuilder::parse_one(const std::string& folded, const std::string& original,
                                      const Xapian::Stem& stemmer) {
    parser_.set_stemmer(stemmer);
    try {
        return parser_.parse_query(folded, parser_flags);
    } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes or brackets: read the words as words.
        try {
            return parser_.parse_query(folded, 0);
        } catch (const Xapian::QueryParserError& e) {
            throw Error(Errc::query_syntax,
                        "cannot understand the query \"" + original + "\": " + e.get_msg());
        }
    }
}

Xapian::Query QueryBuilder::parse(const std::string& text, Xapian::Query::op default_op,
                                  const std::vector<std::string>& languages) {
    term_count_ = 0;
    const std::string folded = fold_query_case(collapse_whitespace(text));
    if (folded.empty()) return Xapian::Query::MatchAll;
    parser_.set_default_op(default_op);
    std::vector<Xapian::Query> readings{parse_one(folded, text, Xapian::Stem("none"))};
    for (const auto& lang : languages) {
        readings.push_back(parse_one(folded, text, analyzer_.stemmer(lang)));
    }
    Xapian::Query query(Xapian::Query::OP_OR, readings.begin(), readings.end());
    for (auto it = readings.front().get_unique_terms_begin();
         it != readings.front().get_unique_terms_end(); ++it) {
        ++term_count_;
    }
    if (readings.front().empty()) return Xapian::Query::MatchAll;
    return query;
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
