// SPDX-License-Identifier: MIT
#pragma once

#include <exception>
#include <thread>

namespace hubsearch::detail {

/// Runs `beside` on a new thread while `here` runs on the calling one, and returns when both
/// have finished; an exception from either is rethrown, the calling thread's first.
///
/// Xapian objects count their references without atomics: `beside` must not touch a Database,
/// Query or MSet that `here` uses. It gets its own handle, and its own copy of a query made from
/// `query.serialise()`.
template <typename Beside, typename Here>
void in_parallel(Beside&& beside, Here&& here) {
    std::exception_ptr failure;
    std::thread helper([&] {
        try {
            beside();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        here();
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace hubsearch::detail
