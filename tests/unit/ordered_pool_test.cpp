// SPDX-License-Identifier: MIT
// The parallel pipeline of the indexer hands results back in input order, bounded.
#include "index/ordered_pool.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>

using hubsearch::detail::OrderedPool;

TEST_CASE("results come back in input order whatever the threads finish first", "[pool]") {
    std::vector<int> inputs;
    for (int i = 0; i < 200; ++i) inputs.push_back(i);
    OrderedPool<int, std::string> pool(inputs, 4, 8, [](const int& n, unsigned) {
        // Uneven work so that later inputs often finish first.
        volatile long sink = 0;
        for (long k = 0; k < (n % 7) * 20000; ++k) sink = sink + k;
        return std::to_string(n * n);
    });
    for (int i = 0; i < 200; ++i) {
        const auto out = pool.next();
        REQUIRE(out);
        CHECK(*out == std::to_string(i * i));
    }
    CHECK_FALSE(pool.next());
}

TEST_CASE("no more results than the window wait to be taken", "[pool]") {
    std::vector<int> inputs(100, 1);
    std::atomic<int> started{0};
    OrderedPool<int, int> pool(inputs, 2, 5, [&](const int& n, unsigned) {
        ++started;
        return n;
    });
    // Nothing taken yet: the workers stop at the window.
    for (int spin = 0; spin < 200 && started < 5; ++spin) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(started <= 5);
    int total = 0;
    while (const auto out = pool.next()) total += *out;
    CHECK(total == 100);
}

TEST_CASE("an exception in the work surfaces in order from next()", "[pool]") {
    std::vector<int> inputs{0, 1, 2, 3};
    OrderedPool<int, int> pool(inputs, 2, 4, [](const int& n, unsigned) {
        if (n == 2) throw std::runtime_error("bad input 2");
        return n;
    });
    CHECK(*pool.next() == 0);
    CHECK(*pool.next() == 1);
    CHECK_THROWS_WITH(pool.next(), "bad input 2");
    CHECK(*pool.next() == 3);
}

TEST_CASE("a pool dropped before it is drained stops its workers", "[pool]") {
    std::vector<int> inputs(1000, 1);
    {
        OrderedPool<int, int> pool(inputs, 2, 4, [](const int& n, unsigned) { return n; });
        CHECK(*pool.next() == 1);
    }
    SUCCEED("destroyed without hanging");
}
