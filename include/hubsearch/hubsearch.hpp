// SPDX-License-Identifier: MIT
#pragma once

#include <hubsearch/error.hpp>
#include <hubsearch/index.hpp>
#include <hubsearch/record.hpp>
#include <hubsearch/search.hpp>
#include <hubsearch/version.hpp>
#include <hubsearch/vocabulary.hpp>
