// The output of `run`: decisions written as a table, JSON, NDJSON or CSV,
// most urgent first. Rows are encoded as they come and kept (past a few
// megabytes, in a temporary file) with only their sort keys in memory, so a
// run over hundreds of thousands of complaints stays small.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "triage/report/record.hpp"

namespace triage::report {

enum class Format { table, json, ndjson, csv };
// "table", "json", "ndjson", "csv"; throws Error(usage) otherwise.
Format parse_format(std::string_view name);

enum class Colour { off, on };

struct TableStyle {
  std::size_t width = 0;  // terminal columns; 0: do not cut
  Colour colour = Colour::off;
};
// For a table on `fd`: its width from the terminal (else $COLUMNS, else no
// limit when it is not a terminal), colour on a terminal unless NO_COLOR is set.
TableStyle detect_style(int fd);

// The CSV header row (with CRLF), and one row. Cells are quoted per RFC 4180
// when needed; text cells starting with = + - @ tab or CR get a leading '.
std::string csv_header();
std::string csv_row(const Row& r, const date::time_zone* zone);
std::string csv_cell(std::string_view text);

// Table cells for one row: complaint, customer, action, reply by, why; every
// cell safe for a terminal.
std::vector<std::string> table_cells(const Row& r, const date::time_zone* zone);

class Output {
 public:
  Output(Format format, std::FILE* out, const date::time_zone* zone, TableStyle style = {});
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void add(const Row& r);
  // Writes every row, most urgent first: overdue, then earliest reply_by, then complaint id.
  void finish();
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace triage::report
