// The writers: CSV quoting and formula neutralizing, terminal-safe table
// cells, JSON that stays valid whatever the customer typed, and the order of
// output (most urgent first).
#include <catch2/catch.hpp>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

#include "triage/report/writers.hpp"

using namespace triage;
using namespace triage::report;


using namespace std::string_literals;
namespace {

const date::time_zone* warsaw() { return date::locate_zone("Europe/Warsaw"); }

// The JSON the writers must produce, built the slow and obvious way with
// nlohmann::json, as the reference for the direct writer.
nlohmann::ordered_json text_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}
nlohmann::ordered_json reference_evidence(const Row& r) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& f : r.evidence) {
    const auto value = f.missing ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.value);
    out.push_back({{"fact", f.name}, {"value", value}});
  }
  for (const auto& h : r.hits) out.push_back({{"lexicon", h.lexicon}, {"words", h.words}});
  return out;
}
nlohmann::ordered_json reference_json(const Row& r, const date::time_zone* zone) {
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
  j["evidence"] = reference_evidence(r);
  j["also_matched"] = r.also_matched;
  j["policy_version"] = r.policy_version;
  return j;
}
std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// What the writers write for one row.
std::string written(const Row& r) {
  std::string out;
  write_json(r, warsaw(), out);
  return out;
}

Row row(const std::string& id, Timestamp reply_by, bool overdue) {
  Row r;
  r.complaint = id;
  r.order = "1001";
  r.customer = "ann@example.com";
  r.segment = "regular";
  r.action = "reship";
  r.action_label = "Reship today";
  r.rule = "lost-parcel";
  r.priority = 80;
  r.tags = {"vip", "threat"};
  r.reply_by = reply_by;
  r.overdue = overdue;
  r.lang = "en";
  r.why = "because";
  r.reply = "We send it again.";
  r.evidence = {{"order.status", "lost", false}, {"order.since_shipped", "missing", true}};
  r.hits = {{"not_received", {"not arrived"}}};
  r.also_matched = {"other"};
  r.policy_version = "abc";
  return r;
}

// Runs an Output over rows into a string.
std::string render(Format f, const std::vector<Row>& rows, TableStyle style = {}) {
  char* buf = nullptr;
  std::size_t len = 0;
  std::FILE* mem = open_memstream(&buf, &len);
  {
    Output out(f, mem, warsaw(), style);
    for (const auto& r : rows) out.add(r);
    out.finish();
  }
  std::fclose(mem);
  std::string s(buf, len);
  std::free(buf);
  return s;
}

}  // namespace

TEST_CASE("CSV cells: formulas neutralized, quotes doubled, invalid UTF-8 replaced") {
  CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_cell("+48 600") == "'+48 600");
  CHECK(csv_cell("-1") == "'-1");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("\tx") == "'\tx");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("CSV rows: header, the same fields flattened, CRLF") {
  auto r = row("K1", 1795510800, true);
  r.why = "=cmd|' /C calc'!A0";
  const std::string s = csv_row(r, warsaw());
  CHECK(csv_header().rfind("complaint,order,customer,segment,action,action_label,rule,priority,tags,reply_by,"
                           "overdue,lang,why,reply,evidence,also_matched,policy_version\r\n",
                           0) == 0);
  CHECK(s.find("vip;threat") != std::string::npos);
  CHECK(s.find(",'=cmd|' /C calc'!A0,") != std::string::npos);
  CHECK(s.find("order.status=lost; order.since_shipped=missing; not_received=[not arrived]") != std::string::npos);
  CHECK(s.substr(s.size() - 2) == "\r\n");
}

TEST_CASE("table cells carry no terminal control sequences or newlines") {
  auto r = row("K\x1b]0;pwned\x07" "1", 1795510800, false);
  r.customer = "evil\x1b[2J\x9b" "31m";
  r.why = "line one\nline two\r\x1b[31mred\x1b[0m \x07";
  const auto cells = table_cells(r, warsaw());
  for (const auto& c : cells) {
    for (const unsigned char ch : c) {
      CHECK(ch != 0x1b);
      CHECK(ch != '\n');
      CHECK(ch != '\r');
      CHECK(ch != 0x07);
    }
    CHECK(c.find("\xc2\x9b") == std::string::npos);
  }
  CHECK(cells[0] == "K1");
  CHECK(cells[4].find("line one line two") != std::string::npos);
}

TEST_CASE("JSON stays valid with control characters and invalid UTF-8") {
  auto r = row("K1", 1795510800, false);
  r.why = "nul\0 esc\x1b bell\x07 bad\xc3\x28 end"s;  // the literal holds a NUL
  r.reply = "\xff\xfe";
  const std::string s = written(r);
  CHECK(s.find('\x1b') == std::string::npos);
  const auto j = nlohmann::json::parse(s);
  CHECK(j["why"].get<std::string>().find("esc\x1b") != std::string::npos);
  CHECK(j["reply"] == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("JSON fields in the documented order and types") {
  const auto j = nlohmann::json::parse(written(row("K1", 1795510800, true)));
  std::vector<std::string> keys;
  const auto ordered = nlohmann::ordered_json::parse(written(row("K1", 1795510800, true)));
  for (auto it = ordered.begin(); it != ordered.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"complaint", "order", "customer", "segment", "action", "action_label", "rule",
                                         "priority", "tags", "reply_by", "overdue", "lang", "why", "reply",
                                         "evidence", "also_matched", "policy_version"});
  CHECK(j["reply_by"] == "2026-11-24T10:00:00+01:00");
  CHECK(j["overdue"] == true);
  CHECK(j["priority"] == 80);
  CHECK(j["evidence"][0] == nlohmann::json({{"fact", "order.status"}, {"value", "lost"}}));
  CHECK(j["evidence"][1]["value"].is_null());
  CHECK(j["evidence"][2] == nlohmann::json({{"lexicon", "not_received"}, {"words", {"not arrived"}}}));
  auto none = row("K2", 0, false);
  none.rule.clear();
  none.order.clear();
  const auto k = nlohmann::json::parse(written(none));
  CHECK(k["rule"].is_null());
  CHECK(k["order"].is_null());
}

TEST_CASE("local times in the shop's zone, with daylight saving") {
  CHECK(iso_local(1795510800, warsaw()) == "2026-11-24T10:00:00+01:00");
  CHECK(iso_local(1784887200, warsaw()) == "2026-07-24T12:00:00+02:00");
  CHECK(short_local(1795510800, warsaw()) == "Tue 24 Nov 10:00");
}

TEST_CASE("output is most urgent first: overdue, then earliest reply_by, then id") {
  const std::vector<Row> rows = {row("K3", 300, false), row("K2", 500, true), row("K1", 300, false),
                                 row("K4", 100, false), row("K5", 400, true)};
  const std::string s = render(Format::ndjson, rows);
  std::vector<std::string> order;
  std::size_t start = 0;
  for (std::size_t i = s.find('\n'); i != std::string::npos; start = i + 1, i = s.find('\n', start))
    order.push_back(nlohmann::json::parse(s.substr(start, i - start))["complaint"]);
  CHECK(order == std::vector<std::string>{"K5", "K2", "K4", "K1", "K3"});

  const auto arr = nlohmann::json::parse(render(Format::json, rows));
  REQUIRE(arr.is_array());
  CHECK(arr.size() == 5);
  CHECK(arr[0]["complaint"] == "K5");
  CHECK(render(Format::json, {}) == "[]\n");
  CHECK(render(Format::ndjson, {}).empty());
  CHECK(render(Format::csv, {}) == csv_header());
}

TEST_CASE("many rows spill to disk and come back whole and sorted") {
  std::vector<Row> rows;
  auto big = row("x", 0, false);
  big.reply.assign(20000, 'r');
  for (int i = 0; i < 800; ++i) {
    big.complaint = "K" + std::to_string(100000 + (i * 7919) % 800);
    big.reply_by = 1000 + (i * 7919) % 800;
    rows.push_back(big);
  }
  const std::string s = render(Format::ndjson, rows);
  std::size_t start = 0, n = 0;
  std::int64_t last = -1;
  for (std::size_t i = s.find('\n'); i != std::string::npos; start = i + 1, i = s.find('\n', start), ++n) {
    const auto j = nlohmann::json::parse(s.substr(start, i - start));
    CHECK(j["reply"].get<std::string>().size() == 20000);
    const auto k = std::stoll(j["complaint"].get<std::string>().substr(1));
    CHECK(k > last);
    last = k;
  }
  CHECK(n == 800);
}

TEST_CASE("table: header, widths, cut to the terminal only when asked, colour only when asked") {
  auto r = row("K1", 1795510800, true);
  r.why = std::string(200, 'w');
  const std::string wide = render(Format::table, {r});
  CHECK(wide.rfind("COMPLAINT", 0) == 0);
  CHECK(wide.find(std::string(200, 'w')) != std::string::npos);
  CHECK(wide.find("OVERDUE") != std::string::npos);
  CHECK(wide.find('\x1b') == std::string::npos);
  const std::string narrow = render(Format::table, {r}, TableStyle{80, Colour::off});
  std::size_t start = 0;
  for (std::size_t i = narrow.find('\n'); i != std::string::npos; start = i + 1, i = narrow.find('\n', start))
    CHECK(display_width(narrow.substr(start, i - start)) <= 80);
  CHECK(narrow.find("…") != std::string::npos);
  const std::string coloured = render(Format::table, {r}, TableStyle{120, Colour::on});
  CHECK(coloured.find("\x1b[31m") != std::string::npos);
}

TEST_CASE("fit cuts by display width") {
  CHECK(fit("abcdef", 4) == "abc…");
  CHECK(fit("abc", 3) == "abc");
  CHECK(fit("zażółć", 4) == "zaż…");
  CHECK(display_width("日本") == 4);
}

TEST_CASE("the direct JSON writer writes what nlohmann::json's dump writes") {
  std::vector<Row> rows = {row("K1", 1795510800, true), row("K2", 0, false)};
  rows[1].rule.clear();
  rows[1].order.clear();
  rows[1].customer.clear();
  rows[1].why = "q\"uote\\ \b\f\n\r\t\x01\x1f\x7f \xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x98\x80 "s;
  rows[1].reply = "bad \xff \xc3\x28 \xe2\x82 \xed\xa0\x80 end";
  rows[1].evidence.push_back({"complaint.text", "\x1b[31m", false});
  rows[1].hits.push_back({"x", {"a\"b", "\xfe"}});
  for (const auto& r : rows) {
    std::string direct;
    write_json(r, warsaw(), direct);
    CHECK(direct == dump(reference_json(r, warsaw())));
    std::string ev;
    write_evidence_json(r, ev);
    CHECK(ev == dump(reference_evidence(r)));
  }
}

TEST_CASE("local times: the fast writer agrees with date::format around every change of offset") {
  using namespace std::chrono;
  // Hours either side of the DST changes of 2025-2027 in three zones, in time
  // order and back again (the writer keeps the last period it looked up).
  for (const char* name : {"Europe/Warsaw", "America/St_Johns", "Asia/Kolkata", "UTC"}) {
    const auto* zone = date::locate_zone(name);
    for (int pass = 0; pass < 2; ++pass) {
      for (std::int64_t k = 0; k < 3 * 366 * 24; k += 7) {
        const std::int64_t step = pass == 0 ? k : 3 * 366 * 24 - k;
        const Timestamp t = 1735689600 + step * 3600 + 1799;  // from 2025-01-01, odd minutes and seconds
        const sys_seconds tp{seconds{t}};
        const auto info = zone->get_info(tp);
        const auto local = date::local_seconds{tp.time_since_epoch() + info.offset};
        const auto off = duration_cast<minutes>(info.offset).count();
        const long a = off < 0 ? -off : off;
        char sign = off < 0 ? '-' : '+';
        char tail[48];
        std::snprintf(tail, sizeof tail, "%c%02ld:%02ld", sign, a / 60, a % 60);
        INFO(name << " " << t);
        CHECK(iso_local(t, zone) == date::format("%FT%T", local) + tail);
      }
    }
  }
  CHECK(iso_local(1795510800, nullptr) == "2026-11-24T09:00:00Z");
  CHECK(iso_local(-86400 * 365 * 1000LL, nullptr) == date::format("%FT%TZ", date::sys_seconds{std::chrono::seconds{-86400 * 365 * 1000LL}}));
}
