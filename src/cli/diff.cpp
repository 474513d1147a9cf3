// triage diff --policies NEW: the backtest before a policy change goes live.
// Re-decides the complaints received in the window under the current pack and
// under NEW, records nothing, and shows the counts per action before and after
// and every complaint whose action or tags change, with the facts behind it.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/facts/clock.hpp"
#include "triage/facts/walker.hpp"
#include "triage/policy/calendar.hpp"
#include "triage/policy/program.hpp"
#include "triage/store/db.hpp"

namespace triage::cli {

namespace {

struct Outcome {
  std::string customer;
  std::string action;
  std::string rule;
  std::string segment;
  std::vector<std::string> tags;  // sorted
  std::map<std::string, std::string> facts;  // evidence: fact -> value
  std::map<std::string, std::pair<bool, std::string>> rules;  // rule id -> matched, with what it saw
};

// What a rule saw: the failing comparison when it did not match, else its facts.
std::string seen(const policy::RuleTrace& t) {
  if (!t.matched) return t.failed;
  std::string s;
  for (const auto& f : t.facts) {
    if (f.name == "complaint.text") continue;
    s += (s.empty() ? "" : "; ") + f.name + " = " + f.value;
  }
  for (const auto& h : t.hits) {
    std::string words;
    for (const auto& w : h.words) words += (words.empty() ? "" : ", ") + w;
    s += (s.empty() ? "" : "; ") + h.lexicon + " matched \"" + words + "\"";
  }
  return s;
}

using Outcomes = std::map<std::string, Outcome>;  // by complaint id

// Decides every complaint received in [from, now] under `program`, recording nothing.
Outcomes decide_window(SQLite::Database& db, const Config& config, const policy::Program& program,
                       Timestamp from, Timestamp now) {
  Outcomes out;
  facts::Walker walker(db, config);
  facts::WalkOptions walk;
  walk.selection = store::Selection::all;
  walk.version = program.version();
  walk.now = now;
  walk.kinds = facts::KindSource::reclassify;  // each pack classifies with its own lexicons
  walker.walk(walk, [&](const facts::Subject& s, facts::FactSet& f) -> std::string {
    const bool wanted = s.role == facts::Role::decide && s.complaint.received_at >= from &&
                        s.complaint.received_at <= now;
    policy::Decision d = program.decide(f, wanted ? policy::Tracing::full : policy::Tracing::off);
    if (wanted) {
      Outcome& o = out[s.complaint.complaint_id];
      o.customer = s.history.key;
      o.action = d.action;
      o.rule = d.rule;
      o.segment = d.segment;
      o.tags = d.tags;
      std::sort(o.tags.begin(), o.tags.end());
      for (const auto& e : d.evidence)
        if (e.name != "complaint.text") o.facts[e.name] = e.value;
      for (const auto& t : d.trace)
        if (t.stage == "tag" || t.stage == "action") o.rules[t.id] = {t.matched, seen(t)};
    }
    return d.kind;
  });
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s.empty() ? "(none)" : s;
}

struct FactChange {
  std::string fact, before, after;
};

struct RuleFlip {
  std::string rule;
  bool matched_before = false, matched_after = false;
  std::string detail;  // what the rule saw under the pack where it failed or matched anew
};

// Rules that matched under one pack and not under the other: the reason a decision moved.
std::vector<RuleFlip> rules_behind(const Outcome& b, const Outcome& a) {
  std::vector<RuleFlip> out;
  std::set<std::string> ids;
  for (const auto& [k, v] : b.rules) ids.insert(k);
  for (const auto& [k, v] : a.rules) ids.insert(k);
  for (const auto& id : ids) {
    const auto ib = b.rules.find(id);
    const auto ia = a.rules.find(id);
    const bool mb = ib != b.rules.end() && ib->second.first;
    const bool ma = ia != a.rules.end() && ia->second.first;
    if (mb == ma) continue;
    std::string detail = ia != a.rules.end() ? ia->second.second : std::string("not in the new pack");
    if (ia != a.rules.end() && !ma && detail.empty() && ib != b.rules.end()) detail = ib->second.second;
    out.push_back({id, mb, ma, detail});
  }
  return out;
}

// The facts either winning rule read; a fact whose value differs between the
// packs (a param, or a kind classified differently) shows both values.
std::vector<FactChange> facts_behind(const Outcome& a, const Outcome& b) {
  std::vector<FactChange> out;
  std::set<std::string> names;
  for (const auto& [k, v] : a.facts) names.insert(k);
  for (const auto& [k, v] : b.facts) names.insert(k);
  for (const auto& n : names) {
    const auto ia = a.facts.find(n);
    const auto ib = b.facts.find(n);
    out.push_back({n, ia == a.facts.end() ? std::string() : ia->second,
                   ib == b.facts.end() ? std::string() : ib->second});
  }
  return out;
}

}  // namespace

int run_diff(const GlobalOptions& g, const DiffOptions& o) {
  const auto since = policy::parse_duration(o.since);
  if (!since || *since <= 0) {
    throw Error(ErrorKind::usage, fmt::format("--since '{}': give a duration such as 90d, 12w or 36h",
                                              terminal_safe(o.since)));
  }
  const Timestamp now = facts::run_clock(o.now, g.config);
  const Timestamp from = now - *since;
  const std::string current_dir = resolve_policies("");
  const auto current = policy::load_program(current_dir, g.config);
  const auto next = policy::load_program(o.policies, g.config);
  if (!std::filesystem::exists(g.db_path)) {
    throw Error(ErrorKind::usage, fmt::format("{}: no database; import the shop's exports first "
                                              "(triage import ...) or name one with --db",
                                              g.db_path));
  }
  auto db = store::open(g.db_path, g.config, store::OpenMode::read_only);
  const Outcomes before = decide_window(*db, g.config, *current, from, now);
  const Outcomes after = decide_window(*db, g.config, *next, from, now);

  std::map<std::string, std::pair<int, int>> counts;
  for (const auto& [id, d] : before) ++counts[d.action].first;
  for (const auto& [id, d] : after) ++counts[d.action].second;
  std::vector<std::string> changed;
  for (const auto& [id, b] : before) {
    const auto it = after.find(id);
    if (it != after.end() && (it->second.action != b.action || it->second.tags != b.tags))
      changed.push_back(id);
  }

  const std::string current_name = current_dir.empty() ? "built-in pack" : current_dir;
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["since"] = o.since;
    j["complaints"] = before.size();
    j["before"] = {{"policies", current_name}, {"policy_version", current->version()}};
    j["after"] = {{"policies", o.policies}, {"policy_version", next->version()}};
    j["counts"] = nlohmann::ordered_json::array();
    for (const auto& [action, c] : counts)
      j["counts"].push_back({{"action", action}, {"before", c.first}, {"after", c.second}});
    j["changes"] = nlohmann::ordered_json::array();
    for (const auto& id : changed) {
      const Outcome& b = before.at(id);
      const Outcome& a = after.at(id);
      nlohmann::ordered_json facts = nlohmann::ordered_json::array();
      for (const auto& f : facts_behind(b, a))
        facts.push_back({{"fact", f.fact}, {"before", f.before}, {"after", f.after}});
      auto side = [](const Outcome& x) {
        return nlohmann::ordered_json{{"action", x.action}, {"rule", x.rule}, {"segment", x.segment},
                                      {"tags", x.tags}};
      };
      nlohmann::ordered_json rules = nlohmann::ordered_json::array();
      for (const auto& r : rules_behind(b, a))
        rules.push_back({{"rule", r.rule}, {"matched_before", r.matched_before},
                         {"matched_after", r.matched_after}, {"detail", r.detail}});
      j["changes"].push_back({{"complaint", id}, {"customer", b.customer}, {"before", side(b)},
                              {"after", side(a)}, {"rules", rules}, {"facts", facts}});
    }
    fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } else {
    fmt::print("Backtest over {} complaint{} received in the last {}: {} ({}) -> {} ({})\n\n",
               before.size(), before.size() == 1 ? "" : "s", terminal_safe(o.since),
               terminal_safe(current_name), current->version(), terminal_safe(o.policies),
               next->version());
    fmt::print("{:<22} {:>7} {:>7} {:>7}\n", "ACTION", "BEFORE", "AFTER", "CHANGE");
    for (const auto& [action, c] : counts) {
      const int delta = c.second - c.first;
      fmt::print("{:<22} {:>7} {:>7} {:>7}\n", action, c.first, c.second,
                 delta == 0 ? std::string() : fmt::format("{:+}", delta));
    }
    fmt::print("\n{} complaint{} decided differently{}\n", changed.size(),
               changed.size() == 1 ? "" : "s", changed.empty() ? "." : ":");
    for (const auto& id : changed) {
      const Outcome& b = before.at(id);
      const Outcome& a = after.at(id);
      fmt::print("\n{}  {}\n", terminal_safe(id), terminal_safe(b.customer));
      fmt::print("  action  {} ({}) -> {} ({})\n", b.action, b.rule.empty() ? "no rule" : b.rule,
                 a.action, a.rule.empty() ? "no rule" : a.rule);
      if (a.tags != b.tags) fmt::print("  tags    {} -> {}\n", join(b.tags), join(a.tags));
      for (const auto& r : rules_behind(b, a)) {
        fmt::print("  rule    {} {}: {}\n", r.rule,
                   r.matched_after ? "now matches" : "no longer matches", terminal_safe(r.detail));
      }
      for (const auto& f : facts_behind(b, a)) {
        if (f.before == f.after || f.before.empty() || f.after.empty()) {
          fmt::print("  fact    {} = {}\n", f.fact,
                     terminal_safe(f.before.empty() ? f.after : f.before));
        } else {
          fmt::print("  fact    {} = {} -> {}\n", f.fact, terminal_safe(f.before),
                     terminal_safe(f.after));
        }
      }
    }
  }
  if (g.verbosity != Verbosity::quiet) {
    fmt::print(stderr, "{} complaints backtested, {} decided differently (nothing recorded)\n",
               before.size(), changed.size());
  }
  return exit_ok;
}

}  // namespace triage::cli
