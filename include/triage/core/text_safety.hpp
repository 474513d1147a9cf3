// Customer text is untrusted: these make it safe for a terminal and for a
// spreadsheet before any writer shows it.
#pragma once

#include <string>
#include <string_view>

namespace triage {

// For a terminal: removes escape sequences (CSI, OSC, and any other ESC
// sequence), C0 and C1 control characters, DEL and bidirectional overrides;
// newlines and tabs become spaces; invalid UTF-8 bytes become U+FFFD.
std::string terminal_safe(std::string_view text);

// For a spreadsheet cell: a value starting with = + - @, a tab or a carriage
// return gets a leading apostrophe so that no spreadsheet runs it as a formula.
std::string spreadsheet_safe(std::string_view cell);

// Finds the first byte that is not part of well-formed UTF-8. Returns false
// and its 1-based line and column (in bytes) when there is one. TOML files are
// checked with it before parsing: toml11 3.7 reads past the end of its buffer
// on invalid UTF-8 inside a literal string, and TOML must be UTF-8 anyway.
bool find_invalid_utf8(std::string_view text, int& line, int& col);

// Reads a settings file (triage.toml, a --map file) whole and checks that it
// is UTF-8 before a TOML parser sees it; throws Error(input) naming the file,
// line and column of the first bad byte.
std::string read_utf8_file(const std::string& path);

}  // namespace triage
