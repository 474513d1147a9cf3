// Reading triage.toml: defaults, every setting, and errors that name the line.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "triage/core/config.hpp"
#include "triage/core/error.hpp"

namespace {

std::string write_temp(const std::string& text) {
  char name[] = "/tmp/triage-config-XXXXXX";
  const int fd = mkstemp(name);
  REQUIRE(fd >= 0);
  ::close(fd);
  std::ofstream(name) << text;
  return name;
}

}  // namespace

TEST_CASE("defaults need no file") {
  const auto c = triage::Config::defaults();
  CHECK(c.timezone == "Europe/Warsaw");
  CHECK(c.zone != nullptr);
  CHECK(c.currency == "PLN");
  CHECK(c.busy_timeout_ms == 10000);
}

TEST_CASE("every setting is read") {
  const auto path = write_temp(R"(
timezone = "Europe/Prague"
currency = "czk"
default_lang = "cs"
holidays = ["2026-12-24", 2026-12-25]
busy_timeout = "500ms"
reply_within = "12h"
[rates]
eur = 25.2
[params]
vip_ltv = 30000
)");
  const auto c = triage::Config::load(path);
  CHECK(c.timezone == "Europe/Prague");
  CHECK(c.currency == "CZK");
  CHECK(c.default_lang == "cs");
  CHECK(c.holidays == std::vector<std::string>{"2026-12-24", "2026-12-25"});
  CHECK(c.busy_timeout_ms == 500);
  CHECK(c.rates.at("EUR") == Approx(25.2));
  CHECK(std::get<double>(c.params.at("vip_ltv").value) == Approx(30000));
  CHECK(std::get<std::string>(c.params.at("reply_within").value) == "12h");
  std::remove(path.c_str());
}

TEST_CASE("bad settings name the file and line") {
  const auto path = write_temp("currency = \"PLN\"\ntimezone = \"Mars/Olympus\"\n");
  CHECK_THROWS_WITH(triage::Config::load(path), Catch::Contains("unknown time zone 'Mars/Olympus'"));
  const auto typo = write_temp("\ncurency = \"PLN\"\n");
  CHECK_THROWS_WITH(triage::Config::load(typo), Catch::Contains(typo + ":2:") &&
                                                    Catch::Contains("unknown setting `curency`"));
  const auto holiday = write_temp("holidays = [\"24.12.2026\"]\n");
  CHECK_THROWS_AS(triage::Config::load(holiday), triage::Error);
  for (const auto& p : {path, typo, holiday}) std::remove(p.c_str());
}
