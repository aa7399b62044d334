// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>

namespace hubsearch::detail {

/// FNV-1a, 64 bits: stable across compilers and runs (unlike std::hash), and cheap on short
/// strings. Used where a hash is stored (file stamps, the thesaurus fingerprint) or computed
/// for every match (facet lines).
inline constexpr std::uint64_t fnv1a_offset = 0xcbf29ce484222325u;

/// The hash so far, with one more byte.
constexpr std::uint64_t fnv1a_add(std::uint64_t hash, char byte) {
    return (hash ^ static_cast<unsigned char>(byte)) * 0x100000001b3u;
}

constexpr std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t hash = fnv1a_offset;
    for (const char c : bytes) hash = fnv1a_add(hash, c);
    return hash;
}

}  // namespace hubsearch::detail
