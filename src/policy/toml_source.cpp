// Parses a pack's TOML files and places toml11's errors for people.
#include "triage/policy/toml_source.hpp"

#include <fmt/core.h>

#include <sstream>

#include "triage/core/text_safety.hpp"

namespace triage::policy {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

Loc toml_loc(const std::string& display, const toml::source_location& loc) {
  Loc l{display, static_cast<int>(loc.line()), static_cast<int>(loc.column())};
  const auto& line = loc.line_str();
  if (loc.column() >= 1 && loc.column() - 1 <= line.size())
    l.col = 1 + static_cast<int>(code_points(std::string_view(line).substr(0, loc.column() - 1)));
  return l;
}

Loc toml_key_loc(const std::string& display, const std::string& key, const toml::value& v) {
  const auto loc = v.location();
  Loc l = toml_loc(display, loc);
  const auto& line = loc.line_str();
  const auto at = line.find(key);
  if (at != std::string::npos) l.col = 1 + static_cast<int>(code_points(std::string_view(line).substr(0, at)));
  return l;
}

namespace {

void report_toml_error(const std::string& display, const std::string& what,
                       const toml::source_location& loc, Diagnostics& diags) {
  // toml11's message spans several lines with a drawing; keep the gist.
  std::string first = what.substr(0, what.find('\n'));
  if (first.rfind("[error] ", 0) == 0) first = first.substr(8);
  if (first.rfind("toml::", 0) == 0) {
    const auto colon = first.find(": ");
    if (colon != std::string::npos) first = first.substr(colon + 2);
  }
  std::string hint;
  const auto mark = what.rfind("^--- ");
  if (mark != std::string::npos) {
    hint = what.substr(mark + 5);
    hint = hint.substr(0, hint.find('\n'));
  }
  diags.add(toml_loc(display, loc),
            fmt::format("invalid TOML: {}{}", first, hint.empty() || hint == first ? "" : " (" + hint + ")"));
}

}  // namespace

std::optional<toml::value> parse_toml_source(const SourceFile& file, Diagnostics& diags) {
  int bad_line = 0, bad_col = 0;
  if (!find_invalid_utf8(file.content, bad_line, bad_col)) {
    // toml11 reads past the end of a string holding invalid UTF-8: never hand it such bytes.
    diags.add(Loc{file.display, bad_line, bad_col},
              "not valid UTF-8; TOML files must be UTF-8: save the file as UTF-8");
    return std::nullopt;
  }
  try {
    std::istringstream in(file.content);
    return toml::parse(in, file.display);
  } catch (const toml::syntax_error& e) {
    report_toml_error(file.display, e.what(), e.location(), diags);
  } catch (const toml::exception& e) {
    report_toml_error(file.display, e.what(), e.location(), diags);
  } catch (const std::exception& e) {
    diags.add(Loc{file.display, 1, 1}, fmt::format("invalid TOML: {}", e.what()));
  }
  return std::nullopt;
}

}  // namespace triage::policy
