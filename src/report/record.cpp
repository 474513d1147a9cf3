// Rows, JSON encoding, local times and terminal widths shared by the writers.
#include "triage/report/record.hpp"

#include <date/tz.h>
#include <fmt/core.h>
#include <utf8proc.h>

#include <chrono>

namespace triage::report {

Row make_row(policy::Decision&& d, std::string complaint, std::string order, std::string customer,
             std::string policy_version) {
  Row r;
  r.complaint = std::move(complaint);
  r.order = std::move(order);
  r.customer = std::move(customer);
  r.segment = std::move(d.segment);
  r.action = std::move(d.action);
  r.action_label = std::move(d.action_label);
  r.rule = std::move(d.rule);
  r.priority = d.priority;
  r.tags = std::move(d.tags);
  r.reply_by = d.reply_by;
  r.overdue = d.overdue;
  r.lang = std::move(d.lang);
  r.why = std::move(d.why);
  r.reply = std::move(d.reply);
  r.evidence = std::move(d.evidence);
  r.hits = std::move(d.hits);
  r.also_matched = std::move(d.also_matched);
  r.policy_version = std::move(policy_version);
  return r;
}

namespace {

nlohmann::ordered_json text_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

}  // namespace

nlohmann::ordered_json evidence_json(const Row& r) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& f : r.evidence) {
    nlohmann::ordered_json e;
    e["fact"] = f.name;
    e["value"] = f.missing ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.value);
    out.push_back(std::move(e));
  }
  for (const auto& h : r.hits) {
    nlohmann::ordered_json e;
    e["lexicon"] = h.lexicon;
    e["words"] = h.words;
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::ordered_json to_json(const Row& r, const date::time_zone* zone) {
  nlohmann::ordered_json j;
  j["complaint"] = r.complaint;
  j["order"] = text_or_null(r.order);
  j["customer"] = text_or_null(r.customer);
  j["segment"] = r.segment;
  j["action"] = r.action;
  j["action_label"] = r.action_label;
  j["rule"] = text_or_null(r.rule);
  j["priority"] = r.priority;
  j["tags"] = r.tags;
  j["reply_by"] = iso_local(r.reply_by, zone);
  j["overdue"] = r.overdue;
  j["lang"] = r.lang;
  j["why"] = r.why;
  j["reply"] = r.reply;
  j["evidence"] = evidence_json(r);
  j["also_matched"] = r.also_matched;
  j["policy_version"] = r.policy_version;
  return j;
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string iso_local(Timestamp t, const date::time_zone* zone) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  if (!zone) return date::format("%FT%TZ", tp);
  const auto info = zone->get_info(tp);
  const auto local = date::local_seconds{tp.time_since_epoch() + info.offset};
  const auto off = duration_cast<minutes>(info.offset).count();
  const long a = off < 0 ? -off : off;
  return date::format("%FT%T", local) + fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+', a / 60, a % 60);
}

std::string short_local(Timestamp t, const date::time_zone* zone) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  if (!zone) return date::format("%a %d %b %H:%M", tp);
  const auto local = date::local_seconds{tp.time_since_epoch() + zone->get_info(tp).offset};
  return date::format("%a %d %b %H:%M", local);
}

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    }
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    const int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? static_cast<std::size_t>(cw) : 0;
    i += static_cast<std::size_t>(n);
  }
  return w;
}

std::string fit(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    const int cw = std::max(0, utf8proc_charwidth(cp));
    if (w + static_cast<std::size_t>(cw) > width - 1) break;  // one column left for "…"
    w += static_cast<std::size_t>(cw);
    out.append(s.substr(i, static_cast<std::size_t>(n)));
    i += static_cast<std::size_t>(n);
  }
  return out + "…";
}

}  // namespace triage::report
