// Renders one decision and its trace for people.
#include "triage/report/explain.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <set>

#include "triage/core/text_safety.hpp"
#include "triage/report/record.hpp"

namespace triage::report {

namespace {

std::string safe(std::string_view s) { return terminal_safe(s); }

std::string list(const std::vector<std::string>& v) {
  if (v.empty()) return "none";
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + safe(x);
  return out;
}

std::string quoted_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "\"" : ", \"") + safe(w) + "\"";
  return out;
}

const char* stage_title(std::string_view stage) {
  if (stage == "classify") return "classify (infer complaint.kind; first match)";
  if (stage == "segment") return "segment (first match)";
  if (stage == "tag") return "tag rules";
  if (stage == "action") return "action rules (highest priority wins)";
  return "rules";
}

std::string missing_line(const std::string& name, const facts::Notes& notes) {
  const auto id = facts::find(name);
  const std::string why = id ? facts::missing_reason(*id, notes) : std::string("not known");
  return fmt::format("{} is missing: {}", name, safe(why));
}

}  // namespace

std::string render_explanation(const Explanation& e) {
  const auto& c = *e.complaint;
  const auto& d = *e.decision;
  const auto& notes = *e.notes;
  std::string out;
  const auto line = [&](std::string_view s) {
    out += s;
    out += '\n';
  };

  line(fmt::format("Complaint {}", safe(c.complaint_id)));
  line(fmt::format("  received   {} ({})", short_local(c.received_at, e.zone), iso_local(c.received_at, e.zone)));
  line(fmt::format("  customer   {}", e.customer.empty() ? safe(notes.customer) : safe(e.customer)));
  line(fmt::format("  order      {}", e.order.empty() ? safe(notes.order) : safe(e.order)));
  std::string kind_note;
  if (!c.kind.empty()) kind_note = "given in the import";
  else if (notes.kind_kept) kind_note = "inferred by an earlier run under this policy version";
  else if (d.kind_inferred) kind_note = "inferred by the classify stage";
  else kind_note = "not given, and no classify rule matched";
  line(fmt::format("  kind       {} ({})", d.kind.empty() ? "none" : safe(d.kind), kind_note));
  line(fmt::format("  lang       {}", c.lang.empty() ? fmt::format("not given; reply in {}", safe(d.lang))
                                                      : safe(c.lang)));
  if (!c.channel.empty()) line(fmt::format("  channel    {}", safe(c.channel)));
  line(fmt::format("  answered   {}", c.first_reply_at ? "yes (" + short_local(*c.first_reply_at, e.zone) + ")"
                                                       : std::string("no")));
  line("");

  line(fmt::format("Decision: {}{}", safe(d.action), d.action_label.empty() ? "" : " — " + safe(d.action_label)));
  line(fmt::format("  rule       {}", d.rule.empty() ? "none matched (escalate)"
                                                     : fmt::format("{} (priority {})", safe(d.rule), d.priority)));
  line(fmt::format("  tags       {}", list(d.tags)));
  line(fmt::format("  segment    {}", safe(d.segment)));
  std::string reply_by = short_local(d.reply_by, e.zone) + " (" + iso_local(d.reply_by, e.zone) + ")";
  if (d.overdue) reply_by += " OVERDUE";
  else if (c.first_reply_at) reply_by += ", answered";
  line(fmt::format("  reply by   {}", reply_by));
  if (!d.also_matched.empty()) line(fmt::format("  also       {}", list(d.also_matched)));
  line(fmt::format("  why        {}", safe(d.why)));
  line("");

  line("Facts read");
  if (d.evidence.empty()) line("  none");
  std::size_t width = 0;
  for (const auto& f : d.evidence) width = std::max(width, f.name.size());
  for (const auto& f : d.evidence)
    line(fmt::format("  {:<{}}  {}", f.name, width, f.missing ? std::string("missing") : safe(f.value)));
  if (!d.hits.empty()) {
    line("");
    line("Lexicon hits");
    for (const auto& h : d.hits) line(fmt::format("  {}: {}", safe(h.lexicon), quoted_words(h.words)));
  }

  // Every rule, stage by stage.
  std::string stage;
  std::set<std::string> missing_seen;
  for (const auto& t : d.trace) {
    if (t.stage != stage) {
      stage = t.stage;
      line("");
      line(fmt::format("Rules: {}", stage_title(stage)));
    }
    const bool skipped = !t.matched && t.failed.rfind("skipped", 0) == 0;
    const char* mark = t.matched ? "✓" : skipped ? "-" : "✗";
    std::string head = fmt::format("  {} {}", mark, safe(t.id));
    if (t.matched && t.stage == "action" && t.id == d.rule) head += "  (wins)";
    if (!t.file.empty()) head += fmt::format("  [{}]", safe(t.file));
    line(head);
    if (skipped) {
      line(fmt::format("      {}", safe(t.failed)));
      continue;
    }
    if (!t.matched && !t.failed.empty()) line(fmt::format("      {}", safe(t.failed)));
    if (t.matched) {
      for (const auto& h : t.hits) line(fmt::format("      {} matched {}", safe(h.lexicon), quoted_words(h.words)));
    }
    for (const auto& m : t.missing) line(fmt::format("      {}", missing_line(m, notes)));
  }

  if (!d.reply.empty()) {
    line("");
    line(fmt::format("Reply draft ({})", safe(d.lang)));
    std::size_t start = 0;
    const std::string& r = d.reply;
    for (std::size_t i = 0; i <= r.size(); ++i) {
      if (i == r.size() || r[i] == '\n') {
        line("  " + safe(std::string_view(r).substr(start, i - start)));
        start = i + 1;
      }
    }
  }
  return out;
}

}  // namespace triage::report
