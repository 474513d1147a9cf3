// triage init [DIR] [--force]: writes the default policy pack built into the
// binary (DIR/policies, with its tests) and a commented DIR/triage.toml, so a
// shop owner starts from the shipped policies and edits them in place.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/default_pack.hpp"

namespace triage::cli {

namespace {

namespace fs = std::filesystem;

struct Output {
  fs::path path;      // where it goes
  std::string shown;  // as named in messages: relative to DIR
  std::string content;
};

// The pack's [params] lines ("name = value"), so that triage.toml lists every
// param the shipped pack has, commented out, without a second copy to maintain.
std::vector<std::string> pack_param_lines() {
  std::vector<std::string> lines;
  for (const auto& f : policy::default_pack_files()) {
    if (f.path != "params.toml") continue;
    bool in_params = false;
    std::string_view text = f.content;
    while (!text.empty()) {
      const auto nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (!line.empty() && line.front() == '[') {
        in_params = line == "[params]";
        continue;
      }
      if (in_params && !line.empty() && line.front() != '#' &&
          line.find('=') != std::string_view::npos)
        lines.emplace_back(line);
    }
  }
  return lines;
}

std::string settings_file() {
  std::string out = R"(# triage settings for this shop. Every setting has a default, so any line
# can go. triage reads ./triage.toml when run in this directory (or the file
# given with --config), and ./policies (or --policies, or $TRIAGE_POLICIES).
# After an edit, run `triage check` and `triage test`; `triage diff --policies
# policies` shows what a policy change would decide differently.

# Time zone of the shop: export dates without a zone are read in it, and the
# reply deadline counts its working days.
timezone = "Europe/Warsaw"

# The shop's currency: lifetime values (LTV) and money thresholds are in it.
currency = "PLN"

# Reply draft language when a complaint's language is not given and cannot be
# guessed from the text: en, pl, cs or uk.
default_lang = "en"

# Days off besides weekends (YYYY-MM-DD); reply deadlines skip them.
# Example: holidays = ["2026-12-24", "2026-12-25", "2026-12-26"]
holidays = []

# How long a run waits for another run (a cron job) to finish writing before
# it gives up with exit code 3.
busy_timeout = "10s"

# Exchange rates into the shop's currency, for orders paid in another one;
# without a rate such orders are left out of LTV (with a warning).
[rates]
# EUR = 4.30
# CZK = 0.17
# UAH = 0.10

# Overrides of the policy pack's thresholds. Uncomment a line and change the
# value; policies/params.toml says what each one means. Durations are written
# in quotes ("36h", "14d"), amounts in the shop's currency.
[params]
)";
  for (const auto& line : pack_param_lines()) out += "# " + line + "\n";
  return out;
}

std::vector<Output> outputs(const fs::path& dir) {
  std::vector<Output> out;
  for (const auto& f : policy::default_pack_files()) {
    const std::string rel = "policies/" + std::string(f.path);
    out.push_back({dir / "policies" / fs::path(std::string(f.path)), rel, std::string(f.content)});
  }
  out.push_back({dir / "triage.toml", "triage.toml", settings_file()});
  return out;
}

std::string in_dir(const std::string& dir, const std::string& rel) {
  return dir == "." ? rel : (fs::path(dir) / rel).string();
}

void write_file(const Output& o, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(o.path.parent_path(), ec);
  if (ec)
    throw Error(ErrorKind::runtime,
                fmt::format("{}: cannot create the directory: {}; check its permissions",
                            o.path.parent_path().string(), ec.message()));
  std::ofstream f(o.path, std::ios::binary | std::ios::trunc);
  f << o.content;
  f.close();
  if (!f)
    throw Error(ErrorKind::runtime,
                fmt::format("{}: cannot write the file; check the permissions and free space",
                            in_dir(dir, o.shown)));
}

}  // namespace

int run_init(const GlobalOptions& g, const InitOptions& o) {
  const std::string dir = o.dir.empty() ? std::string(".") : o.dir;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw Error(
        ErrorKind::usage,
        fmt::format(
            "{}: exists and is not a directory; give `triage init` a directory to write into",
            dir));

  const auto files = outputs(dir);

  // Check everything before writing anything, so that a refusal leaves the
  // directory exactly as it was.
  if (!o.force) {
    std::vector<std::string> existing;
    for (const auto& f : files)
      if (fs::exists(f.path, ec)) existing.push_back(in_dir(dir, f.shown));
    if (!existing.empty()) {
      std::string more;
      if (existing.size() > 1) more = fmt::format(" (and {} more)", existing.size() - 1);
      throw Error(
          ErrorKind::usage,
          fmt::format(
              "{}: already exists{}; nothing was written. Use `triage init --force` to overwrite "
              "with the default pack, or choose another directory",
              existing.front(), more));
    }
  }

  for (const auto& f : files) {
    write_file(f, dir);
    if (g.verbosity != Verbosity::quiet) fmt::print(stderr, "wrote {}\n", in_dir(dir, f.shown));
  }
  if (g.verbosity != Verbosity::quiet) {
    const std::string cd = dir == "." ? "" : fmt::format("cd {} && ", dir);
    fmt::print(stderr,
               "The default policy pack ({} files) and triage.toml are ready to edit. "
               "Next: {}triage check && triage test\n",
               files.size() - 1, cd);
  }
  return exit_ok;
}

}  // namespace triage::cli
