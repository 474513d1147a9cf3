// Evaluation of compiled conditions over one complaint's facts, and the
// decision procedure (classify → segment → tag rules → action rules). Pure:
// nothing is printed, the clock is the `now` fact.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "triage/policy/calendar.hpp"
#include "triage/policy/compiler.hpp"
#include "triage/policy/program.hpp"

namespace triage::policy {

// Per-decision scratch: the complaint text normalized once, and each
// lexicon's result once. Reused across decisions by reset().
class EvalContext {
 public:
  EvalContext(const CompiledPack& pack, facts::FactSet& facts);
  ~EvalContext();
  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;
  void reset();
  const CompiledPack& pack() const { return pack_; }
  facts::FactSet& facts() { return facts_; }
  // The normalized text of a text or string fact (complaint.text is cached).
  const std::string& normalized(facts::FactId id);
  // Whether lexicon `index` matches the normalized text of fact `id`.
  bool lexicon_matches(int index, facts::FactId id);

 private:
  const CompiledPack& pack_;
  facts::FactSet& facts_;
  std::string text_;  // normalized complaint.text
  bool text_ready_ = false;
  std::string scratch_;
  std::vector<std::int8_t> lex_;  // -1 unknown, 0 no, 1 yes (for complaint.text)
};

// The condition's outcome. A comparison with a missing operand is false.
bool evaluate(const CompiledExpr& e, EvalContext& ctx);

// For a condition that evaluated false: the first comparison that failed, with
// the values it saw ("customer.ltv >= params.vip_ltv: 320.00 PLN < 1500.00 PLN").
std::string explain_failure(const CompiledExpr& e, EvalContext& ctx);

// The facts and params the condition names, with their values; appended to
// `out` unless already there.
void collect_reads(const CompiledExpr& e, EvalContext& ctx, std::vector<FactRead>& out,
                   std::vector<std::string>* missing);
// The lexicons the condition matched, with the words that made them match.
void collect_hits(const CompiledExpr& e, EvalContext& ctx, std::vector<LexiconHit>& out);

// A template filled from the facts and params.
std::string fill(const CompiledTemplate& t, EvalContext& ctx);

// Settings the decision needs besides the pack.
struct DecideSettings {
  const Calendar* calendar = nullptr;
  std::string default_lang = "en";
};

// The whole decision for one complaint; `facts` gains complaint.kind (when
// inferred), customer.segment and the rules' tags.
Decision decide(const CompiledPack& pack, const DecideSettings& settings, facts::FactSet& facts,
                Tracing tracing);

}  // namespace triage::policy
