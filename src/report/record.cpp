// Rows, JSON encoding, local times and terminal widths shared by the writers.
#include "triage/report/record.hpp"

#include <date/tz.h>
#include <fmt/core.h>
#include <utf8proc.h>

#include <chrono>

namespace triage::report {

Row make_row(policy::Decision&& d, std::string complaint, std::string order, std::string customer,
             std::string policy_version) {
  Row r;
  r.complaint = std::move(complaint);
  r.order = std::move(order);
  r.customer = std::move(customer);
  r.segment = std::move(d.segment);
  r.action = std::move(d.action);
  r.action_label = std::move(d.action_label);
  r.rule = std::move(d.rule);
  r.priority = d.priority;
  r.tags = std::move(d.tags);
  r.reply_by = d.reply_by;
  r.overdue = d.overdue;
  r.lang = std::move(d.lang);
  r.why = std::move(d.why);
  r.reply = std::move(d.reply);
  r.evidence = std::move(d.evidence);
  r.hits = std::move(d.hits);
  r.also_matched = std::move(d.also_matched);
  r.policy_version = std::move(policy_version);
  return r;
}

namespace {

// Bytes of the broken UTF-8 sequence at s[i] that one U+FFFD replaces: the
// lead byte and the continuation bytes that still fitted, as nlohmann::json
// counts them, so that both writers agree.
std::size_t broken_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c >= 0xE0 && c <= 0xEF) need = 2;
  else if (c >= 0xF0 && c <= 0xF4) need = 3;
  else return 1;
  if (c == 0xE0) lo = 0xA0;
  if (c == 0xED) hi = 0x9F;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;
  std::size_t k = 1;
  for (std::size_t j = 0; j < need && i + k < s.size(); ++j) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if (d < (j == 0 ? lo : 0x80) || d > (j == 0 ? hi : 0xBF)) break;
    ++k;
  }
  return k;
}

// JSON text written directly: the writers' hot path for hundreds of thousands
// of rows. Escapes as nlohmann::json's dump does (control characters as
// \uXXXX, invalid UTF-8 replaced by U+FFFD), which the tests compare.
void put_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      std::size_t j = i + 1;
      while (j < s.size()) {
        const unsigned char d = static_cast<unsigned char>(s[j]);
        if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
        ++j;
      }
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      i += broken_length(s, i);
    } else {
      out.append(s.data() + i, static_cast<std::size_t>(n));
      i += static_cast<std::size_t>(n);
    }
  }
  out += '"';
}

void put_key(std::string& out, const char* key, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
}

void put_text_or_null(std::string& out, const std::string& s) {
  if (s.empty()) out += "null";
  else put_string(out, s);
}

void put_list(std::string& out, const std::vector<std::string>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    put_string(out, v[i]);
  }
  out += ']';
}

}  // namespace

void write_evidence_json(const Row& r, std::string& out) {
  out += '[';
  bool first = true;
  for (const auto& f : r.evidence) {
    if (!first) out += ',';
    first = false;
    out += "{\"fact\":";
    put_string(out, f.name);
    out += ",\"value\":";
    if (f.missing) out += "null";
    else put_string(out, f.value);
    out += '}';
  }
  for (const auto& h : r.hits) {
    if (!first) out += ',';
    first = false;
    out += "{\"lexicon\":";
    put_string(out, h.lexicon);
    out += ",\"words\":";
    put_list(out, h.words);
    out += '}';
  }
  out += ']';
}

void write_list_json(const std::vector<std::string>& v, std::string& out) { put_list(out, v); }

void write_json(const Row& r, const date::time_zone* zone, std::string& out) {
  out += '{';
  put_key(out, "complaint", true);
  put_string(out, r.complaint);
  put_key(out, "order");
  put_text_or_null(out, r.order);
  put_key(out, "customer");
  put_text_or_null(out, r.customer);
  put_key(out, "segment");
  put_string(out, r.segment);
  put_key(out, "action");
  put_string(out, r.action);
  put_key(out, "action_label");
  put_string(out, r.action_label);
  put_key(out, "rule");
  put_text_or_null(out, r.rule);
  put_key(out, "priority");
  out += std::to_string(r.priority);
  put_key(out, "tags");
  put_list(out, r.tags);
  put_key(out, "reply_by");
  put_string(out, iso_local(r.reply_by, zone));
  put_key(out, "overdue");
  out += r.overdue ? "true" : "false";
  put_key(out, "lang");
  put_string(out, r.lang);
  put_key(out, "why");
  put_string(out, r.why);
  put_key(out, "reply");
  put_string(out, r.reply);
  put_key(out, "evidence");
  write_evidence_json(r, out);
  put_key(out, "also_matched");
  put_list(out, r.also_matched);
  put_key(out, "policy_version");
  put_string(out, r.policy_version);
  out += '}';
}

namespace {

void put_digits(char* p, long v, int n) {
  for (int i = n - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
}

// "YYYY-MM-DDTHH:MM:SS" for local seconds `s`, as date::format("%FT%T")
// writes it, for years 1000-9999; false otherwise.
bool civil(std::int64_t s, char* out) {
  using namespace std::chrono;
  const auto days = date::floor<date::days>(date::sys_seconds{seconds{s}});
  const date::year_month_day ymd{days};
  const int y = static_cast<int>(ymd.year());
  if (y < 1000 || y > 9999) return false;
  const std::int64_t rest = s - static_cast<std::int64_t>(days.time_since_epoch().count()) * 86400;
  put_digits(out, y, 4);
  out[4] = '-';
  put_digits(out + 5, static_cast<unsigned>(ymd.month()), 2);
  out[7] = '-';
  put_digits(out + 8, static_cast<unsigned>(ymd.day()), 2);
  out[10] = 'T';
  put_digits(out + 11, static_cast<long>(rest / 3600), 2);
  out[13] = ':';
  put_digits(out + 14, static_cast<long>(rest / 60 % 60), 2);
  out[16] = ':';
  put_digits(out + 17, static_cast<long>(rest % 60), 2);
  return true;
}

}  // namespace

std::string iso_local(Timestamp t, const date::time_zone* zone) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  // The writers' hot path: the zone's offset is looked up once per period of
  // the same offset (per thread), and the digits are written directly.
  {
    struct Period {
      const date::time_zone* zone = nullptr;
      sys_seconds begin, end;
      std::int64_t offset = 0;
    };
    thread_local Period period;
    if (zone && (period.zone != zone || tp < period.begin || tp >= period.end)) {
      const auto info = zone->get_info(tp);
      period = {zone, info.begin, info.end, static_cast<std::int64_t>(info.offset.count())};
    }
    const std::int64_t offset = zone ? period.offset : 0;
    char buf[32];
    if (offset % 60 == 0 && civil(static_cast<std::int64_t>(t) + offset, buf)) {
      if (!zone) {
        buf[19] = 'Z';
        return std::string(buf, 20);
      }
      const long off = static_cast<long>(offset / 60);
      const long a = off < 0 ? -off : off;
      buf[19] = off < 0 ? '-' : '+';
      put_digits(buf + 20, a / 60, 2);
      buf[22] = ':';
      put_digits(buf + 23, a % 60, 2);
      return std::string(buf, 25);
    }
  }
  if (!zone) return date::format("%FT%TZ", tp);
  const auto info = zone->get_info(tp);
  const auto local = date::local_seconds{tp.time_since_epoch() + info.offset};
  const auto off = duration_cast<minutes>(info.offset).count();
  const long a = off < 0 ? -off : off;
  return date::format("%FT%T", local) + fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+', a / 60, a % 60);
}

std::string short_local(Timestamp t, const date::time_zone* zone) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  if (!zone) return date::format("%a %d %b %H:%M", tp);
  const auto local = date::local_seconds{tp.time_since_epoch() + zone->get_info(tp).offset};
  return date::format("%a %d %b %H:%M", local);
}

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      i += broken_length(s, i);
    } else {
      out.append(s.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    }
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    const int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? static_cast<std::size_t>(cw) : 0;
    i += static_cast<std::size_t>(n);
  }
  return w;
}

std::string fit(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    const int cw = std::max(0, utf8proc_charwidth(cp));
    if (w + static_cast<std::size_t>(cw) > width - 1) break;  // one column left for "…"
    w += static_cast<std::size_t>(cw);
    out.append(s.substr(i, static_cast<std::size_t>(n)));
    i += static_cast<std::size_t>(n);
  }
  return out + "…";
}

}  // namespace triage::report
