// SPDX-License-Identifier: MIT
#include <hubsearch/error.hpp>

#include <utility>

namespace hubsearch {

const char* to_string(Errc code) noexcept {
    switch (code) {
        case Errc::not_found:
            return "not_found";
        case Errc::io:
            return "io";
        case Errc::locked:
            return "locked";
        case Errc::corrupt:
            return "corrupt";
        case Errc::version_mismatch:
            return "version_mismatch";
        case Errc::invalid_argument:
            return "invalid_argument";
        case Errc::query_syntax:
            return "query_syntax";
    }
    return "unknown";
}

Error::Error(Errc code, const std::string& message) : std::runtime_error(message), code_(code) {}

Error::Error(Errc code, const std::string& message, std::filesystem::path path, std::size_t line,
             std::size_t column)
    : std::runtime_error(message),
      code_(code),
      path_(std::move(path)),
      line_(line),
      column_(column) {}

}  // namespace hubsearch
