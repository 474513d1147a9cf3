// A policy pack as written: its files read (stage "load") and their TOML turned
// into definitions with parsed conditions (stage "parse"), then triage.toml's
// param overrides applied (stage "params"). Problems are collected in
// Diagnostics, all of them, each as FILE:LINE:COL: message.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/facts/facts.hpp"
#include "triage/policy/ast.hpp"

namespace triage::policy {

// One file of a pack.
struct SourceFile {
  std::string name;     // relative to the pack: "threats.toml", "tests/threats.toml"
  std::string display;  // as shown in messages: "policies/threats.toml"
  std::string content;
};

struct PackSource {
  std::string dir;                // empty: the built-in pack
  std::vector<SourceFile> files;  // policy files, sorted by name
  std::vector<SourceFile> tests;  // tests/*.toml, sorted by name
};

// Stage "load": the pack's files. dir empty: the embedded default pack.
// Throws Error(policy) when the directory cannot be read or has no policy file.
PackSource load_sources(const std::string& dir);

// A place in a file. col counts characters (code points), from 1.
struct Loc {
  std::string file;  // display name
  int line = 0;
  int col = 0;
  std::string str() const;  // "FILE:LINE:COL"
};

// Where a string value's content starts, so that an offset into the string
// maps to a line and column of the file.
struct StringOrigin {
  Loc start;  // the first character of the content
  // The line and column of a byte offset into the string's (unescaped)
  // content; escapes in basic strings are not accounted for.
  Loc at(std::string_view content, std::uint32_t offset) const;
};

// Problems found, from every stage; thrown together as one Error(policy).
class Diagnostics {
 public:
  void add(const Loc& where, const std::string& message);
  void add_raw(const std::string& line);  // a message that already names its place
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  // The messages, sorted by file, line and column, one a line.
  std::string text() const;
  // Throws Error(ErrorKind::policy) with text() when there are problems.
  void throw_if_any() const;

 private:
  struct Item {
    std::string file;
    int line = 0, col = 0;
    std::string text;
    std::size_t seq = 0;
  };
  std::vector<Item> items_;
};

// A condition as written, parsed (expr is null when it did not parse).
struct Condition {
  std::string source;
  StringOrigin origin;
  ExprPtr expr;
};

// A template with {fact} placeholders: a rule's why, an action's reply.
struct Template {
  std::string text;
  StringOrigin origin;
};

struct ParamDef {
  std::string name;
  facts::Type type = facts::Type::number;  // number or duration
  double value = 0;                        // a duration in seconds
  bool fractional = false;                 // written with a decimal point: shown with cents
  Loc where;
  std::string overridden_at;  // triage.toml place when overridden
};

struct LexiconDef {
  std::string name;
  std::string about;
  std::vector<std::string> phrases;
  std::vector<std::string> regexes;
  Loc where;
};

struct ClassifyDef {
  std::string kind;
  Condition when;
  Loc where;
};

struct SegmentDef {
  std::string id;
  Condition when;
  Loc where;
};

struct RuleDef {
  std::string id;
  Condition when;
  std::string action;  // empty: a tag-only rule
  Loc action_at;
  std::string tag;
  int priority = 0;
  Template why;
  bool has_why = false;
  Loc where;
};

struct ActionDef {
  std::string name;
  std::string label;
  std::string meaning;
  std::map<std::string, Template> reply;  // language -> draft
  Loc where;
  bool builtin = false;
};

// The reply languages actions may carry.
const std::vector<std::string>& reply_languages();

struct Pack {
  std::string dir;
  std::size_t file_count = 0;
  std::vector<ParamDef> params;
  std::vector<LexiconDef> lexicons;
  std::vector<ClassifyDef> classify;  // load order
  std::vector<SegmentDef> segments;   // load order
  std::vector<RuleDef> rules;         // load order
  std::vector<ActionDef> actions;     // load order; `escalate` always present
  std::string normalized;             // file names and contents, for the version hash

  const ParamDef* param(std::string_view name) const;
  const ActionDef* action(std::string_view name) const;
  const LexiconDef* lexicon(std::string_view name) const;
};

// The policy files' names and contents as the version hash reads them.
std::string normalized_files(const PackSource& src);

// Stage "parse": TOML to definitions, conditions to syntax trees. Unknown
// keys, missing or mistyped fields, duplicate ids and syntax errors go to diags.
Pack parse_pack(const PackSource& src, Diagnostics& diags);

// Stage "params": triage.toml's [params] replace the pack's; an unknown param
// or a value of the wrong kind is reported at triage.toml's line.
void apply_overrides(Pack& pack, const Config& config, Diagnostics& diags);

// Closest candidate to `name` by edit distance, or "" when nothing is close.
std::string nearest(std::string_view name, const std::vector<std::string>& candidates);
// "; did you mean `x`?" or "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace triage::policy
