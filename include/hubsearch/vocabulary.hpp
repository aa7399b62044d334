// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/export.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hubsearch {

/// Resolves a topic id or a label in English, Russian or Kazakh to its topic id.
/// Matching ignores case, ё/е and extra whitespace. Thread-safe.
[[nodiscard]] HUBSEARCH_EXPORT std::optional<std::string> resolve_topic(std::string_view value);

/// Resolves an ISO 3166-1 alpha-2 code or a country name in English, Russian or Kazakh (short
/// or official form, or a common alias) to the upper-case code. Thread-safe.
[[nodiscard]] HUBSEARCH_EXPORT std::optional<std::string> resolve_country(std::string_view value);

/// Returns the display label of topic `id` in `lang` ("en", "ru", "kk"), falling back to
/// English, then to `id` itself. Thread-safe.
[[nodiscard]] HUBSEARCH_EXPORT std::string topic_label(std::string_view id, std::string_view lang);

/// Returns the display name of country `code` in `lang`, falling back to English, then to
/// `code` itself. Thread-safe.
[[nodiscard]] HUBSEARCH_EXPORT std::string country_name(std::string_view code,
                                                        std::string_view lang);

}  // namespace hubsearch
