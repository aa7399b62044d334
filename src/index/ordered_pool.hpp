// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hubsearch::detail {

/// Applies `work` to every input on worker threads and hands the results back in input order,
/// with at most `window` results waiting, so that memory stays bounded however many inputs
/// there are. Used to read and analyse files in parallel while one thread writes the index
/// (a Xapian database has a single writer).
///
/// `work` must be safe to run on several threads at once; each worker gets its own index
/// (0 .. threads-1) to pick its own non-thread-safe state. Exceptions thrown by `work` are
/// rethrown by next(). next() is called from one thread.
template <typename In, typename Out>
class OrderedPool {
public:
    using Work = std::function<Out(const In&, unsigned worker)>;

    OrderedPool(std::vector<In> inputs, unsigned threads, std::size_t window, Work work)
        : inputs_(std::move(inputs)),
          window_(std::max<std::size_t>(window, 1)),
          work_(std::move(work)),
          results_(window_) {
        threads = std::max(1u, threads);
        for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, i] { run(i); });
    }

    ~OrderedPool() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        for (auto& worker : workers_) worker.join();
    }

    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    /// The next result in input order, or nothing when all have been handed out.
    std::optional<Out> next() {
        std::unique_lock<std::mutex> lock(mutex_);
        if (next_out_ == inputs_.size()) return std::nullopt;
        auto& result = results_[next_out_ % window_];
        changed_.wait(lock, [&] { return result.has_value(); });
        Slot slot = std::move(*result);
        result.reset();
        ++next_out_;
        lock.unlock();
        changed_.notify_all();
        if (slot.error) std::rethrow_exception(slot.error);
        return std::move(slot.value);
    }

private:
    struct Slot {
        std::optional<Out> value;
        std::exception_ptr error;
    };

    void run(unsigned worker) {
        for (;;) {
            std::size_t index;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                // Wait until the window has room: results not yet taken stay bounded.
                changed_.wait(lock, [&] {
                    return stopping_ || next_in_ == inputs_.size() ||
                           next_in_ < next_out_ + window_;
                });
                if (stopping_ || next_in_ == inputs_.size()) return;
                index = next_in_++;
            }
            Slot slot;
            try {
                slot.value.emplace(work_(inputs_[index], worker));
            } catch (...) {
                slot.error = std::current_exception();
            }
            {
                std::lock_guard<std::mutex> lock(mutex_);
                results_[index % window_].emplace(std::move(slot));
            }
            changed_.notify_all();
        }
    }

    const std::vector<In> inputs_;
    const std::size_t window_;
    const Work work_;
    // A ring of `window_` slots: input i waits in slot i % window_ until next() takes it, and
    // no input is started before the one `window_` places earlier has been taken.
    std::vector<std::optional<Slot>> results_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t next_in_ = 0;
    std::size_t next_out_ = 0;
    bool stopping_ = false;
};

}  // namespace hubsearch::detail
