// The subcommands of triage: their options as main parses them, and the
// functions that carry them out. Each command lives in src/cli/<name>.cpp.
#pragma once

#include <optional>
#include <string>

#include "triage/core/config.hpp"

namespace triage::cli {

enum class Verbosity { normal, quiet };

// Options every subcommand takes.
struct GlobalOptions {
  std::string db_path;      // --db, else $TRIAGE_DB, else ./triage.db
  std::string config_path;  // --config, else ./triage.toml when present; empty: defaults
  Verbosity verbosity = Verbosity::normal;
  Config config;            // loaded from config_path before the command runs
};

struct ImportOptions {
  std::string kind;  // orders|complaints|disputes|reviews
  std::string file;  // path or "-"
  std::string preset;
  std::string map_path;
  std::string delimiter = "auto";  // auto|,|;|tab
  std::string encoding = "auto";
  std::string decimal;  // "", "," or "."
  bool strict = false;
  std::string rejects_path;
  bool dry_run = false;
};

// Resolved policy directory: --policies, else $TRIAGE_POLICIES, else ./policies
// when present; empty means the default pack built into the binary.
std::string resolve_policies(const std::string& option);

struct RunOptions {
  std::string policies;
  bool all = false;
  std::string now;  // ISO 8601; empty: the system clock
  std::string format = "table";  // table|json|ndjson|csv
  std::string complaint;
  bool dry_run = false;
  bool fail_on_overdue = false;
};

struct ExplainOptions {
  std::string complaint;
  std::string policies;
  std::string now;
};

struct CustomerOptions {
  std::string key;
};

struct PolicyOptions {  // check, test
  std::string policies;
};

struct DiffOptions {
  std::string policies;  // the NEW pack
  std::string since = "90d";
  std::string format = "table";
  std::string now;
};

struct InitOptions {
  std::string dir = ".";
  bool force = false;
};

// Each returns the process exit code, or throws triage::Error.
int run_import(const GlobalOptions& g, const ImportOptions& o);
int run_run(const GlobalOptions& g, const RunOptions& o);
int run_explain(const GlobalOptions& g, const ExplainOptions& o);
int run_customer(const GlobalOptions& g, const CustomerOptions& o);
int run_check(const GlobalOptions& g, const PolicyOptions& o);
int run_test(const GlobalOptions& g, const PolicyOptions& o);
int run_diff(const GlobalOptions& g, const DiffOptions& o);
int run_init(const GlobalOptions& g, const InitOptions& o);

}  // namespace triage::cli
