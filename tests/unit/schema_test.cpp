// SPDX-License-Identifier: MIT
// An index written under another schema version is refused with a way out, never misread.
#include "index/schema.hpp"

#include <hubsearch/hubsearch.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

using namespace hubsearch;

TEST_CASE("an index of another schema version is refused by readers and writers", "[schema]") {
    test::TempDir dir;
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
        db.set_metadata(detail::schema::version_key, "0");
        Xapian::Document doc;
        doc.add_term("Qold");
        db.add_document(doc);
        db.commit();
    }
    for (const bool writer : {false, true}) {
        CAPTURE(writer);
        try {
            if (writer) {
                Index index(dir / "db");
            } else {
                Searcher searcher(dir / "db");
            }
            FAIL("no exception");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::version_mismatch);
            CHECK_THAT(e.what(),
                       Catch::Contains("schema version 0") && Catch::Contains("index again"));
        }
    }
}
