// Policy test cases: reading [[case]] tables into facts, running them through
// a Program and describing each failure with the decision and its evidence.
#include "triage/policy/policy_tests.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <toml.hpp>

#include "triage/core/text_safety.hpp"
#include "triage/policy/calendar.hpp"
#include "triage/policy/toml_source.hpp"

namespace triage::policy {

namespace {

constexpr Timestamp kDefaultReceived = 1795168800;  // 2026-11-20T10:00:00Z

std::vector<std::string> sorted_keys(const toml::value& t) {
  std::vector<std::string> keys;
  for (const auto& [k, _] : t.as_table()) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  return keys;
}

// ISO 8601 as cases write it: 2026-11-20T10:00:00Z, with an offset
// (+01:00), without seconds, or a bare date; no zone means UTC.
bool parse_time(const std::string& s, Timestamp& out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, used = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10) return false;
  std::size_t i = 10;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    int n = 0;
    if (std::sscanf(s.c_str() + i + 1, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5) return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (std::sscanf(s.c_str() + i + 1, "%2d%n", &sec, &n) != 1 || n != 2) return false;
      i += 3;
    }
  }
  long offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh = 0, om = 0, n = 0;
    if (std::sscanf(s.c_str() + i + 1, "%2d:%2d%n", &oh, &om, &n) != 2 || n != 5) return false;
    offset = (s[i] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
    i += 6;
  }
  if (i != s.size()) return false;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return false;
  out = date::sys_days(ymd).time_since_epoch().count() * 86400L + h * 3600L + mi * 60L + sec - offset;
  return true;
}

class CaseReader {
 public:
  CaseReader(const SourceFile& file, const Config& config, Diagnostics& diags)
      : file_(file), config_(config), diags_(diags) {}

  void run(std::vector<TestCase>& out) {
    const auto parsed = parse_toml_source(file_, diags_);
    if (!parsed) return;
    const toml::value& doc = *parsed;
    if (!doc.is_table()) return;
    for (const auto& k : sorted_keys(doc))
      if (k != "case")
        diags_.add(key_loc(k, doc.at(k)), fmt::format("unknown key `{}` in a test file; write cases as [[case]]", k));
    if (!doc.contains("case")) return;
    const auto& cases = doc.at("case");
    if (!cases.is_array()) {
      diags_.add(loc_of(cases.location()), "`case` must be a list of tables: write [[case]]");
      return;
    }
    for (const auto& c : cases.as_array()) {
      if (!c.is_table()) continue;
      TestCase tc;
      if (one(c, tc)) out.push_back(std::move(tc));
    }
  }

 private:
  const SourceFile& file_;
  const Config& config_;
  Diagnostics& diags_;
  bool ok_ = true;

  Loc loc_of(const toml::source_location& loc) const { return toml_loc(file_.display, loc); }
  Loc key_loc(const std::string& key, const toml::value& v) const {
    return toml_key_loc(file_.display, key, v);
  }
  void bad(const Loc& l, const std::string& msg) {
    diags_.add(l, msg);
    ok_ = false;
  }

  std::optional<std::string> str(const toml::value& v, const std::string& what) {
    if (v.is_string()) return std::string(v.as_string());
    bad(loc_of(v.location()), fmt::format("`{}` must be a string", what));
    return std::nullopt;
  }

  std::optional<Timestamp> time(const toml::value& v, const std::string& what) {
    Timestamp t = 0;
    if (v.is_offset_datetime()) {
      const auto tp = static_cast<std::chrono::system_clock::time_point>(v.as_offset_datetime());
      return std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count();
    }
    if (v.is_string() && parse_time(v.as_string(), t)) return t;
    bad(loc_of(v.location()), fmt::format("`{}` must be a time such as \"2026-11-20T10:00:00Z\"", what));
    return std::nullopt;
  }

  void set_fact(facts::FactSet& f, facts::FactId id, const toml::value& v) {
    const auto& info = facts::info(id);
    const std::string name(info.name);
    switch (info.type) {
      case facts::Type::boolean:
        if (v.is_boolean()) return f.set_bool(id, v.as_boolean());
        return bad(loc_of(v.location()), fmt::format("`{}` must be true or false", name));
      case facts::Type::number:
      case facts::Type::money:
        if (v.is_integer()) return f.set_number(id, static_cast<double>(v.as_integer()));
        if (v.is_floating()) return f.set_number(id, v.as_floating());
        return bad(loc_of(v.location()), fmt::format("`{}` must be a number", name));
      case facts::Type::duration:
        if (v.is_string())
          if (const auto s = parse_duration(v.as_string().str)) return f.set_number(id, static_cast<double>(*s));
        return bad(loc_of(v.location()), fmt::format("`{}` must be a duration such as \"12d\"", name));
      case facts::Type::time:
        if (const auto t = time(v, name)) f.set_number(id, static_cast<double>(*t));
        return;
      case facts::Type::string:
      case facts::Type::text:
        if (const auto s = str(v, name)) f.set_text(id, *s);
        return;
      case facts::Type::tags:
        return;
    }
  }

  std::vector<std::string> string_list(const toml::value& v, const std::string& what) {
    std::vector<std::string> out;
    if (!v.is_array()) {
      bad(loc_of(v.location()), fmt::format("`{}` must be a list of strings", what));
      return out;
    }
    for (const auto& s : v.as_array())
      if (const auto x = str(s, what)) out.push_back(*x);
    return out;
  }

  void table(const toml::value& t, const std::string& prefix, TestCase& tc, std::string& subject,
             std::string& message) {
    if (!t.is_table()) {
      bad(loc_of(t.location()), fmt::format("`{}` must be a table: write [case.{}]", prefix, prefix));
      return;
    }
    std::vector<std::string> names;
    for (const auto& f : facts::catalogue())
      if (f.name.rfind(prefix + ".", 0) == 0) names.emplace_back(f.name);
    for (const auto& key : sorted_keys(t)) {
      const auto& v = t.at(key);
      if (prefix == "complaint" && (key == "subject" || key == "message")) {
        if (const auto s = str(v, "complaint." + key)) (key == "subject" ? subject : message) = *s;
        continue;
      }
      const std::string name = prefix + "." + key;
      const auto id = facts::find(name);
      if (!id || *id == facts::FactId::tags) {
        bad(key_loc(key, v), fmt::format("unknown fact `{}`{}", name, did_you_mean(name, names)));
        continue;
      }
      set_fact(tc.facts, *id, v);
    }
  }

  bool one(const toml::value& c, TestCase& tc) {
    ok_ = true;
    using facts::FactId;
    const Loc where = loc_of(c.location());
    tc.where = fmt::format("{}:{}", where.file, where.line);
    tc.facts.clear();
    tc.facts.currency = config_.currency;
    static const std::vector<std::string> keys = {"name", "now", "tags", "complaint", "order",
                                                  "customer", "dispute", "review", "expect"};
    for (const auto& k : sorted_keys(c))
      if (std::find(keys.begin(), keys.end(), k) == keys.end())
        bad(key_loc(k, c.at(k)), fmt::format("unknown key `{}` in [[case]]{}", k, did_you_mean(k, keys)));
    if (c.contains("name")) {
      if (const auto s = str(c.at("name"), "name")) tc.name = *s;
    } else {
      bad(where, "[[case]] has no `name`; add name = \"...\"");
    }
    std::string subject, message;
    for (const char* t : {"complaint", "order", "customer", "dispute", "review"})
      if (c.contains(t)) table(c.at(t), t, tc, subject, message);
    if (tc.facts[FactId::complaint_text].missing && (!subject.empty() || !message.empty()))
      tc.facts.set_text(FactId::complaint_text, subject.empty() ? message : message.empty() ? subject
                                                                         : subject + "\n" + message);
    if (tc.facts[FactId::complaint_received_at].missing)
      tc.facts.set_number(FactId::complaint_received_at, static_cast<double>(kDefaultReceived));
    if (tc.facts[FactId::complaint_answered].missing) tc.facts.set_bool(FactId::complaint_answered, false);
    const auto received = static_cast<Timestamp>(tc.facts[FactId::complaint_received_at].number);
    Timestamp now = received + 3600;
    if (c.contains("now"))
      if (const auto t = time(c.at("now"), "now")) now = *t;
    tc.facts.set_number(FactId::now, static_cast<double>(now));
    if (tc.facts[FactId::complaint_age].missing)
      tc.facts.set_number(FactId::complaint_age, static_cast<double>(now - received));
    if (c.contains("tags")) tc.facts.tags = string_list(c.at("tags"), "tags");
    if (!c.contains("expect")) {
      bad(where, fmt::format("case `{}` has no [case.expect]; say at least the action expected", tc.name));
    } else {
      const auto& e = c.at("expect");
      static const std::vector<std::string> ekeys = {"action", "rule", "segment", "kind", "tags", "not_tags"};
      if (!e.is_table()) {
        bad(loc_of(e.location()), "`expect` must be a table: write [case.expect]");
      } else {
        for (const auto& k : sorted_keys(e)) {
          const auto& v = e.at(k);
          if (k == "tags") {
            tc.expect.check_tags = true;
            tc.expect.tags = string_list(v, "expect.tags");
          } else if (k == "not_tags") {
            tc.expect.not_tags = string_list(v, "expect.not_tags");
          } else if (std::find(ekeys.begin(), ekeys.end(), k) != ekeys.end()) {
            if (const auto s = str(v, "expect." + k))
              (k == "action" ? tc.expect.action : k == "rule" ? tc.expect.rule : k == "segment" ? tc.expect.segment
                                                                                 : tc.expect.kind) = *s;
          } else {
            bad(key_loc(k, v), fmt::format("unknown key `{}` in [case.expect]{}", k, did_you_mean(k, ekeys)));
          }
        }
      }
    }
    return ok_;
  }
};

std::string list(const std::vector<std::string>& v) { return fmt::format("[{}]", fmt::join(v, ", ")); }

}  // namespace

std::vector<TestCase> load_cases(const std::vector<SourceFile>& files, const Config& config, Diagnostics& diags) {
  std::vector<TestCase> out;
  for (const auto& f : files) CaseReader(f, config, diags).run(out);
  return out;
}

TestReport run_cases(const Program& program, const std::vector<TestCase>& cases) {
  TestReport rep;
  for (const auto& tc : cases) {
    CaseResult r;
    r.test = &tc;
    facts::FactSet f = tc.facts;
    r.decision = program.decide(f, Tracing::off);
    const auto& d = r.decision;
    const auto& e = tc.expect;
    if (!e.action.empty() && e.action != d.action)
      r.problems.push_back(fmt::format("action: expected {}, got {}", e.action, d.action));
    if (!e.rule.empty() && e.rule != d.rule)
      r.problems.push_back(fmt::format("rule: expected {}, got {}", e.rule, d.rule.empty() ? "none" : d.rule));
    if (!e.segment.empty() && e.segment != d.segment)
      r.problems.push_back(fmt::format("segment: expected {}, got {}", e.segment, d.segment));
    if (!e.kind.empty() && e.kind != d.kind)
      r.problems.push_back(fmt::format("kind: expected {}, got {}", e.kind, d.kind.empty() ? "none" : d.kind));
    if (e.check_tags) {
      auto want = e.tags, got = d.tags;
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      want.erase(std::unique(want.begin(), want.end()), want.end());
      if (want != got) r.problems.push_back(fmt::format("tags: expected {}, got {}", list(want), list(got)));
    }
    for (const auto& t : e.not_tags)
      if (std::find(d.tags.begin(), d.tags.end(), t) != d.tags.end())
        r.problems.push_back(fmt::format("tags: expected no `{}`, got {}", t, list(d.tags)));
    r.passed = r.problems.empty();
    if (!r.passed) {
      // The full trace says why the rules that were expected did not match.
      facts::FactSet again = tc.facts;
      r.decision = program.decide(again, Tracing::full);
    }
    (r.passed ? rep.passed : rep.failed)++;
    rep.results.push_back(std::move(r));
  }
  return rep;
}

std::string render_failure(const CaseResult& r) {
  const auto& d = r.decision;
  const auto& tc = *r.test;
  std::string out = fmt::format("FAIL {} ({})\n", tc.name, tc.where);
  for (const auto& p : r.problems) out += fmt::format("  {}\n", p);
  out += fmt::format("  decision: {} by {} (priority {}), segment {}, kind {}{}, tags {}\n", d.action,
                     d.rule.empty() ? "no rule" : "rule " + d.rule, d.priority, d.segment,
                     d.kind.empty() ? "none" : d.kind, d.kind_inferred ? " (inferred)" : "", list(d.tags));
  out += fmt::format("  why: {}\n", d.why);
  if (!d.evidence.empty()) {
    std::vector<std::string> ev;
    for (const auto& f : d.evidence) ev.push_back(fmt::format("{} = {}", f.name, f.value));
    out += fmt::format("  evidence: {}\n", fmt::join(ev, "; "));
  }
  for (const auto& h : d.hits) out += fmt::format("  lexicon {}: {}\n", h.lexicon, fmt::join(h.words, ", "));
  if (!d.also_matched.empty()) out += fmt::format("  also matched: {}\n", fmt::join(d.also_matched, ", "));
  // The rules that would have given what was expected, and why they did not match.
  for (const auto& t : d.trace) {
    if (t.stage != "action" || t.matched) continue;
    const bool wanted = (!tc.expect.rule.empty() && t.id == tc.expect.rule) ||
                        (tc.expect.rule.empty() && !tc.expect.action.empty() && t.action == tc.expect.action &&
                         tc.expect.action != d.action);
    if (wanted) out += fmt::format("  rule {} ({}) did not match: {}\n", t.id, t.file, t.failed);
  }
  return out;
}

}  // namespace triage::policy
