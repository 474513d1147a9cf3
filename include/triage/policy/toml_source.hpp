// Reading the TOML files of a policy pack (policies and test cases) the same
// way: UTF-8 checked first, toml11's errors turned into FILE:LINE:COL
// diagnostics, columns counted in characters rather than bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <toml.hpp>

#include "triage/policy/pack.hpp"

namespace triage::policy {

// Characters (UTF-8 code points) in s.
std::size_t code_points(std::string_view s);

// Where a toml11 location stands in the file shown as `display`.
Loc toml_loc(const std::string& display, const toml::source_location& loc);
// Where a key stands: on its value's line, found by name.
Loc toml_key_loc(const std::string& display, const std::string& key, const toml::value& v);

// Parses one file; a file that is not UTF-8 or not TOML is reported in
// `diags` with its place, and gives nullopt.
std::optional<toml::value> parse_toml_source(const SourceFile& file, Diagnostics& diags);

}  // namespace triage::policy
