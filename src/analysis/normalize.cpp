// SPDX-License-Identifier: MIT
#include "analysis/normalize.hpp"

#include "analysis/case_fold.hpp"
#include "analysis/kazakh_latin.hpp"

#include <xapian.h>

namespace hubsearch::detail {

std::string normalize_text(std::string_view text) {
    std::string repaired;
    repaired.reserve(text.size());
    const char* word_start = nullptr;
    Xapian::Utf8Iterator it(text.data(), text.size());
    const Xapian::Utf8Iterator end;
    const auto flush = [&](const char* word_end) {
        if (word_start == nullptr) return;
        repaired += repair_mixed_script(
            std::string_view(word_start, static_cast<std::size_t>(word_end - word_start)));
        word_start = nullptr;
    };
    for (; it != end; ++it) {
        const char* here = it.raw();
        if (Xapian::Unicode::is_wordchar(*it)) {
            if (word_start == nullptr) word_start = here;
            continue;
        }
        flush(here);
        Xapian::Unicode::append_utf8(repaired, *it);
    }
    flush(text.data() + text.size());
    return fold_case(repaired);
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            Xapian::Unicode::append_utf8(word, *it);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

}  // namespace hubsearch::detail
