// SPDX-License-Identifier: MIT
// Thesaurus concepts are found in records at indexing time (one XC term per concept), and a
// search relies on those terms only when the index was tagged by the library's own thesaurus.
#include <hubsearch/hubsearch.hpp>

#include "analysis/analyzer.hpp"
#include "index/concept_tagger.hpp"
#include "index/schema.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>

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
