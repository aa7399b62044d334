// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/export.hpp>

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hubsearch {

/// What went wrong, in terms a caller can act on.
enum class Errc {
    not_found,         ///< The index or file does not exist.
    io,                ///< Reading or writing failed.
    locked,            ///< Another writer holds the index.
    corrupt,           ///< The index or a file is damaged or malformed.
    version_mismatch,  ///< The index was written by an incompatible schema version.
    invalid_argument,  ///< A request or option value is not valid.
    query_syntax,      ///< A query string cannot be understood.
};

/// Returns the stable lower-case name of `code`, e.g. "query_syntax".
HUBSEARCH_EXPORT const char* to_string(Errc code) noexcept;

/// The one exception type the library throws for a failed operation.
/// Thread safety: a const Error may be read from several threads.
class HUBSEARCH_EXPORT Error : public std::runtime_error {
public:
    /// Creates an error with a message and no location.
    Error(Errc code, const std::string& message);
    /// Creates an error located in a file (line and column count from 1; 0 when unknown).
    Error(Errc code, const std::string& message, std::filesystem::path path, std::size_t line = 0,
          std::size_t column = 0);

    /// What kind of failure this is.
    [[nodiscard]] Errc code() const noexcept { return code_; }
    /// The file concerned, or empty.
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    /// Line in `path()`, from 1; 0 when unknown.
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    /// Column in `path()` in characters, from 1; 0 when unknown.
    [[nodiscard]] std::size_t column() const noexcept { return column_; }

private:
    Errc code_;
    std::filesystem::path path_;
    std::size_t line_ = 0;
    std::size_t column_ = 0;
};

}  // namespace hubsearch
