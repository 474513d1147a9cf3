// Reading a settings file written in TOML (triage.toml, a --map file): UTF-8
// checked first, then parsed, with every failure an input error naming the file.
#pragma once

#include <string>
#include <toml.hpp>

namespace triage {

toml::value read_toml_file(const std::string& path);

}  // namespace triage
