// Stage "compile": a checked pack turned into the compact form the evaluator
// runs: flat node arrays with fact ids and folded params instead of names,
// lexicons compiled once, templates split into literal and fact pieces.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "triage/facts/facts.hpp"
#include "triage/policy/ast.hpp"
#include "triage/policy/lexicon.hpp"
#include "triage/policy/pack.hpp"

namespace triage::policy {

enum class NodeOp : std::uint8_t {
  constant,  // number / boolean / duration / string value in `number` or `str`
  fact,      // facts[index]
  list,      // items are nodes [a, a + b)
  truthy,    // a boolean fact used as a condition: true only when present and true
  not_,
  and_,
  or_,
  compare,   // a `cmp` b over numbers (money, durations, times) or strings
  in_list,   // a in list b
  in_tags,   // a in the tags fact
  matches,   // text a matches lexicon `index`
  arith,     // a `arith` b (add, sub, mul, div) or neg a
};

struct Node {
  NodeOp op = NodeOp::constant;
  Op cmp = Op::eq;  // compare: eq..ge; arith: add..div, neg
  ValueType type = ValueType::unknown;
  std::uint16_t a = 0, b = 0;  // operands (node indices); list: first of `items` and count
  bool b_first = false;        // and/or: test b before a, as it is much cheaper (no lexicon)
  std::int32_t index = -1;     // fact id, lexicon index, or the param a constant came from
  double number = 0;
  std::string str;
  std::uint32_t begin = 0, end = 0;  // span in the condition's source
};

struct CompiledExpr {
  std::string source;
  std::vector<Node> nodes;
  std::uint16_t root = 0;
  std::vector<std::uint16_t> items;       // list items' node indices, each list's run together
  std::vector<facts::FactId> facts_read;  // every fact the condition names, first use first
  std::vector<int> params_read;           // every param it names
  std::vector<int> lexicons_read;         // every lexicon it matches against
};

// A template split at its {placeholders}.
struct TemplatePiece {
  enum class Kind : std::uint8_t { literal, fact, param } kind = Kind::literal;
  std::string text;  // literal text
  int index = -1;    // FactId or param index
};
using CompiledTemplate = std::vector<TemplatePiece>;

struct CompiledParam {
  std::string name;
  facts::Type type = facts::Type::number;  // number or duration
  double value = 0;
  bool fractional = false;
};

struct CompiledLexicon {
  std::string name;
  std::unique_ptr<Lexicon> lexicon;
};

enum class Stage : std::uint8_t { classify, segment, tag, action };
const char* to_string(Stage s);

struct CompiledRule {
  Stage stage = Stage::action;
  std::string id;    // classify: the kind it sets; segment: the segment
  std::string file;  // "threats.toml:12"
  CompiledExpr when;
  std::string tag;   // empty: none
  int action = -1;   // index into actions; -1 for tag-only, classify, segment
  int priority = 0;
  CompiledTemplate why;
  bool has_why = false;
};

struct CompiledAction {
  std::string name;
  std::string label;
  std::string meaning;
  std::array<CompiledTemplate, 4> reply;  // by reply_languages() order: en, pl, cs, uk
  std::array<bool, 4> has_reply{};
};

struct CompiledPack {
  std::vector<CompiledParam> params;
  std::vector<CompiledLexicon> lexicons;
  // Every lexicon in one pass over complaint.text (index = lexicon index).
  std::unique_ptr<LexiconBank> bank;
  std::vector<CompiledRule> classify;
  std::vector<CompiledRule> segments;
  std::vector<CompiledRule> tag_rules;     // tag-only rules, load order
  std::vector<CompiledRule> action_rules;  // rules with an action, load order
  std::vector<CompiledAction> actions;
  int escalate = -1;      // index of the `escalate` action
  int reply_within = -1;  // index of the `reply_within` param
  std::size_t file_count = 0;
  std::size_t rule_count = 0;  // [[rule]]s as written
  std::string version;

  int param_index(std::string_view name) const;
  int action_index(std::string_view name) const;
};

// Compiles a pack that passed the checker (conditions annotated). A lexicon
// whose phrases or regexes do not compile is reported in diags.
std::shared_ptr<CompiledPack> compile_pack(const Pack& pack, Diagnostics& diags);

// The version: SHA-256 (first 16 hex digits) of the files' names and contents
// and the effective params.
std::string pack_version(const Pack& pack);

}  // namespace triage::policy
