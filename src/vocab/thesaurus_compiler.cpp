// SPDX-License-Identifier: MIT
// Build-time tool: reads data/thesaurus.tsv and data/topics.tsv and writes every term
// normalised and stemmed in its language, one per line:
//     CONCEPT<TAB>LANG<TAB>TEXT<TAB>STEM STEM...
// so that a hub-search process finds concepts without normalising and stemming ~2,500 terms at
// every start (that was half of its start-up). Topic labels become concepts "topic:ID".
// Then, after a line "#sets", the concept sets: the concepts that have a term with the same
// stems in one language, which a query naming those stems finds together (Thesaurus::find).
// One line per set of two or more concepts:
//     SET-ID<TAB>MEMBER<TAB>MEMBER...
// so that records can carry one term per set, and such a query read one posting list.
// The first line is "#fingerprint<TAB>HEX": FNV-1a of the rest, which indexes record so that
// a search knows whether their concept terms came from this thesaurus.
// Usage: thesaurus_compiler THESAURUS.tsv TOPICS.tsv OUTPUT.tsv

#include "analysis/kazakh_stemmer.hpp"
#include "analysis/normalize.hpp"
#include "fnv1a.hpp"
#include "vocab/tsv.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(std::string(path) + ": cannot read");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Xapian::Stem stemmer_for(std::string_view lang) {
    if (lang == "kk") return Xapian::Stem(new hubsearch::detail::KazakhStemmer);
    if (lang == "ru") return Xapian::Stem("russian");
    if (lang == "en") return Xapian::Stem("english");
    throw std::runtime_error("unknown thesaurus language \"" + std::string(lang) + "\"");
}

// The id of a set of concepts: its members' ids, sorted, joined by '+' (which no concept id
// has). Records carry it as a term, so an id too long for Xapian (245 bytes with the "XC"
// prefix; 240 as other terms) becomes "+" and the hash of that join.
std::string set_id(const std::set<std::string>& members) {
    std::string joined;
    for (const auto& id : members) {
        if (id.find('+') != std::string::npos) {
            throw std::runtime_error("concept id \"" + id + "\" has a '+'");
        }
        joined += (joined.empty() ? "" : "+") + id;
    }
    constexpr std::size_t max_id_bytes = 240 - 2;
    if (joined.size() <= max_id_bytes) return joined;
    std::ostringstream hashed;
    hashed << '+' << std::hex << hubsearch::detail::fnv1a(joined);
    return hashed.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: thesaurus_compiler THESAURUS.tsv TOPICS.tsv OUTPUT.tsv\n";
        return 2;
    }
    try {
        std::ostringstream out;
        // The concepts with a term of these stems, by language and stems.
        std::map<std::pair<std::string, std::string>, std::set<std::string>> concepts_named_by;
        const auto write = [&](const std::string& concept, std::string_view lang,
                               std::string_view text) {
            const std::string normalized = hubsearch::detail::normalize_text(text);
            const auto words = hubsearch::detail::split_words(normalized);
            if (words.empty()) return;
            Xapian::Stem stem = stemmer_for(lang);
            std::string stems;
            for (std::size_t i = 0; i < words.size(); ++i) stems += (i ? " " : "") + stem(words[i]);
            out << concept << '\t' << lang << '\t' << normalized << '\t' << stems << '\n';
            concepts_named_by[{std::string(lang), stems}].insert(concept);
        };
        hubsearch::detail::for_each_tsv_row(
            read_file(argv[1]), [&](std::string_view id, std::string_view lang,
                                    std::string_view text) { write(std::string(id), lang, text); });
        hubsearch::detail::for_each_tsv_row(
            read_file(argv[2]),
            [&](std::string_view id, std::string_view lang, std::string_view text) {
                write("topic:" + std::string(id), lang, text);
            });
        std::set<std::set<std::string>> sets;
        for (const auto& [named_by, concepts] : concepts_named_by) {
            if (concepts.size() > 1) sets.insert(concepts);
        }
        out << "#sets\n";
        for (const auto& members : sets) {
            out << set_id(members);
            for (const auto& id : members) out << '\t' << id;
            out << '\n';
        }
        const std::string rows = out.str();
        std::ofstream(argv[3], std::ios::binary)
            << "#fingerprint\t" << std::hex << hubsearch::detail::fnv1a(rows) << "\n"
            << rows;
    } catch (const std::exception& e) {
        std::cerr << "thesaurus_compiler: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
