// Reads triage.toml into Config, checking every value it knows.
#include "triage/core/config.hpp"

#include <date/tz.h>
#include <fmt/core.h>

#include <re2/re2.h>
#include <toml.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/core/toml_file.hpp"

namespace triage {

namespace {

std::string where(const std::string& path, const toml::value& v) {
  const auto loc = v.location();
  return fmt::format("{}:{}:{}", path, loc.line(), loc.column());
}

[[noreturn]] void bad(const std::string& path, const toml::value& v, const std::string& what) {
  throw Error(ErrorKind::input, fmt::format("{}: {}", where(path, v), what));
}

const date::time_zone* resolve_zone(const std::string& name, const std::string& place) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw Error(ErrorKind::input,
                fmt::format("{}unknown time zone '{}'; use an IANA name such as Europe/Warsaw",
                            place.empty() ? "" : place + ": ", name));
  }
}

bool is_iso_date(const std::string& s) {
  static const RE2 re(R"(\d{4}-\d{2}-\d{2})");
  return RE2::FullMatch(s, re);
}

}  // namespace

Config Config::defaults() {
  Config c;
  c.zone = resolve_zone(c.timezone, "");
  return c;
}

Config Config::load(const std::string& path) {
  Config c;
  c.path = path;
  const toml::value doc = read_toml_file(path);
  if (!doc.is_table()) return defaults();

  for (const auto& [key, v] : doc.as_table()) {
    if (key == "timezone" || key == "currency" || key == "default_lang") {
      if (!v.is_string()) bad(path, v, fmt::format("`{}` must be a string", key));
      const std::string s = v.as_string();
      if (key == "timezone") c.timezone = s;
      if (key == "currency") {
        if (s.size() != 3) bad(path, v, "`currency` must be a three-letter code such as \"PLN\"");
        c.currency = s;
        for (auto& ch : c.currency) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      if (key == "default_lang") c.default_lang = s;
    } else if (key == "holidays") {
      if (!v.is_array()) bad(path, v, "`holidays` must be a list of dates such as [\"2026-12-25\"]");
      for (const auto& d : v.as_array()) {
        std::string s;
        if (d.is_string()) s = d.as_string();
        else if (d.is_local_date()) s = fmt::format("{:04}-{:02}-{:02}", d.as_local_date().year,
                                                    d.as_local_date().month + 1, d.as_local_date().day);
        if (!is_iso_date(s)) bad(path, d, "a holiday must be a date written YYYY-MM-DD");
        c.holidays.push_back(s);
      }
    } else if (key == "rates") {
      if (!v.is_table()) bad(path, v, "`[rates]` must be a table such as EUR = 4.30");
      for (const auto& [cur, r] : v.as_table()) {
        if (!r.is_floating() && !r.is_integer())
          bad(path, r, fmt::format("rate for {} must be a number", cur));
        const double rate = r.is_floating() ? r.as_floating() : static_cast<double>(r.as_integer());
        if (!(rate > 0)) bad(path, r, fmt::format("rate for {} must be above zero", cur));
        std::string code = cur;
        for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        c.rates[code] = rate;
      }
    } else if (key == "busy_timeout") {
      if (v.is_integer()) {
        c.busy_timeout_ms = static_cast<int>(v.as_integer() * 1000);
      } else if (v.is_string()) {
        static const RE2 re(R"((\d{1,9})\s*(ms|s|m)?)");
        long n = 0;
        std::string unit;
        if (!RE2::FullMatch(std::string(v.as_string()), re, &n, &unit))
          bad(path, v, "`busy_timeout` must look like \"10s\" or \"500ms\"");
        c.busy_timeout_ms = static_cast<int>(unit == "ms" ? n : unit == "m" ? n * 60000 : n * 1000);
      } else {
        bad(path, v, "`busy_timeout` must look like \"10s\" or \"500ms\"");
      }
    } else if (key == "params" || key == "reply_within") {
      auto add = [&](const std::string& name, const toml::value& p) {
        ParamOverride o;
        o.where = where(path, p);
        if (p.is_floating()) o.value = p.as_floating();
        else if (p.is_integer()) o.value = static_cast<double>(p.as_integer());
        else if (p.is_string()) o.value = std::string(p.as_string());
        else bad(path, p, fmt::format("param `{}` must be a number or a duration such as \"24h\"", name));
        c.params[name] = o;
      };
      if (key == "reply_within") {
        add("reply_within", v);
      } else {
        if (!v.is_table()) bad(path, v, "`[params]` must be a table");
        for (const auto& [name, p] : v.as_table()) add(name, p);
      }
    } else {
      bad(path, v,
          fmt::format("unknown setting `{}`; known: timezone, currency, default_lang, holidays, "
                      "rates, busy_timeout, reply_within, params",
                      key));
    }
  }
  c.zone = resolve_zone(c.timezone, path);
  return c;
}

}  // namespace triage
