// From CSV records to the typed records of core/model.hpp: binds the header
// to canonical columns (aliases in four languages, presets, --map), then reads
// each row's cells into an Order, Complaint, Dispute or Review, normalizing
// values. A row that cannot be read is reported with the reason, never guessed.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/core/model.hpp"
#include "triage/input/mapfile.hpp"
#include "triage/input/values.hpp"

namespace triage::input {

enum class Preset { none, shopify, woocommerce, stripe };
// "" -> none; throws Error(usage) for an unknown name or one that does not fit the kind.
Preset preset_from_name(const std::string& name, RecordKind kind);

struct RowSettings {
  RecordKind kind = RecordKind::orders;
  Preset preset = Preset::none;
  const MapFile* map = nullptr;
  char decimal = 0;  // 0: ',' in ';'-delimited files, '.' otherwise
  const Config* config = nullptr;
  std::string file_name;  // for messages
};

using Fields = std::vector<std::string_view>;

class RowParser {
 public:
  // Binds the header; throws Error(input) when a required column is missing or
  // a --map header is not in the file.
  RowParser(const RowSettings& settings, const Fields& header, char delimiter);
  ~RowParser();

  std::size_t width() const { return width_; }
  // Exports with one row per line item (Shopify, WooCommerce): consecutive
  // rows of one order are folded into one order.
  bool folds_line_items() const;
  // The canonical header binding, "order_id <- Name", for --dry-run reports.
  std::vector<std::string> describe_binding() const;

  // Each returns false and sets why when the row cannot be read.
  bool parse(const Fields& f, Order& out, std::string& why);
  bool parse(const Fields& f, Complaint& out, std::string& why);
  bool parse(const Fields& f, Dispute& out, std::string& why);
  bool parse(const Fields& f, Review& out, std::string& why);
  // For folding: the order id of a row ('#' removed), and its item count.
  std::string_view order_key(const Fields& f) const;
  bool line_items(const Fields& f, std::int64_t& items, std::string& why);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  std::size_t width_;
};

}  // namespace triage::input
