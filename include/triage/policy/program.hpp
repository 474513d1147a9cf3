// The policy engine's public face: a policy pack loaded, checked and compiled
// into a Program, and the Decision it makes for one complaint's facts, with the
// trace that explain, test and the writers render. The engine never prints.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/core/model.hpp"
#include "triage/facts/facts.hpp"

namespace triage::policy {

// A fact a condition read, with its value as shown to people.
struct FactRead {
  std::string name;   // "customer.ltv" or "params.vip_ltv"
  std::string value;  // "320.00 PLN"; "missing" when missing
  bool missing = false;
};

// A lexicon that matched, with what in the text made it match.
struct LexiconHit {
  std::string lexicon;             // "review_threat"
  std::vector<std::string> words;  // the matched text, as it stood in the normalized message
};

// One rule's outcome, for explain.
struct RuleTrace {
  std::string stage;  // "classify", "segment", "tag", "action"
  std::string id;     // rule id (classify: the kind; segment: the segment id)
  std::string file;   // "threats.toml:12"
  std::string action; // action rules: the action it gives
  std::string tag;    // the tag it adds, if any
  int priority = 0;
  bool matched = false;
  std::string when;         // the condition's source text
  std::string failed;       // for a rule that did not match: the first failing comparison, with values
  std::vector<FactRead> facts;
  std::vector<LexiconHit> hits;
  std::vector<std::string> missing;  // facts that were missing
};

struct Decision {
  std::string kind;           // complaint.kind after classify
  bool kind_inferred = false; // true when classify set it
  std::string segment;
  std::string action;
  std::string action_label;
  std::string rule;  // winning rule id; empty when none matched (action escalate)
  int priority = 0;
  std::vector<std::string> tags;
  std::string why;
  std::string lang;   // reply language
  std::string reply;  // the action's reply draft in `lang`, placeholders filled
  std::vector<FactRead> evidence;  // facts the winning rule read (and tag rules that matched)
  std::vector<LexiconHit> hits;    // lexicon hits of the winning and tag rules
  std::vector<std::string> also_matched;  // other action rules that matched, by priority
  Timestamp reply_by = 0;
  bool overdue = false;
  std::vector<RuleTrace> trace;  // every rule of every stage, in order (filled when asked)
};

enum class Tracing { off, full };

// What a loaded pack holds, for `triage check`'s summary.
struct PackInfo {
  std::size_t files = 0;
  std::size_t rules = 0;  // [[rule]]s
  std::size_t actions = 0;
  std::size_t lexicons = 0;
  std::size_t segments = 0;
  std::size_t classify = 0;
};

struct PackSource;

class Program {
 public:
  virtual ~Program() = default;
  // A hash of the pack's normalized content, recorded with every decision.
  virtual const std::string& version() const = 0;
  // Decides one complaint. `facts` must hold the store's facts; classify,
  // segment and tags are written into it as the stages run. Pure: the clock is
  // the `now` fact.
  virtual Decision decide(facts::FactSet& facts, Tracing tracing) const = 0;
  // The label of an action ("Reship today"), for writers.
  virtual std::string action_label(const std::string& action) const = 0;
  // Counts of what the pack defines.
  virtual PackInfo info() const { return {}; }
  // Every action the pack defines (built-in `escalate` included), in load order.
  virtual std::vector<std::string> action_names() const { return {}; }
};

// Loads the pack in `dir` (empty: the default pack built into the binary),
// applies triage.toml's overrides, checks and compiles it. Throws
// Error(ErrorKind::policy) with "FILE:LINE:COL: message" on the first
// problems found (all of them, one a line).
std::shared_ptr<const Program> load_program(const std::string& dir, const Config& config);
// The same from files already read (see pack.hpp's load_sources).
std::shared_ptr<const Program> load_program(const PackSource& source, const Config& config);

}  // namespace triage::policy
