// SPDX-License-Identifier: MIT
// Thesaurus concepts are found in records at indexing time (one XC term per concept, and one per
// set of concepts a query word names together), and a search relies on those terms only when
// the index was tagged by the library's own thesaurus.
#include <hubsearch/hubsearch.hpp>

#include "analysis/analyzer.hpp"
#include "index/concept_tagger.hpp"
#include "index/schema.hpp"
#include "support.hpp"
#include "vocab/thesaurus.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

using namespace hubsearch;

namespace {

// The wdf of each concept term `text` gives a document, by concept id.
std::map<std::string, Xapian::termcount> concepts_in(const std::string& text,
                                                     const std::string& lang) {
    const detail::Analyzer analyzer;
    detail::ConceptTagger tagger(analyzer);
    tagger.add_text(text, lang, 1);
    Xapian::Document doc;
    tagger.add_terms_to(doc);
    std::map<std::string, Xapian::termcount> out;
    const std::string prefix = detail::schema::concept;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        out[(*it).substr(prefix.size())] = it.get_wdf();
    }
    return out;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const detail::ThesaurusConcept& concept_named(std::string_view id) {
    const auto& concepts = detail::Thesaurus::instance().concepts();
    const auto it = std::find_if(concepts.begin(), concepts.end(),
                                 [&](const auto& concept) { return concept.id == id; });
    REQUIRE(it != concepts.end());
    return *it;
}

// The records a query matches, best first, with the wdf it gives each.
std::vector<std::pair<Xapian::docid, Xapian::termcount>> ranked(const Xapian::Database& db,
                                                                const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::vector<std::pair<Xapian::docid, Xapian::termcount>> out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::termcount wdf = 0;
        for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end();
             ++term) {
            Xapian::TermIterator in_doc = db.termlist_begin(*it);
            in_doc.skip_to(*term);
            if (in_doc != db.termlist_end(*it) && *in_doc == *term) wdf += in_doc.get_wdf();
        }
        out.emplace_back(*it, wdf);
    }
    return out;
}

}  // namespace

TEST_CASE("a concept is found in any of its names, inflected, in each language", "[concepts]") {
    // Texts are given normalised, as DocumentBuilder passes them.
    CHECK(concepts_in("реформа оплаты труда государственных гражданских служащих", "ru")
              .count("civil-service-pay") == 1);
    CHECK(concepts_in("мемлекеттік қызметшілердің жалақысын арттыру", "kk")
              .count("civil-service-pay") == 1);
    CHECK(concepts_in("civil service pay was frozen", "en").count("civil-service-pay") == 1);
    CHECK(concepts_in("the weather was fine", "en").empty());
    // A name's words must all be in the text: "pay" alone is not civil-service pay.
    CHECK(concepts_in("pay and conditions", "en").count("civil-service-pay") == 0);
}

TEST_CASE("a concept counts as often as its name occurs", "[concepts]") {
    const auto found = concepts_in("integrity matters; integrity is tested; integrity", "en");
    REQUIRE(found.count("integrity") == 1);
    CHECK(found.at("integrity") == 3);
}

TEST_CASE("an index tagged by another thesaurus is searched through the thesaurus's words",
          "[concepts]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        const auto report = index.add_buffer(
            R"(<study id="KK-CORRUPTION" lang="kk"><title>Сыбайлас жемқорлыққа қарсы іс-қимыл</title>
               <date>2022</date><abstract><p>Мемлекеттік органдардағы сыбайлас жемқорлық.</p></abstract></study>)",
            "kk.xml");
        REQUIRE(report.files_indexed == 1);
    }
    SearchRequest request;
    request.query = "corruption";
    request.explain = true;
    {
        const Searcher searcher(dir / "db");
        const auto results = searcher.search(request);
        CHECK(has(test::ids(results), "KK-CORRUPTION"));
        CHECK(results.explanation->xapian_query.find("XCcorruption") != std::string::npos);
    }
    // As if a library with another thesaurus had written to the index.
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_OPEN);
        db.set_metadata(detail::schema::thesaurus_key, "another thesaurus");
        db.commit();
    }
    {
        Index reopened(dir / "db");  // A writer leaves the mark of two thesauri: none.
    }
    CHECK(Xapian::Database((dir / "db").string()).get_metadata(detail::schema::thesaurus_key) ==
          "");
    const Searcher searcher(dir / "db");
    const auto results = searcher.search(request);
    CHECK(has(test::ids(results), "KK-CORRUPTION"));
    CHECK(results.explanation->xapian_query.find("XC") == std::string::npos);
    CHECK(results.explanation->xapian_query.find("Zжемқор") != std::string::npos);
}

TEST_CASE("every group of concepts a query word can name is a concept set", "[concepts]") {
    const auto& thesaurus = detail::Thesaurus::instance();
    // The concepts with a term of the same stems in one language, as find() returns them.
    std::map<std::pair<std::string_view, std::vector<std::string_view>>,
             std::vector<const detail::ThesaurusConcept*>>
        named_by;
    for (const auto& concept : thesaurus.concepts()) {
        for (const auto& term : concept.terms) {
            auto& concepts = named_by[{term.lang, term.stems}];
            if (concepts.empty() || concepts.back() != &concept) concepts.push_back(&concept);
        }
    }
    std::set<std::string_view> groups;
    for (const auto& [stems, concepts] : named_by) {
        if (concepts.size() < 2) continue;
        const detail::ConceptSet* set = thesaurus.set_of(concepts);
        REQUIRE(set != nullptr);
        CHECK(set->members.size() == concepts.size());
        // Xapian takes terms of up to 245 bytes.
        CHECK(std::string(detail::schema::concept).size() + set->id.size() <= 240);
        groups.insert(set->id);
    }
    CHECK(groups.size() > 10);
    CHECK(groups.count("integrity+topic:integrity") == 1);

    const auto* integrity = &concept_named("integrity");
    const auto* topic = &concept_named("topic:integrity");
    const detail::ConceptSet* set = thesaurus.set_of({topic, integrity});
    REQUIRE(set != nullptr);
    CHECK(set->id == "integrity+topic:integrity");
    CHECK(thesaurus.set_of({integrity}) == nullptr);
    CHECK(thesaurus.set_of({integrity, &concept_named("civil-service")}) == nullptr);
}

TEST_CASE("a record naming a member of a concept set carries the set's term", "[concepts]") {
    // "honesty" names the thesaurus concept only; "integrity" names it and the topic.
    const auto honesty = concepts_in("honesty pays; honesty is rare", "en");
    CHECK(honesty.at("integrity") == 2);
    CHECK(honesty.count("topic:integrity") == 0);
    CHECK(honesty.at("integrity+topic:integrity") == 2);

    const auto both = concepts_in("integrity and public integrity", "en");
    REQUIRE(both.count("integrity") == 1);
    REQUIRE(both.count("topic:integrity") == 1);
    CHECK(both.at("integrity+topic:integrity") ==
          both.at("integrity") + both.at("topic:integrity"));

    CHECK(concepts_in("the weather was fine", "en").empty());
}

TEST_CASE("a concept set's term matches and weighs as the synonym of its members' terms",
          "[concepts]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        const char* studies[] = {
            R"(<study id="HONESTY" lang="en"><title>Honesty in the civil service</title>
               <date>2020</date><abstract><p>Honesty and probity of officials.</p></abstract></study>)",
            R"(<study id="TOPIC" lang="en"><title>Public integrity</title><date>2021</date>
               <abstract><p>A long abstract on the audit of public integrity in ministries, with
               many more words than the others have.</p></abstract></study>)",
            R"(<study id="BOTH" lang="ru"><title>Добропорядочность государственных служащих</title>
               <date>2022</date><topic>integrity</topic>
               <abstract><p>Добропорядочность и честность.</p></abstract></study>)",
            R"(<study id="NONE" lang="en"><title>Pay</title><date>2022</date>
               <abstract><p>Salaries.</p></abstract></study>)",
        };
        int n = 0;
        for (const char* xml : studies) {
            REQUIRE(index.add_buffer(xml, "s" + std::to_string(++n) + ".xml").files_indexed == 1);
        }
    }
    const Xapian::Database db((dir / "db").string());
    const std::string prefix = detail::schema::concept;
    const Xapian::Query set(prefix + "integrity+topic:integrity");
    const Xapian::Query members[] = {Xapian::Query(prefix + "integrity"),
                                     Xapian::Query(prefix + "topic:integrity")};
    const Xapian::Query synonym(Xapian::Query::OP_SYNONYM, std::begin(members), std::end(members));
    const auto by_set = ranked(db, set);
    CHECK(by_set.size() == 3);
    CHECK(by_set == ranked(db, synonym));
}

TEST_CASE("concept set terms leave a record's length in proportion to its words", "[concepts]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_buffer(R"(<study id="S" lang="en"><title>Integrity</title><date>2020</date>
               <topic>integrity</topic><topic>training</topic>
               <abstract><p>Integrity, honesty and ethics training.</p></abstract></study>)",
                         "s.xml");
    }
    const Xapian::Database db((dir / "db").string());
    const Xapian::docid record = *db.postlist_begin("");
    Xapian::termcount sets = 0;
    Xapian::termcount padding = 0;
    Xapian::termcount rest = 0;
    for (auto it = db.termlist_begin(record); it != db.termlist_end(record); ++it) {
        const std::string term = *it;
        if (term == detail::schema::length_padding) {
            padding += it.get_wdf();
        } else if (term.rfind(detail::schema::concept, 0) == 0 &&
                   term.find('+') != std::string::npos) {
            sets += it.get_wdf();
        } else {
            rest += it.get_wdf();
        }
    }
    CHECK(sets > 0);
    CHECK(padding > 0);
    CHECK(db.get_doclength(record) == rest * detail::schema::length_scale);
}

TEST_CASE("a query word naming a concept set reads the set's term", "[concepts]") {
    test::TempDir dir;
    {
        Index index(dir / "db");
        index.add_buffer(R"(<study id="HONESTY" lang="en"><title>Honesty</title><date>2020</date>
               <abstract><p>Honesty of officials.</p></abstract></study>)",
                         "s.xml");
    }
    SearchRequest request;
    request.query = "integrity";
    request.explain = true;
    const auto results = Searcher(dir / "db").search(request);
    CHECK(test::ids(results) == std::vector<std::string>{"HONESTY"});
    const std::string& query = results.explanation->xapian_query;
    CHECK(query.find("XCintegrity+topic:integrity") != std::string::npos);
    CHECK(query.find("XCtopic:integrity") == std::string::npos);
}
