// SPDX-License-Identifier: MIT
// Build-time tool: reads data/thesaurus.tsv and data/topics.tsv and writes every term
// normalised and stemmed in its language, one per line:
//     CONCEPT<TAB>LANG<TAB>TEXT<TAB>STEM STEM...
// so that a hub-search process finds concepts without normalising and stemming ~2,500 terms at
// every start (that was half of its start-up). Topic labels become concepts "topic:ID".
// The first line is "#fingerprint<TAB>HEX": FNV-1a of the rest, which indexes record so that
// a search knows whether their concept terms came from this thesaurus.
// Usage: thesaurus_compiler THESAURUS.tsv TOPICS.tsv OUTPUT.tsv

#include "analysis/kazakh_stemmer.hpp"
#include "analysis/normalize.hpp"
#include "vocab/tsv.hpp"

#include <xapian.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

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

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: thesaurus_compiler THESAURUS.tsv TOPICS.tsv OUTPUT.tsv\n";
        return 2;
    }
    try {
        std::ostringstream out;
        const auto write = [&](const std::string& concept, std::string_view lang,
                               std::string_view text) {
            const std::string normalized = hubsearch::detail::normalize_text(text);
            const auto words = hubsearch::detail::split_words(normalized);
            if (words.empty()) return;
            Xapian::Stem stem = stemmer_for(lang);
            out << concept << '\t' << lang << '\t' << normalized << '\t';
            for (std::size_t i = 0; i < words.size(); ++i) out << (i ? " " : "") << stem(words[i]);
            out << '\n';
        };
        hubsearch::detail::for_each_tsv_row(
            read_file(argv[1]), [&](std::string_view id, std::string_view lang,
                                    std::string_view text) { write(std::string(id), lang, text); });
        hubsearch::detail::for_each_tsv_row(
            read_file(argv[2]),
            [&](std::string_view id, std::string_view lang, std::string_view text) {
                write("topic:" + std::string(id), lang, text);
            });
        const std::string rows = out.str();
        std::uint64_t hash = 0xcbf29ce484222325u;
        for (const char c : rows) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 0x100000001b3u;
        }
        std::ofstream(argv[3], std::ios::binary) << "#fingerprint\t" << std::hex << hash << "\n"
                                                 << rows;
    } catch (const std::exception& e) {
        std::cerr << "thesaurus_compiler: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
