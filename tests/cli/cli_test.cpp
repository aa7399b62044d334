// SPDX-License-Identifier: MIT
// The two tools as a user runs them: messages, exit codes and the JSON shape.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs a shell command line with a temporary file for stderr.
Run run(const std::string& command, const test::TempDir& dir) {
    const auto err_file = dir / "stderr.txt";
    Run result;
    FILE* pipe = ::popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err_file);
    std::stringstream ss;
    ss << in.rdbuf();
    result.err = ss.str();
    return result;
}

std::string quote(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

const std::string hub_index = HUB_INDEX;
const std::string hub_search = HUB_SEARCH;

}  // namespace

TEST_CASE("hub-index reports each broken file as PATH:LINE:COL and exits 1", "[cli]") {
    test::TempDir dir;
    const auto db = dir / "db";
    const auto result = run(hub_index + " --db " + quote(db) + " " + quote(test::data_dir / "hub") +
                                " " + quote(test::data_dir / "broken" / "bad_date.xml"),
                            dir);
    CHECK(result.status == 1);
    const std::string expected =
        "hub-index: " + (test::data_dir / "broken" / "bad_date.xml").string() +
        ":4:3: error: the date \"2020-13\" is not YYYY, YYYY-MM or YYYY-MM-DD\n";
    CHECK_THAT(result.err, Catch::Contains(expected));
    CHECK_THAT(result.err, Catch::Contains("2 files indexed (6 records), 1 rejected"));
}

TEST_CASE("hub-index exits 0 when everything is indexed and 2 on a usage error", "[cli]") {
    test::TempDir dir;
    CHECK(run(hub_index + " --db " + quote(dir / "db") + " " + quote(test::data_dir / "hub"), dir)
              .status == 0);
    const auto usage = run(hub_index + " --no-such-option", dir);
    CHECK(usage.status == 2);
    CHECK_THAT(usage.err, Catch::Contains("hub-index --help"));
    CHECK(run(hub_index, dir).status == 2);
}

TEST_CASE("hub-index exits 3 when the index cannot be created", "[cli]") {
    test::TempDir dir;
    dir.write("file", "not a directory");
    const auto result =
        run(hub_index + " --db " + quote(dir / "file" / "db") + " " + quote(test::data_dir / "hub"),
            dir);
    CHECK(result.status == 3);
}

TEST_CASE("the HUBSEARCH_DB variable chooses the default index", "[cli]") {
    test::TempDir dir;
    const std::string env = "HUBSEARCH_DB=" + quote(dir / "envdb") + " ";
    CHECK(run(env + hub_index + " " + quote(test::data_dir / "hub"), dir).status == 0);
    const auto result = run(env + hub_search + " --color never grading", dir);
    CHECK(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains("TEST-STUDY-1"));
}

TEST_CASE("hub-search --json follows the documented schema", "[cli][json]") {
    test::TempDir dir;
    REQUIRE(run(hub_index + " --db " + quote(dir / "db") + " " + quote(test::data_dir / "hub"), dir)
                .status == 0);
    const auto result =
        run(hub_search + " --db " + quote(dir / "db") + " --json --facets asset declarations", dir);
    REQUIRE(result.status == 0);
    const auto j = nlohmann::json::parse(result.out);
    CHECK(j.at("version") == 1);
    CHECK(j.at("query") == "asset declarations");
    CHECK(j.at("total_estimate") == 1);
    const auto& hit = j.at("results").at(0);
    CHECK(hit.at("id") == "TEST-CONF-2022/opening/2");
    CHECK(hit.at("type") == "speech");
    CHECK(hit.at("rank") == 1);
    CHECK(hit.at("year") == 2022);
    CHECK(hit.at("date") == "2022-10-04");
    CHECK(hit.at("countries") == nlohmann::json::array({"KR"}));
    CHECK(hit.at("topics") == nlohmann::json::array({"integrity"}));
    CHECK(hit.at("language") == "en");
    CHECK(hit.at("speaker").at("name") == "Min-jun Lee");
    CHECK(hit.at("session").at("id") == "opening");
    CHECK(hit.at("session").at("type") == "plenary");
    CHECK(hit.at("event").at("title") == "Test forum on integrity");
    CHECK(hit.at("score").get<double>() > 0);
    CHECK(hit.at("snippet") ==
          "<mark>Asset</mark> <mark>declarations</mark> reduce corruption risk. Korea publishes "
          "them online.");
    CHECK(j.at("facets").at("country").at(0).at("value") == "KR");
    CHECK(j.at("facets").at("country").at(0).at("label") == "South Korea");
}

TEST_CASE("hub-search prints ranked human results with highlighted words", "[cli]") {
    test::TempDir dir;
    REQUIRE(run(hub_index + " --db " + quote(dir / "db") + " " + quote(test::data_dir / "hub"), dir)
                .status == 0);
    const auto result =
        run(hub_search + " --db " + quote(dir / "db") + " --color never grading", dir);
    CHECK(result.status == 0);
    CHECK_THAT(result.out,
               Catch::Contains("  1. TEST-STUDY-1  study  2019  KZ, KR, SG\n"
                               "     Оплата труда государственных служащих: грейдинг\n"));
    CHECK_THAT(result.out, Catch::Contains("how [grading] changes"));
}

TEST_CASE("hub-search exits 2 on a bad filter and 3 on a missing index", "[cli]") {
    test::TempDir dir;
    REQUIRE(run(hub_index + " --db " + quote(dir / "db") + " " + quote(test::data_dir / "hub"), dir)
                .status == 0);
    const auto bad_year = run(hub_search + " --db " + quote(dir / "db") + " --year 20x1 pay", dir);
    CHECK(bad_year.status == 2);
    CHECK_THAT(bad_year.err, Catch::Contains("20x1"));
    CHECK(run(hub_search + " --db " + quote(dir / "db") + " topic:astrology", dir).status == 2);
    const auto missing = run(hub_search + " --db " + quote(dir / "nowhere") + " pay", dir);
    CHECK(missing.status == 3);
    CHECK_THAT(missing.err, Catch::Contains("nowhere"));
}

TEST_CASE("hub-search --show prints one full record, or exits 1 for an unknown id", "[cli]") {
    test::TempDir dir;
    REQUIRE(run(hub_index + " --db " + quote(dir / "db") + " " + quote(test::data_dir / "hub"), dir)
                .status == 0);
    const auto shown =
        run(hub_search + " --db " + quote(dir / "db") + " --show TEST-CONF-2022/day2-panel/1", dir);
    CHECK(shown.status == 0);
    CHECK_THAT(shown.out,
               Catch::Contains("Speaker: Drago Kos, OECD Working Group on Bribery (SI)"));
    CHECK_THAT(shown.out, Catch::Contains("Young officials need integrity training."));
    const auto json =
        run(hub_search + " --db " + quote(dir / "db") + " --json --show TEST-STUDY-1", dir);
    CHECK(nlohmann::json::parse(json.out).at("body").size() == 5);
    CHECK(run(hub_search + " --db " + quote(dir / "db") + " --show NOPE", dir).status == 1);
}

TEST_CASE("both tools document every option and the exit codes in --help", "[cli]") {
    test::TempDir dir;
    const auto index_help = run(hub_index + " --help", dir);
    CHECK(index_help.status == 0);
    CHECK_THAT(index_help.out, Catch::Contains("--db") && Catch::Contains("Exit status"));
    const auto search_help = run(hub_search + " --help", dir);
    for (const char* option : {"--db", "--topic", "--country", "--year", "--type", "--lang",
                               "--limit", "--offset", "--json", "--facets", "--show"}) {
        CHECK_THAT(search_help.out, Catch::Contains(option));
    }
}

TEST_CASE("hub-search suggests a spelling and explains how it read the query",
          "[cli][multilingual]") {
    test::TempDir dir;
    REQUIRE(run(hub_index + " --db " + quote(dir / "db") + " " + quote(test::data_dir / "hub"), dir)
                .status == 0);
    const auto misspelt =
        run(hub_search + " --db " + quote(dir / "db") + " --color never grdaing", dir);
    CHECK(misspelt.status == 0);
    CHECK_THAT(misspelt.out,
               Catch::Contains("Nothing matches \"grdaing\"; showing results for \"grading\"."));
    CHECK_THAT(misspelt.out, Catch::Contains("1. TEST-STUDY-1"));
    const auto json = run(hub_search + " --db " + quote(dir / "db") + " --json grdaing", dir);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j.at("suggestion") == "grading");
    CHECK(j.at("corrected") == true);
    // A query that finds a little gets the suggestion only.
    const auto little =
        run(hub_search + " --db " + quote(dir / "db") + " --color never grading grdaing", dir);
    CHECK_THAT(little.out, Catch::Contains("Did you mean: grading grading"));

    const auto explained =
        run(hub_search + " --db " + quote(dir / "db") + " --explain --color never Грейдинга", dir);
    CHECK_THAT(explained.out, Catch::Contains("normalised: грейдинга"));
    CHECK_THAT(explained.out, Catch::Contains("languages: ru, kk"));
    CHECK_THAT(explained.out, Catch::Contains("reading ru: Zгрейдинг"));
    CHECK_THAT(explained.out, Catch::Contains("TEST-STUDY-1"));
}
