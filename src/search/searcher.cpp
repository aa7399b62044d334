// SPDX-License-Identifier: MIT
#include <hubsearch/error.hpp>
#include <hubsearch/search.hpp>

#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "index/record_codec.hpp"
#include "index/schema.hpp"
#include "search/facets.hpp"
#include "search/in_parallel.hpp"
#include "search/query_builder.hpp"
#include "search/ranking.hpp"

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>

namespace hubsearch {
namespace {

Error open_error(const Xapian::Error& e, const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        return Error(Errc::not_found, dir.string() + ": no index here; create one with hub-index",
                     dir);
    }
    if (std::string_view(e.get_type()) == "DatabaseVersionError") {
        return Error(Errc::version_mismatch, dir.string() + ": " + e.get_msg(), dir);
    }
    if (std::string_view(e.get_type()) == "DatabaseOpeningError") {
        return Error(Errc::not_found, dir.string() + ": not an index (" + e.get_msg() + ")", dir);
    }
    return Error(Errc::corrupt, dir.string() + ": " + e.get_msg(), dir);
}

// How many times a search is retried when a writer commits underneath it.
constexpr int max_attempts = 5;

}  // namespace

struct Searcher::Impl {
    std::filesystem::path dir;
    Xapian::Database db;
    detail::Analyzer analyzer;
    /// What the second thread of a search uses (Xapian handles and stemmers are not shared
    /// between threads): its own handle on the index and analyzer, made on first use.
    std::optional<Xapian::Database> second_db;
    std::optional<detail::Analyzer> second_analyzer;

    /// Searches run so far.
    std::size_t searches = 0;

    /// The second handle, when there is a second processor and the handle reads the revision
    /// `db` reads; else null.
    Xapian::Database* second_handle() {
        if (std::thread::hardware_concurrency() < 2) return nullptr;
        try {
            if (!second_db) second_db.emplace(dir.string());
            if (second_db->get_revision() != db.get_revision()) second_db->reopen();
        } catch (const Xapian::Error&) {
            // Out of file handles, say: the search goes on with one thread.
            second_db.reset();
            return nullptr;
        }
        return second_db->get_revision() == db.get_revision() ? &*second_db : nullptr;
    }

    /// The second handle for work that one thread does in well under ten milliseconds (ranking a
    /// page, reading its hits): never on a Searcher's first search, where opening the handle
    /// and its first reads cost more than the thread saves (a hub-search run was 1 ms slower).
    Xapian::Database* second_handle_when_warm() { return searches < 2 ? nullptr : second_handle(); }

    /// Postings to read or matches to count from which a second thread pays.
    static constexpr Xapian::doccount worth_a_thread = 10000;

    /// Facet values of every record, read on the second faceted search of a revision: a process
    /// that searches once (hub-search) does not pay for reading them all.
    std::unique_ptr<const detail::FacetTable> facet_table;
    Xapian::rev facet_table_revision = 0;
    Xapian::rev faceted_revision = 0;
    int faceted_searches = 0;

    const detail::FacetTable* table_for_facets() {
        const Xapian::rev revision = db.get_revision();
        if (facet_table && facet_table_revision == revision) return facet_table.get();
        if (faceted_revision != revision) {
            faceted_revision = revision;
            faceted_searches = 0;
        }
        if (++faceted_searches < 2) return nullptr;
        facet_table = std::make_unique<const detail::FacetTable>(db);
        facet_table_revision = revision;
        return facet_table.get();
    }

    detail::RankedPage rank(const Xapian::Query& query, const SearchRequest& request) {
        const bool long_lists = detail::largest_posting_list(db, query) >= worth_a_thread;
        return detail::rank(db, long_lists ? second_handle_when_warm() : nullptr, query,
                            static_cast<Xapian::doccount>(request.offset),
                            static_cast<Xapian::doccount>(request.limit));
    }

    /// One hit: its record read from `from` and, when asked, its snippet, which `weights` (a
    /// ranking of the query) and `with` (for the stemmers) make.
    static Hit make_hit(const detail::RankedHit& ranked, std::size_t rank,
                        const Xapian::Database& from, const Xapian::MSet& weights,
                        const detail::Analyzer& with, const SearchRequest& request,
                        const std::vector<std::string>& languages) {
        Hit hit;
        hit.rank = rank;
        hit.score = ranked.weight;
        hit.record = detail::decode_record(from.get_document(ranked.docid).get_data());
        if (request.snippets) {
            std::string text;
            for (const auto& abstract : hit.record.abstracts) text += abstract.text + "\n";
            for (const auto& paragraph : hit.record.body) text += paragraph.text + "\n";
            // The record's own stemmer finds the stems the query made in its language; when the
            // query was read in other languages only, the first of them does.
            const bool own = std::find(languages.begin(), languages.end(), hit.record.language) !=
                             languages.end();
            const std::string& snippet_lang =
                own || languages.empty() ? hit.record.language : languages.front();
            // No background model: it looks up how common every other word of the text is,
            // which cost more than the rest of the search.
            hit.snippet = weights.snippet(text, request.snippet_length, with.stemmer(snippet_lang),
                                          0, request.highlight_start, request.highlight_end, "…");
            // Paragraphs are joined by newlines for passage selection; show them inline.
            std::replace(hit.snippet.begin(), hit.snippet.end(), '\n', ' ');
        }
        hit.record.abstracts.clear();
        hit.record.body.clear();
        return hit;
    }

    /// The hits of `page`. Reading records and making snippets cost about a third of a search,
    /// so with a second processor every other hit is made on a second thread.
    std::vector<Hit> make_hits(const detail::RankedPage& page, const Xapian::Query& query,
                               const SearchRequest& request,
                               const std::vector<std::string>& languages) {
        std::vector<Hit> hits(page.hits.size());
        const auto make = [&](std::size_t k, const Xapian::Database& from,
                              const Xapian::MSet& weights, const detail::Analyzer& with) {
            hits[k] = make_hit(page.hits[k], request.offset + k + 1, from, weights, with, request,
                               languages);
        };
        constexpr std::size_t hits_worth_a_thread = 4;
        Xapian::Database* second =
            hits.size() >= hits_worth_a_thread ? second_handle_when_warm() : nullptr;
        if (second == nullptr) {
            for (std::size_t k = 0; k < hits.size(); ++k) make(k, db, page.mset, analyzer);
            return hits;
        }
        if (!second_analyzer) second_analyzer.emplace();
        // The helper's own weights for snippets: Xapian's statistics for the query without
        // matching (an empty page) are the ones the ranking used.
        const std::string serialised = query.serialise();
        detail::in_parallel(
            [&] {
                Xapian::MSet weights;
                if (request.snippets) {
                    Xapian::Enquire enquire(*second);
                    enquire.set_weighting_scheme(Xapian::BM25Weight());
                    enquire.set_query(Xapian::Query::unserialise(serialised));
                    weights = enquire.get_mset(0, 0);
                }
                for (std::size_t k = 1; k < hits.size(); k += 2) {
                    make(k, *second, weights, *second_analyzer);
                }
            },
            [&] {
                for (std::size_t k = 0; k < hits.size(); k += 2) make(k, db, page.mset, analyzer);
            });
        return hits;
    }

    SearchResults run(const SearchRequest& request) {
        ++searches;
        detail::QueryBuilder builder(db, analyzer);
        detail::BuiltQuery built = builder.build(request, Xapian::Query::OP_AND);
        const Xapian::Query filter = detail::QueryBuilder::filter(request.filters);

        const auto with_filter = [&](const Xapian::Query& q) {
            return filter.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
        };
        detail::RankedPage page = rank(with_filter(built.query), request);

        SearchResults results;
        if (page.hits.empty() && page.matches_estimated == 0 && built.word_count > 1) {
            // No record has every word: rank the records that have some of them.
            built = builder.build(request, Xapian::Query::OP_OR);
            page = rank(with_filter(built.query), request);
            results.relaxed = true;
        }
        results.total_estimate = page.matches_estimated;
        results.suggestion = suggest(built, filter, results);
        if (page.hits.empty() && results.total_estimate == 0 && !results.suggestion.empty()) {
            // Nothing at all matched: show what the correction finds, and say so.
            SearchRequest corrected = request;
            corrected.query = results.suggestion;
            built = builder.build(corrected, Xapian::Query::OP_AND);
            page = rank(with_filter(built.query), request);
            results.total_estimate = page.matches_estimated;
            results.relaxed = false;
            results.corrected = true;
        }

        results.hits =
            make_hits(page, with_filter(built.query), request, built.explanation.languages);
        if (request.facets) {
            // Facets describe every match, not just the page; counting them also makes the
            // total exact.
            Xapian::doccount matches = 0;
            results.facets = detail::count_facets(
                db, page.matches_estimated >= worth_a_thread ? second_handle() : nullptr,
                table_for_facets(), with_filter(built.query), matches);
            results.total_estimate = matches;
        }
        if (request.explain) {
            built.explanation.xapian_query = with_filter(built.query).get_description();
            results.explanation = std::move(built.explanation);
        }
        return results;
    }

    // "Did you mean": offered only when the query found little and the correction finds more,
    // so that a query that already matched well is left alone.
    std::string suggest(const detail::BuiltQuery& built, const Xapian::Query& filter,
                        const SearchResults& results) {
        constexpr std::size_t few_matches = 3;
        const std::string& correction = built.explanation.correction;
        if (correction.empty() || (results.total_estimate >= few_matches && !results.relaxed)) {
            return {};
        }
        SearchRequest corrected;
        corrected.query = correction;
        detail::QueryBuilder builder(db, analyzer);
        Xapian::Query query = builder.build(corrected, Xapian::Query::OP_AND).query;
        if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        const auto found = enquire.get_mset(0, 0, few_matches).get_matches_estimated();
        const bool better = results.relaxed ? found > 0 : found > results.total_estimate;
        return better ? correction : std::string();
    }

    // Runs `work`, reopening the database and trying again when a writer's commit has made the
    // revision being read unavailable.
    template <typename Work>
    auto with_retry(Work work) {
        for (int attempt = 1;; ++attempt) {
            try {
                return work();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == max_attempts) {
                    throw Error(
                        Errc::io,
                        dir.string() + ": the index changed during every attempt to read it");
                }
                db.reopen();
            } catch (const Xapian::Error& e) {
                throw Error(Errc::corrupt, dir.string() + ": " + e.get_msg(), dir);
            }
        }
    }
};

Searcher::Searcher(const std::filesystem::path& dir) : impl_(std::make_unique<Impl>()) {
    impl_->dir = dir;
    try {
        impl_->db = Xapian::Database(dir.string());
        detail::schema::check_version(impl_->db, dir);
    } catch (const Xapian::Error& e) {
        throw open_error(e, dir);
    }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) const {
    return impl_->with_retry([&] { return impl_->run(request); });
}

std::optional<Record> Searcher::find(std::string_view id) const {
    return impl_->with_retry([&]() -> std::optional<Record> {
        const std::string term = detail::record_term(id);
        auto posting = impl_->db.postlist_begin(term);
        if (posting == impl_->db.postlist_end(term)) return std::nullopt;
        return detail::decode_record(impl_->db.get_document(*posting).get_data());
    });
}

std::size_t Searcher::record_count() const {
    return impl_->with_retry([&] { return static_cast<std::size_t>(impl_->db.get_doccount()); });
}

}  // namespace hubsearch
