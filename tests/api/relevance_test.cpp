// SPDX-License-Identifier: MIT
// Search quality does not regress: nDCG@10 per phenomenon stays at or above the levels recorded
// in tests/relevance/thresholds.tsv (docs/multilingual.md reports the figures).
#include <hubsearch/hubsearch.hpp>

#include "relevance/evaluate.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

TEST_CASE("relevance on the graded judgements stays at the recorded level", "[relevance]") {
    test::TempDir dir;
    {
        hubsearch::Index index(dir / "db");
        REQUIRE(index.add_path(test::corpus_dir).files_rejected == 0);
    }
    const hubsearch::Searcher searcher(dir / "db");
    const auto judged = test::data_dir / ".." / "relevance";
    const auto judgements = relevance::load(judged);
    REQUIRE(judgements.queries.size() >= 60);
    const auto metrics = relevance::evaluate(searcher, judgements, relevance::Mode::multilingual);
    const auto baseline =
        relevance::evaluate(searcher, judgements, relevance::Mode::single_language);
    for (const auto& row : relevance::read_tsv(judged / "thresholds.tsv")) {
        const std::string& phenomenon = row.at(0);
        CAPTURE(phenomenon);
        REQUIRE(metrics.count(phenomenon) == 1);
        CHECK(metrics.at(phenomenon).ndcg10 >= std::stod(row.at(1)));
    }
    // The multilingual analysis must beat plain single-language stemming overall.
    CHECK(metrics.at("all").ndcg10 > baseline.at("all").ndcg10);
}
