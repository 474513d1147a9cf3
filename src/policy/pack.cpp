// Stages "load", "parse" and "params" of the policy pipeline: reading a pack's
// files, turning their TOML into definitions with parsed conditions, and
// applying triage.toml's param overrides. Every problem is collected.
#include "triage/policy/pack.hpp"

#include "triage/policy/toml_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <toml.hpp>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/policy/calendar.hpp"
#include "triage/policy/default_pack.hpp"
#include "triage/policy/parser.hpp"

namespace triage::policy {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(ErrorKind::policy, fmt::format("{}: cannot read the file; check its permissions", p.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// ---- stage "load" ----------------------------------------------------------

PackSource load_sources(const std::string& dir) {
  PackSource src;
  src.dir = dir;
  if (dir.empty()) {
    for (const auto& f : default_pack_files()) {
      if (!ends_with(f.path, ".toml")) continue;
      SourceFile sf{std::string(f.path), "(built-in)/" + std::string(f.path), std::string(f.content)};
      if (f.path.rfind("tests/", 0) == 0) src.tests.push_back(std::move(sf));
      else if (f.path.find('/') == std::string_view::npos) src.files.push_back(std::move(sf));
    }
  } else {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      throw Error(ErrorKind::policy,
                  fmt::format("{}: not a policy directory; give --policies a directory of *.toml files", dir));
    auto scan = [&](const fs::path& d, const std::string& prefix, std::vector<SourceFile>& out) {
      std::error_code e2;
      if (!fs::is_directory(d, e2)) return;
      for (const auto& entry : fs::directory_iterator(d)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
        const std::string name = prefix + entry.path().filename().string();
        out.push_back({name, (fs::path(dir) / name).string(), read_file(entry.path())});
      }
    };
    scan(dir, "", src.files);
    scan(fs::path(dir) / "tests", "tests/", src.tests);
    if (src.files.empty())
      throw Error(ErrorKind::policy,
                  fmt::format("{}: no policy files (*.toml) in this directory; `triage init` writes the "
                              "default pack",
                              dir));
  }
  auto by_name = [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; };
  std::sort(src.files.begin(), src.files.end(), by_name);
  std::sort(src.tests.begin(), src.tests.end(), by_name);
  return src;
}

// ---- places and diagnostics ------------------------------------------------

std::string Loc::str() const { return fmt::format("{}:{}:{}", file, line, col); }

Loc StringOrigin::at(std::string_view content, std::uint32_t offset) const {
  Loc l = start;
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(content.size()));
  const std::string_view before = content.substr(0, offset);
  const auto nl = before.rfind('\n');
  if (nl == std::string_view::npos) {
    l.col = start.col + static_cast<int>(code_points(before));
  } else {
    l.line = start.line + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    l.col = 1 + static_cast<int>(code_points(before.substr(nl + 1)));
  }
  return l;
}

void Diagnostics::add(const Loc& where, const std::string& message) {
  items_.push_back({where.file, where.line, where.col, fmt::format("{}: {}", where.str(), message),
                    items_.size()});
}

void Diagnostics::add_raw(const std::string& line) {
  Item it;
  it.text = line;
  it.seq = items_.size();
  // "FILE:LINE:COL: ..." sorts with the others.
  const auto c1 = line.find(':');
  it.file = line.substr(0, c1);
  if (c1 != std::string::npos) {
    it.line = std::atoi(line.c_str() + c1 + 1);
    const auto c2 = line.find(':', c1 + 1);
    if (c2 != std::string::npos) it.col = std::atoi(line.c_str() + c2 + 1);
  }
  items_.push_back(std::move(it));
}

std::string Diagnostics::text() const {
  auto sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Item& a, const Item& b) {
    return std::tie(a.file, a.line, a.col, a.seq) < std::tie(b.file, b.line, b.col, b.seq);
  });
  std::string out;
  std::set<std::string> seen;
  for (const auto& it : sorted) {
    if (!seen.insert(it.text).second) continue;
    if (!out.empty()) out += '\n';
    out += it.text;
  }
  return out;
}

void Diagnostics::throw_if_any() const {
  if (!items_.empty()) throw Error(ErrorKind::policy, text());
}

// ---- suggestions -----------------------------------------------------------

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(name, c);
    // The part after the last dot typed right under another prefix
    // ("order.ltv" for "customer.ltv") is a near miss too.
    const auto dot_n = name.rfind('.'), dot_c = c.rfind('.');
    if (dot_n != std::string_view::npos && dot_c != std::string::npos &&
        name.substr(dot_n) == std::string_view(c).substr(dot_c))
      d = std::min<std::size_t>(d, 2);
    // A name cut short ("params.vip" for "params.vip_ltv") is a near miss too.
    if (name.size() >= 3 && c.size() > name.size() && c.compare(0, name.size(), name) == 0 &&
        (c[name.size()] == '_' || c[name.size()] == '.'))
      d = std::min<std::size_t>(d, 2);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
  return best_d <= limit ? best : std::string();
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  const auto n = nearest(name, candidates);
  return n.empty() ? std::string() : fmt::format("; did you mean `{}`?", n);
}

const std::vector<std::string>& reply_languages() {
  static const std::vector<std::string> langs = {"en", "pl", "cs", "uk"};
  return langs;
}

const ParamDef* Pack::param(std::string_view name) const {
  for (const auto& p : params)
    if (p.name == name) return &p;
  return nullptr;
}
const ActionDef* Pack::action(std::string_view name) const {
  for (const auto& a : actions)
    if (a.name == name) return &a;
  return nullptr;
}
const LexiconDef* Pack::lexicon(std::string_view name) const {
  for (const auto& l : lexicons)
    if (l.name == name) return &l;
  return nullptr;
}

// ---- stage "parse" ---------------------------------------------------------

namespace {

class FileParser {
 public:
  FileParser(const SourceFile& file, Pack& pack, Diagnostics& diags) : file_(file), pack_(pack), diags_(diags) {}

  void run() {
    const auto parsed = parse_toml_source(file_, diags_);
    if (!parsed) return;
    const toml::value& doc = *parsed;
    if (!doc.is_table()) return;
    static const std::vector<std::string> sections = {"params", "lexicon", "classify", "segment", "rule", "action"};
    for (const auto& key : sorted_keys(doc)) {
      const auto& v = doc.at(key);
      if (key == "params") params(v);
      else if (key == "lexicon") named_tables(v, "lexicon", [&](const std::string& n, const toml::value& t) { lexicon(n, t); });
      else if (key == "action") named_tables(v, "action", [&](const std::string& n, const toml::value& t) { action(n, t); });
      else if (key == "classify" || key == "segment" || key == "rule") {
        // handled below, in file order
      } else {
        diags_.add(key_loc(key, v), fmt::format("unknown section `{}` (a policy file holds [params], "
                                                "[lexicon.NAME], [[classify]], [[segment]], [[rule]] and "
                                                "[action.NAME]){}",
                                                key, did_you_mean(key, sections)));
      }
    }
    // Arrays keep their order, which is the load order the stages use.
    if (doc.contains("classify")) each_entry(doc.at("classify"), "classify", [&](const toml::value& t) { classify(t); });
    if (doc.contains("segment")) each_entry(doc.at("segment"), "segment", [&](const toml::value& t) { segment(t); });
    if (doc.contains("rule")) each_entry(doc.at("rule"), "rule", [&](const toml::value& t) { rule(t); });
  }

 private:
  const SourceFile& file_;
  Pack& pack_;
  Diagnostics& diags_;

  static std::vector<std::string> sorted_keys(const toml::value& t) {
    std::vector<std::string> keys;
    for (const auto& [k, _] : t.as_table()) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  Loc loc_of(const toml::source_location& loc) const { return toml_loc(file_.display, loc); }
  Loc loc_of(const toml::value& v) const { return loc_of(v.location()); }

  Loc key_loc(const std::string& key, const toml::value& v) const {
    return toml_key_loc(file_.display, key, v);
  }

  StringOrigin string_origin(const toml::value& v) const {
    const auto loc = v.location();
    StringOrigin o;
    o.start = loc_of(loc);
    const std::string_view line = loc.line_str();
    const std::size_t byte = loc.column() >= 1 ? loc.column() - 1 : 0;
    const std::string_view rest = byte <= line.size() ? line.substr(byte) : std::string_view();
    if (rest.rfind("\"\"\"", 0) == 0 || rest.rfind("'''", 0) == 0) {
      if (rest.size() == 3) {  // the content starts on the next line
        o.start.line += 1;
        o.start.col = 1;
      } else {
        o.start.col += 3;
      }
    } else {
      o.start.col += 1;
    }
    return o;
  }

  template <class F>
  void named_tables(const toml::value& v, const char* what, F f) {
    if (!v.is_table()) {
      diags_.add(loc_of(v), fmt::format("`{}` must be tables named like [{}.NAME]", what, what));
      return;
    }
    for (const auto& name : sorted_keys(v)) {
      const auto& t = v.at(name);
      if (!t.is_table()) {
        diags_.add(key_loc(name, t), fmt::format("`{}.{}` must be a table: write [{}.{}]", what, name, what, name));
        continue;
      }
      f(name, t);
    }
  }

  template <class F>
  void each_entry(const toml::value& v, const char* what, F f) {
    if (!v.is_array()) {
      diags_.add(loc_of(v), fmt::format("`{}` must be a list of tables: write [[{}]]", what, what));
      return;
    }
    for (const auto& t : v.as_array()) {
      if (!t.is_table()) {
        diags_.add(loc_of(t), fmt::format("each `{}` must be a table: write [[{}]]", what, what));
        continue;
      }
      f(t);
    }
  }

  // Reports keys of table `t` that are not in `known`.
  void unknown_keys(const toml::value& t, const char* what, const std::vector<std::string>& known) {
    for (const auto& k : sorted_keys(t)) {
      if (std::find(known.begin(), known.end(), k) != known.end()) continue;
      std::string list;
      for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
      diags_.add(key_loc(k, t.at(k)),
                 fmt::format("unknown key `{}` in {} (known: {}){}", k, what, list, did_you_mean(k, known)));
    }
  }

  // A string field; nullopt (reported when required) when absent or mistyped.
  const toml::value* string_field(const toml::value& t, const char* key, const char* what, bool required) {
    if (!t.contains(key)) {
      if (required) diags_.add(loc_of(t), fmt::format("{} has no `{}`; add {} = \"...\"", what, key, key));
      return nullptr;
    }
    const auto& v = t.at(key);
    if (!v.is_string()) {
      diags_.add(loc_of(v), fmt::format("`{}` in {} must be a string in quotes", key, what));
      return nullptr;
    }
    return &v;
  }

  Condition condition(const toml::value& v) {
    Condition c;
    c.source = v.as_string();
    c.origin = string_origin(v);
    try {
      c.expr = parse_expression(c.source);
    } catch (const SyntaxError& e) {
      diags_.add(c.origin.at(c.source, e.offset()), e.what());
    }
    return c;
  }

  Template templ(const toml::value& v) {
    Template t;
    t.text = v.as_string();
    t.origin = string_origin(v);
    return t;
  }

  void params(const toml::value& v) {
    if (!v.is_table()) {
      diags_.add(loc_of(v), "`params` must be a table: write [params]");
      return;
    }
    for (const auto& name : sorted_keys(v)) {
      const auto& p = v.at(name);
      ParamDef d;
      d.name = name;
      d.where = key_loc(name, p);
      if (p.is_integer()) {
        d.value = static_cast<double>(p.as_integer());
      } else if (p.is_floating()) {
        d.value = p.as_floating();
        d.fractional = true;
      } else if (p.is_string()) {
        const auto secs = parse_duration(p.as_string().str);
        if (!secs) {
          diags_.add(loc_of(p), fmt::format("param `{}`: \"{}\" is not a duration; write it as \"90m\", \"36h\", "
                                            "\"14d\" or \"2w\"",
                                            name, p.as_string().str));
          continue;
        }
        d.type = facts::Type::duration;
        d.value = static_cast<double>(*secs);
      } else {
        diags_.add(loc_of(p), fmt::format("param `{}` must be a number or a duration such as \"24h\"", name));
        continue;
      }
      if (const auto* prev = pack_.param(name)) {
        diags_.add(d.where, fmt::format("param `{}` is defined twice; first at {}", name, prev->where.str()));
        continue;
      }
      pack_.params.push_back(std::move(d));
    }
  }

  std::vector<std::string> string_list(const toml::value& t, const char* key, const std::string& what) {
    std::vector<std::string> out;
    if (!t.contains(key)) return out;
    const auto& v = t.at(key);
    if (v.is_string()) {
      out.push_back(v.as_string());
      return out;
    }
    if (!v.is_array()) {
      diags_.add(loc_of(v), fmt::format("`{}` in {} must be a list of strings", key, what));
      return out;
    }
    for (const auto& s : v.as_array()) {
      if (!s.is_string()) {
        diags_.add(loc_of(s), fmt::format("`{}` in {} must hold only strings", key, what));
        continue;
      }
      out.push_back(s.as_string());
    }
    return out;
  }

  void lexicon(const std::string& name, const toml::value& t) {
    const std::string what = fmt::format("[lexicon.{}]", name);
    unknown_keys(t, what.c_str(), {"about", "phrases", "regex"});
    LexiconDef d;
    d.name = name;
    d.where = loc_of(t);
    if (const auto* a = string_field(t, "about", what.c_str(), false)) d.about = a->as_string();
    d.phrases = string_list(t, "phrases", what);
    d.regexes = string_list(t, "regex", what);
    if (d.phrases.empty() && d.regexes.empty())
      diags_.add(d.where, fmt::format("{} has no phrases and no regex; it would never match", what));
    if (const auto* prev = pack_.lexicon(name)) {
      diags_.add(d.where, fmt::format("lexicon `{}` is defined twice; first at {}", name, prev->where.str()));
      return;
    }
    pack_.lexicons.push_back(std::move(d));
  }

  void action(const std::string& name, const toml::value& t) {
    const std::string what = fmt::format("[action.{}]", name);
    unknown_keys(t, what.c_str(), {"label", "meaning", "reply"});
    ActionDef d;
    d.name = name;
    d.where = loc_of(t);
    if (const auto* l = string_field(t, "label", what.c_str(), true)) d.label = l->as_string();
    if (const auto* m = string_field(t, "meaning", what.c_str(), false)) d.meaning = m->as_string();
    if (t.contains("reply")) {
      const auto& r = t.at("reply");
      if (!r.is_table()) {
        diags_.add(loc_of(r), fmt::format("`reply` in {} must be one draft per language: reply.en = \"...\"", what));
      } else {
        for (const auto& lang : sorted_keys(r)) {
          const auto& draft = r.at(lang);
          const auto& langs = reply_languages();
          if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
            diags_.add(key_loc(lang, draft), fmt::format("unknown reply language `{}` in {}{}; use en, pl, cs or uk",
                                                         lang, what, did_you_mean(lang, langs)));
            continue;
          }
          if (!draft.is_string()) {
            diags_.add(loc_of(draft), fmt::format("reply.{} in {} must be a string", lang, what));
            continue;
          }
          d.reply.emplace(lang, templ(draft));
        }
      }
    }
    if (const auto* prev = pack_.action(name)) {
      diags_.add(d.where, fmt::format("action `{}` is defined twice; first at {}", name, prev->where.str()));
      return;
    }
    pack_.actions.push_back(std::move(d));
  }

  void classify(const toml::value& t) {
    unknown_keys(t, "[[classify]]", {"kind", "when", "about"});
    ClassifyDef d;
    d.where = loc_of(t);
    if (const auto* k = string_field(t, "kind", "[[classify]]", true)) d.kind = k->as_string();
    if (const auto* w = string_field(t, "when", "[[classify]]", true)) d.when = condition(*w);
    pack_.classify.push_back(std::move(d));
  }

  void segment(const toml::value& t) {
    unknown_keys(t, "[[segment]]", {"id", "when", "about"});
    SegmentDef d;
    d.where = loc_of(t);
    if (const auto* k = string_field(t, "id", "[[segment]]", true)) {
      d.id = k->as_string();
      d.where = loc_of(*k);
    }
    if (const auto* w = string_field(t, "when", "[[segment]]", true)) d.when = condition(*w);
    for (const auto& s : pack_.segments)
      if (!d.id.empty() && s.id == d.id) {
        diags_.add(d.where, fmt::format("segment `{}` is defined twice; first at {}", d.id, s.where.str()));
        return;
      }
    pack_.segments.push_back(std::move(d));
  }

  void rule(const toml::value& t) {
    unknown_keys(t, "[[rule]]", {"id", "when", "action", "tag", "priority", "why", "about"});
    RuleDef d;
    d.where = loc_of(t);
    const std::string what = "[[rule]]";
    if (const auto* k = string_field(t, "id", what.c_str(), true)) {
      d.id = k->as_string();
      d.where = loc_of(*k);
    }
    const std::string named = d.id.empty() ? what : fmt::format("rule `{}`", d.id);
    if (const auto* w = string_field(t, "when", named.c_str(), true)) d.when = condition(*w);
    if (const auto* a = string_field(t, "action", named.c_str(), false)) {
      d.action = a->as_string();
      d.action_at = string_origin(*a).start;
    }
    if (const auto* g = string_field(t, "tag", named.c_str(), false)) d.tag = g->as_string();
    if (t.contains("priority")) {
      const auto& p = t.at("priority");
      if (!p.is_integer()) diags_.add(loc_of(p), fmt::format("`priority` in {} must be a whole number", named));
      else d.priority = static_cast<int>(p.as_integer());
    }
    if (const auto* w = string_field(t, "why", named.c_str(), false)) {
      d.why = templ(*w);
      d.has_why = true;
    }
    if (d.action.empty() && d.tag.empty() && t.contains("id"))
      diags_.add(d.where, fmt::format("{} has neither `action` nor `tag`; give it one or both", named));
    for (const auto& r : pack_.rules)
      if (!d.id.empty() && r.id == d.id) {
        diags_.add(d.where, fmt::format("rule `{}` is defined twice; first at {}", d.id, r.where.str()));
        return;
      }
    pack_.rules.push_back(std::move(d));
  }
};

ActionDef builtin_escalate() {
  ActionDef d;
  d.name = "escalate";
  d.label = "Escalate to a person";
  d.meaning = "No rule decided this complaint; a person reads it and decides.";
  d.builtin = true;
  auto draft = [&](const char* lang, const char* text) {
    Template t;
    t.text = text;
    t.origin.start = Loc{"(built-in)", 0, 0};
    d.reply.emplace(lang, std::move(t));
  };
  draft("en", "Thank you for your message. We are looking into it and will get back to you shortly.");
  draft("pl", "Dziękujemy za wiadomość. Sprawdzamy sprawę i wkrótce się odezwiemy.");
  draft("cs", "Děkujeme za zprávu. Věc prověřujeme a brzy se vám ozveme.");
  draft("uk", "Дякуємо за повідомлення. Ми розглядаємо ваше звернення і незабаром відповімо.");
  return d;
}

}  // namespace

std::string normalized_files(const PackSource& src) {
  std::string out;
  for (const auto& f : src.files) {
    out += f.name;
    out += '\0';
    out += f.content;
    out += '\0';
  }
  return out;
}

Pack parse_pack(const PackSource& src, Diagnostics& diags) {
  Pack pack;
  pack.dir = src.dir;
  pack.file_count = src.files.size();
  for (const auto& f : src.files) FileParser(f, pack, diags).run();
  pack.normalized = normalized_files(src);
  if (!pack.action("escalate")) pack.actions.push_back(builtin_escalate());
  if (const auto* rw = pack.param("reply_within")) {
    if (rw->type != facts::Type::duration)
      diags.add(rw->where, "param `reply_within` must be a duration such as \"24h\"");
  } else {
    ParamDef d;
    d.name = "reply_within";
    d.type = facts::Type::duration;
    d.value = 24 * 3600;
    d.where = Loc{"(built-in)", 0, 0};
    pack.params.push_back(std::move(d));
  }
  return pack;
}

// ---- stage "params" --------------------------------------------------------

void apply_overrides(Pack& pack, const Config& config, Diagnostics& diags) {
  std::vector<std::string> names;
  for (const auto& p : pack.params) names.push_back(p.name);
  for (const auto& [name, o] : config.params) {
    const std::string where = o.where.empty() ? (config.path.empty() ? "triage.toml" : config.path) : o.where;
    ParamDef* p = nullptr;
    for (auto& q : pack.params)
      if (q.name == name) p = &q;
    if (!p) {
      diags.add_raw(fmt::format("{}: unknown param `{}` in [params] (the pack's params: {}){}", where, name,
                                fmt::join(names, ", "), did_you_mean(name, names)));
      continue;
    }
    if (const auto* num = std::get_if<double>(&o.value)) {
      if (p->type == facts::Type::duration) {
        diags.add_raw(fmt::format("{}: param `{}` is a duration; write it in quotes such as \"36h\"", where, name));
        continue;
      }
      p->value = *num;
      p->fractional = p->fractional || *num != static_cast<double>(static_cast<long long>(*num));
    } else {
      const auto& s = std::get<std::string>(o.value);
      const auto secs = parse_duration(s);
      if (p->type != facts::Type::duration) {
        diags.add_raw(fmt::format("{}: param `{}` is a number; write it without quotes", where, name));
        continue;
      }
      if (!secs) {
        diags.add_raw(fmt::format("{}: param `{}`: \"{}\" is not a duration; write \"90m\", \"36h\", \"14d\" or \"2w\"",
                                  where, name, s));
        continue;
      }
      p->value = static_cast<double>(*secs);
    }
    p->overridden_at = where;
  }
}

}  // namespace triage::policy
