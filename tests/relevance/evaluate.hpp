// SPDX-License-Identifier: MIT
// Relevance evaluation over the graded judgements of tests/relevance/: nDCG@10, MRR and
// success@1 per phenomenon. Used by the relevance test and by the hub-relevance tool.
#pragma once

#include <hubsearch/hubsearch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace relevance {

struct Query {
    std::string id;
    std::string phenomenon;
    std::string lang;
    std::string text;
};

struct Judgements {
    std::vector<Query> queries;
    std::map<std::string, std::map<std::string, int>> grades;  ///< qid -> record id -> grade
};

/// How the engine is asked: the full multilingual analysis, or the baseline of plain
/// single-language stemming (the query read in its own language only, no expansion).
enum class Mode { multilingual, single_language };

struct Metrics {
    double ndcg10 = 0;
    double mrr = 0;
    double success1 = 0;
    int queries = 0;
};

inline std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, '\t')) fields.push_back(field);
        rows.push_back(fields);
    }
    return rows;
}

inline Judgements load(const std::filesystem::path& dir) {
    Judgements j;
    for (const auto& row : read_tsv(dir / "queries.tsv")) {
        if (row.size() >= 4) j.queries.push_back({row[0], row[1], row[2], row[3]});
    }
    for (const auto& row : read_tsv(dir / "qrels.tsv")) {
        if (row.size() >= 3) j.grades[row[0]][row[1]] = std::stoi(row[2]);
    }
    return j;
}

/// Graded gain: a grade-3 record is worth much more than a grade-1 mention.
inline double gain(int grade) { return std::pow(2.0, grade) - 1.0; }

/// Scores one ranked list against the judgements of one query.
inline Metrics score(const std::vector<std::string>& ranked,
                     const std::map<std::string, int>& grades) {
    Metrics m;
    m.queries = 1;
    double dcg = 0;
    for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
        const auto found = grades.find(ranked[i]);
        const int grade = found == grades.end() ? 0 : found->second;
        dcg += gain(grade) / std::log2(static_cast<double>(i) + 2.0);
        if (grade >= 2 && m.mrr == 0) m.mrr = 1.0 / static_cast<double>(i + 1);
        if (i == 0 && grade >= 2) m.success1 = 1;
    }
    std::vector<int> ideal;
    for (const auto& [id, grade] : grades) ideal.push_back(grade);
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && i < 10; ++i) {
        idcg += gain(ideal[i]) / std::log2(static_cast<double>(i) + 2.0);
    }
    m.ndcg10 = idcg > 0 ? dcg / idcg : 0;
    return m;
}

/// Runs every query and averages the metrics per phenomenon; "all" holds the overall mean.
/// With `trace`, prints each query's nDCG@10 and first results there.
inline std::map<std::string, Metrics> evaluate(const hubsearch::Searcher& searcher,
                                               const Judgements& judgements, Mode mode,
                                               std::ostream* trace = nullptr) {
    std::map<std::string, Metrics> sums;
    for (const auto& query : judgements.queries) {
        hubsearch::SearchRequest request;
        request.query = query.text;
        request.limit = 10;
        request.snippets = false;
        if (mode == Mode::single_language) {
            request.query_language = query.lang;
            request.expand_synonyms = false;
        }
        std::vector<std::string> ranked;
        try {
            for (const auto& hit : searcher.search(request).hits) ranked.push_back(hit.record.id);
        } catch (const hubsearch::Error&) {
            // A query the engine rejects scores zero.
        }
        const auto found = judgements.grades.find(query.id);
        const Metrics m =
            score(ranked,
                  found == judgements.grades.end() ? std::map<std::string, int>() : found->second);
        if (trace != nullptr) {
            *trace << query.id << '\t' << m.ndcg10 << '\t' << query.text << '\t';
            for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) *trace << ranked[i] << ' ';
            *trace << '\n';
        }
        for (const auto& key : {query.phenomenon, std::string("all")}) {
            Metrics& sum = sums[key];
            sum.ndcg10 += m.ndcg10;
            sum.mrr += m.mrr;
            sum.success1 += m.success1;
            sum.queries += 1;
        }
    }
    for (auto& [key, m] : sums) {
        m.ndcg10 /= m.queries;
        m.mrr /= m.queries;
        m.success1 /= m.queries;
    }
    return sums;
}

}  // namespace relevance
