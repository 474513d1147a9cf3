// `triage test`: the [[case]]s under a pack's tests/, each the facts of one
// complaint and the decision expected, run through the compiled program.
#pragma once

#include <string>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/facts/facts.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/program.hpp"

namespace triage::policy {

struct Expectation {
  std::string action;  // empty: not checked
  std::string rule;
  std::string segment;
  std::string kind;
  bool check_tags = false;
  std::vector<std::string> tags;  // exact set
  std::vector<std::string> not_tags;
};

struct TestCase {
  std::string name;
  std::string where;  // "tests/threats.toml:12"
  facts::FactSet facts;
  Expectation expect;
};

// Reads the cases of every file; unknown facts, bad values and unknown keys
// are reported in diags with FILE:LINE:COL.
std::vector<TestCase> load_cases(const std::vector<SourceFile>& files, const Config& config,
                                 Diagnostics& diags);

struct CaseResult {
  const TestCase* test = nullptr;
  bool passed = true;
  std::vector<std::string> problems;  // "action: expected reship, got escalate"
  Decision decision;
};

struct TestReport {
  std::vector<CaseResult> results;
  std::size_t passed = 0, failed = 0;
};

TestReport run_cases(const Program& program, const std::vector<TestCase>& cases);

// The failure as people read it: name and place, expected vs actual, evidence.
std::string render_failure(const CaseResult& r);

}  // namespace triage::policy
