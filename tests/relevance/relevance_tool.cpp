// SPDX-License-Identifier: MIT
// hub-relevance: indexes the corpus and prints nDCG@10, MRR and success@1 per phenomenon, for
// the multilingual analysis and for the single-language baseline, as a markdown table.
// Usage: hub-relevance [--trace] [CORPUS-DIR [JUDGEMENTS-DIR]]
// --trace prints each query's nDCG@10 and first three results (multilingual analysis).
#include "evaluate.hpp"

#include <cstdio>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    const bool trace = argc > 1 && std::string(argv[1]) == "--trace";
    if (trace) --argc, ++argv;
    const std::filesystem::path corpus = argc > 1 ? argv[1] : HUBSEARCH_CORPUS_DIR;
    const std::filesystem::path judged =
        argc > 2 ? argv[2] : std::filesystem::path(HUBSEARCH_TEST_DATA_DIR) / ".." / "relevance";
    const auto db =
        std::filesystem::temp_directory_path() / ("hub-relevance-" + std::to_string(::getpid()));
    try {
        {
            hubsearch::Index index(db);
            index.add_path(corpus);
        }
        const hubsearch::Searcher searcher(db);
        const auto judgements = relevance::load(judged);
        const auto full = relevance::evaluate(searcher, judgements, relevance::Mode::multilingual,
                                              trace ? &std::cout : nullptr);
        const auto base =
            relevance::evaluate(searcher, judgements, relevance::Mode::single_language);
        std::cout << "| phenomenon | queries | nDCG@10 | MRR | success@1 | baseline nDCG@10 | "
                     "baseline MRR | baseline success@1 |\n|---|---|---|---|---|---|---|---|\n";
        for (const auto& [name, m] : full) {
            const auto& b = base.at(name);
            char line[256];
            std::snprintf(line, sizeof line,
                          "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name.c_str(),
                          m.queries, m.ndcg10, m.mrr, m.success1, b.ndcg10, b.mrr, b.success1);
            std::cout << line;
        }
    } catch (const std::exception& e) {
        std::cerr << "hub-relevance: " << e.what() << '\n';
        std::filesystem::remove_all(db);
        return 1;
    }
    std::filesystem::remove_all(db);
    return 0;
}
