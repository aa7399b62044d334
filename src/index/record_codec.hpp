// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/record.hpp>

#include <string>
#include <string_view>

namespace hubsearch::detail {

/// Serialises a record for the Xapian document data (JSON, an internal format).
std::string encode_record(const Record& record);

/// Reads back what encode_record() wrote. Throws hubsearch::Error(corrupt) on bad data.
Record decode_record(std::string_view data);

}  // namespace hubsearch::detail
