// The default policy pack, embedded at build time from policies/.
#pragma once

#include <string_view>
#include <vector>

namespace triage::policy {

struct EmbeddedFile {
  std::string_view path;     // relative to the pack root, e.g. "threats.toml" or "tests/threats.toml"
  std::string_view content;  // the file's text
};

// Every file of the default pack, sorted by path.
const std::vector<EmbeddedFile>& default_pack_files();

}  // namespace triage::policy
