// The shop's settings from triage.toml: time zone, currency, default reply
// language, holidays, exchange rates, busy timeout and policy parameter
// overrides. Every setting has a default, so the file is optional.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace date {
class time_zone;
}

namespace triage {

// A [params] override from triage.toml: a number, or a string such as "36h".
struct ParamOverride {
  std::variant<double, std::string> value;
  std::string where;  // "triage.toml:12:1", for error messages
};

struct Config {
  std::string path;  // the file it was read from; empty when built from defaults
  std::string timezone = "Europe/Warsaw";
  const date::time_zone* zone = nullptr;  // resolved `timezone`
  std::string currency = "PLN";           // the shop's currency, for LTV
  std::string default_lang = "en";        // reply language when none is known
  std::vector<std::string> holidays;      // local dates, YYYY-MM-DD, not working days
  std::map<std::string, double> rates;    // currency -> shop currency per one unit
  std::map<std::string, ParamOverride> params;
  int busy_timeout_ms = 10000;  // how long to wait for another run's write lock

  // Defaults, with the time zone resolved.
  static Config defaults();
  // Reads a triage.toml; throws Error(input) naming the file and line on a bad value.
  static Config load(const std::string& path);
};

}  // namespace triage
