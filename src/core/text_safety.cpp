// Neutralizes customer text for terminals and spreadsheets.
#include "triage/core/text_safety.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/core.h>

#include "triage/core/error.hpp"

namespace triage {

namespace {

// Length of the UTF-8 sequence at s[i] and its code point, or 0 when invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  std::size_t n = 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

// Skips the escape sequence starting at s[i] (s[i] is ESC or a C1 introducer
// already decoded as `cp`); returns the index just past it.
std::size_t skip_escape(std::string_view s, std::size_t i, std::size_t len, char32_t cp) {
  std::size_t j = i + len;
  char32_t kind = cp;
  if (cp == 0x1B) {
    if (j >= s.size()) return j;
    kind = static_cast<unsigned char>(s[j]);
    ++j;
    if (kind == '[') kind = 0x9B;          // CSI
    else if (kind == ']') kind = 0x9D;     // OSC
    else if (kind == 'P' || kind == 'X' || kind == '^' || kind == '_') kind = 0x90;  // DCS, SOS, PM, APC
    else return j;                         // two-character escape
  }
  if (kind == 0x9B) {  // CSI: parameters and intermediates, then one final byte 0x40-0x7E
    while (j < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[j++]);
      if (c >= 0x40 && c <= 0x7E) break;
      if (c < 0x20 || c > 0x3F) {
        if (c < 0x20 || c >= 0x7F) break;
      }
    }
    return j;
  }
  if (kind == 0x9D || kind == 0x90) {  // string commands: up to BEL or ST (ESC \ or 0x9C)
    while (j < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[j]);
      if (c == 0x07) return j + 1;
      if (c == 0x1B && j + 1 < s.size() && s[j + 1] == '\\') return j + 2;
      if (c == 0xC2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0x9C) return j + 2;
      ++j;
    }
    return j;
  }
  return j;
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
      ++i;
      continue;
    }
    if (cp == 0x1B || cp == 0x9B || cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E ||
        cp == 0x9F) {
      i = skip_escape(s, i, len, cp);
      continue;
    }
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      // dropped
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string spreadsheet_safe(std::string_view cell) {
  if (!cell.empty()) {
    const char c = cell.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + std::string(cell);
    }
  }
  return std::string(cell);
}

bool find_invalid_utf8(std::string_view text, int& line, int& col) {
  line = 1;
  std::size_t line_start = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    std::size_t len = 0;
    std::uint32_t min = 0;
    if (c < 0x80) {
      if (c == '\n') ++line, line_start = i + 1;
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
    bool ok = len > 0 && i + len <= n;
    std::uint32_t cp = ok ? c & (0x7F >> len) : 0;
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (p[i + k] & 0xC0) == 0x80;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      col = static_cast<int>(i - line_start) + 1;
      return false;
    }
    i += len;
  }
  return true;
}

std::string read_utf8_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::input, fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int line = 0, col = 0;
  if (!find_invalid_utf8(text, line, col)) {
    throw Error(ErrorKind::input,
                fmt::format("{}:{}:{}: not valid UTF-8; TOML files must be UTF-8: save the file as UTF-8",
                            path, line, col));
  }
  return text;
}

}  // namespace triage
