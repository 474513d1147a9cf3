// --map MAP.toml: which header in the file holds each canonical column, and
// which file values mean which canonical values, per record kind.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "triage/core/model.hpp"

namespace triage::input {

// The canonical columns of a kind, in the order PRODUCT.md lists them.
const std::vector<std::string_view>& canonical_columns(RecordKind kind);
// Allowed canonical values of an enumerated column, or nullptr for free text.
const std::vector<std::string_view>* canonical_values(RecordKind kind, std::string_view column);

struct MapFile {
  struct Column {
    std::string header;  // as written in the map
    int line = 0;
  };
  struct KindMap {
    std::map<std::string, Column> columns;                          // canonical -> header
    std::map<std::string, std::map<std::string, std::string>> values;  // column -> folded file value -> canonical
  };
  std::string path;
  std::map<RecordKind, KindMap> kinds;

  // Reads and checks a map file; throws Error(input) naming the file and line.
  static MapFile load(const std::string& path);
  const KindMap* find(RecordKind kind) const;
};

}  // namespace triage::input
