// The triage binary: parses the command line and hands over to the library.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <openssl/crypto.h>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/policy/pack_digest.hpp"

namespace {

using namespace triage;
using namespace triage::cli;

// Options that every subcommand accepts, before or after its name.
void add_common(CLI::App& app, std::string& db, std::string& config, bool& quiet) {
  app.add_option("--db", db, "SQLite database (default: $TRIAGE_DB, else ./triage.db)");
  app.add_option("--config", config, "settings file (default: ./triage.toml when present)");
  app.add_flag("-q,--quiet", quiet, "print only errors on stderr");
}

// Error messages may quote customer data (a cell that did not parse, a line of
// a map file): each line is made terminal-safe so no escape sequence gets through.
std::string safe_message(std::string_view message) {
  std::string out;
  for (std::size_t from = 0; from <= message.size();) {
    const std::size_t nl = std::min(message.find('\n', from), message.size());
    if (from > 0) out.push_back('\n');
    out += terminal_safe(message.substr(from, nl - from));
    from = nl + 1;
  }
  return out;
}

// needs_zone false: without a triage.toml the built-in time zone is left
// unresolved (opening the time-zone database costs more than all the rest of
// `triage check`); whatever needs it later resolves it.
GlobalOptions resolve_globals(std::string db, std::string config, bool quiet, bool needs_zone) {
  GlobalOptions g;
  if (db.empty()) {
    const char* env = std::getenv("TRIAGE_DB");
    db = (env && *env) ? env : "triage.db";
  }
  g.db_path = db;
  if (config.empty() && std::filesystem::exists("triage.toml")) config = "triage.toml";
  g.config_path = config;
  if (!config.empty()) g.config = Config::load(config);
  else if (needs_zone) g.config = Config::defaults();
  g.verbosity = quiet ? Verbosity::quiet : Verbosity::normal;
  return g;
}

int main_inner(int argc, char** argv) {
  policy::set_builtin_pack_digest(&policy::generated_builtin_pack_digest());
  // SHA-256 is all triage asks of libcrypto: the system's OpenSSL settings
  // file has nothing for it, and reading it slows every start.
  OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
  CLI::App app{
      "triage: decide every waiting customer complaint from the shop's own policies.\n"
      "Imports order, complaint, dispute and review exports into a local SQLite file,\n"
      "then prints for each open complaint the recommended action, why, and the reply deadline.",
      "triage"};
  app.set_version_flag("--version", std::string("triage ") + TRIAGE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  std::string db, config;
  bool quiet = false;
  add_common(app, db, config, quiet);

  ImportOptions imp;
  auto* import = app.add_subcommand("import", "import an export (CSV) into the database");
  import->add_option("kind", imp.kind, "what the file holds")
      ->required()
      ->check(CLI::IsMember({"orders", "complaints", "disputes", "reviews"}));
  import->add_option("file", imp.file, "the CSV file, or - for standard input")->required();
  import->add_option("--preset", imp.preset, "column layout of a known export")
      ->check(CLI::IsMember({"shopify", "woocommerce", "stripe"}));
  import->add_option("--map", imp.map_path, "TOML file naming columns and values");
  import->add_option("--delimiter", imp.delimiter, "field delimiter: auto, ',', ';' or tab")
      ->check(CLI::IsMember({"auto", ",", ";", "tab", "\t"}));
  import->add_option("--encoding", imp.encoding, "auto, utf-8, cp1250 or any iconv encoding");
  import->add_option("--decimal", imp.decimal, "decimal separator of numbers: ',' or '.'")
      ->check(CLI::IsMember({",", "."}));
  import->add_flag("--strict", imp.strict, "abort the whole import on any bad row");
  import->add_option("--rejects", imp.rejects_path, "where rejected rows go (default: FILE.rejects.csv)");
  import->add_flag("--dry-run", imp.dry_run, "read and report, write nothing");

  RunOptions run;
  auto* runc = app.add_subcommand("run", "decide the complaints that wait for a decision");
  runc->add_option("--policies", run.policies, "policy pack directory");
  runc->add_flag("--all", run.all, "re-decide every complaint, closed ones included");
  runc->add_option("--now", run.now, "fix the clock (ISO 8601)");
  runc->add_option("--format", run.format, "output format")
      ->check(CLI::IsMember({"table", "json", "ndjson", "csv"}));
  runc->add_option("--complaint", run.complaint, "decide this complaint, whatever its state");
  runc->add_flag("--dry-run", run.dry_run, "record nothing");
  runc->add_flag("--fail-on-overdue", run.fail_on_overdue, "exit 4 when any decision is overdue");

  ExplainOptions exp;
  auto* explain = app.add_subcommand("explain", "show how one complaint is decided, rule by rule");
  explain->add_option("complaint", exp.complaint, "complaint id")->required();
  explain->add_option("--policies", exp.policies, "policy pack directory");
  explain->add_option("--now", exp.now, "fix the clock (ISO 8601)");

  CustomerOptions cust;
  auto* customer = app.add_subcommand("customer", "show a customer's profile");
  customer->add_option("key", cust.key, "customer id, e-mail, phone or order id")->required();

  PolicyOptions chk;
  auto* check = app.add_subcommand("check", "validate the policy pack; needs no data");
  check->add_option("--policies", chk.policies, "policy pack directory");

  PolicyOptions tst;
  auto* test = app.add_subcommand("test", "run the policy pack's test cases");
  test->add_option("--policies", tst.policies, "policy pack directory");

  DiffOptions dif;
  auto* diff = app.add_subcommand("diff", "backtest: what a new policy pack would decide differently");
  diff->add_option("--policies", dif.policies, "the new policy pack directory")->required();
  diff->add_option("--since", dif.since, "window of received complaints (default 90d)");
  diff->add_option("--format", dif.format, "output format")->check(CLI::IsMember({"table", "json"}));
  diff->add_option("--now", dif.now, "fix the clock (ISO 8601)");

  InitOptions ini;
  auto* init = app.add_subcommand("init", "write the default policy pack and a triage.toml to edit");
  init->add_option("dir", ini.dir, "where to write (default: the current directory)");
  init->add_flag("--force", ini.force, "overwrite existing files");

  for (auto* sub : {import, runc, explain, customer, check, test, diff, init}) {
    sub->fallthrough();
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? exit_ok : exit_bad_input;
  }

  const GlobalOptions g = resolve_globals(db, config, quiet, !check->parsed());
  if (import->parsed()) return run_import(g, imp);
  if (runc->parsed()) return run_run(g, run);
  if (explain->parsed()) return run_explain(g, exp);
  if (customer->parsed()) return run_customer(g, cust);
  if (check->parsed()) return run_check(g, chk);
  if (test->parsed()) return run_test(g, tst);
  if (diff->parsed()) return run_diff(g, dif);
  if (init->parsed()) return run_init(g, ini);
  return exit_bad_input;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return main_inner(argc, argv);
  } catch (const triage::Error& e) {
    fmt::print(stderr, "triage: {}\n", safe_message(e.what()));
    return e.exit_code();
  } catch (const std::exception& e) {
    fmt::print(stderr, "triage: {}\n", safe_message(e.what()));
    return triage::exit_runtime;
  }
}
