// Tests for decisions: the stages in order, priority and ties, missing facts,
// tag visibility, why and reply placeholders, reply_by, evidence and traces.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "triage/facts/facts.hpp"

using namespace triage;
using namespace triage::policy;
using facts::FactId;

namespace {

constexpr Timestamp kFri = 1795168800;  // Friday 2026-11-20 10:00 UTC (11:00 in Warsaw)

facts::FactSet complaint(const std::string& text) {
  facts::FactSet f;
  f.clear();
  f.set_text(FactId::complaint_text, text);
  f.set_number(FactId::complaint_received_at, kFri);
  f.set_number(FactId::now, kFri + 3600);
  f.set_bool(FactId::complaint_answered, false);
  return f;
}

const char* kPack = R"P(
[params]
vip_ltv = 1500.00
lost_after = "10d"

[lexicon.not_received]
phrases = ["not arrived", "nie dotarl*"]

[lexicon.threat]
phrases = ["negative review"]

[[classify]]
kind = "not_received"
when = "complaint.text matches not_received"

[[classify]]
kind = "other"
when = "true"

[[segment]]
id = "ghost"
when = "customer.refused >= 1"

[[rule]]
id = "vip"
when = "customer.ltv >= params.vip_ltv"
tag = "vip"

[[rule]]
id = "lost"
when = "complaint.kind == 'not_received' and order.since_shipped >= params.lost_after"
action = "reship"
priority = 60
why = "Shipped {order.since_shipped} ago, lost after {params.lost_after}; kind {complaint.kind}, LTV {customer.ltv}."

[[rule]]
id = "threat"
when = "complaint.text matches threat"
action = "refund"
tag = "threat"
priority = 10

[[rule]]
id = "vip-first"
when = "'vip' in tags"
action = "refund"
priority = 60

[[rule]]
id = "no-threat"
when = "not ('threat' in tags) and not (order.status == 'lost')"
action = "refund"
priority = -5

[action.reship]
label = "Reship"
reply.en = "We send order {order.id} again."
reply.pl = "Wysyłamy zamówienie {order.id} ponownie."

[action.refund]
label = "Refund"
reply.en = "Refund."
)P";

}  // namespace

TEST_CASE("evaluator: classify infers the kind only when it is blank") {
  const auto p = testpack::load(kPack);
  auto f = complaint("It has not arrived");
  auto d = p->decide(f, Tracing::off);
  CHECK(d.kind == "not_received");
  CHECK(d.kind_inferred);
  CHECK(f[FactId::complaint_kind].text == "not_received");

  auto g = complaint("It has not arrived");
  g.set_text(FactId::complaint_kind, "defect");
  d = p->decide(g, Tracing::off);
  CHECK(d.kind == "defect");
  CHECK_FALSE(d.kind_inferred);
}

TEST_CASE("evaluator: segment is the first match, else regular") {
  const auto p = testpack::load(kPack);
  auto f = complaint("hello");
  CHECK(p->decide(f, Tracing::off).segment == "regular");
  auto g = complaint("hello");
  g.set_number(FactId::customer_refused, 1);
  CHECK(p->decide(g, Tracing::off).segment == "ghost");
  CHECK(g[FactId::customer_segment].text == "ghost");
}

TEST_CASE("evaluator: highest priority wins, ties go to load order") {
  const auto p = testpack::load(kPack);
  auto f = complaint("not arrived");
  f.set_number(FactId::order_since_shipped, 12 * 86400);
  f.set_number(FactId::customer_ltv, 2000);
  f.set_text(FactId::order_id, "1001");
  const auto d = p->decide(f, Tracing::off);
  // lost (60) and vip-first (60) tie: lost comes first.
  CHECK(d.rule == "lost");
  CHECK(d.action == "reship");
  CHECK(d.action_label == "Reship");
  CHECK(d.priority == 60);
  CHECK(d.also_matched == std::vector<std::string>{"vip-first", "no-threat"});
  CHECK(d.tags == std::vector<std::string>{"vip"});
  CHECK(d.why == "Shipped 12d ago, lost after 10d; kind not_received, LTV 2 000.00 PLN.");
  CHECK(d.reply == "We send order 1001 again.");
}

TEST_CASE("evaluator: missing facts make comparisons false, and `not` negates that") {
  const auto p = testpack::load(kPack);
  auto f = complaint("not arrived");  // no order: since_shipped and status are missing
  const auto d = p->decide(f, Tracing::full);
  CHECK(d.rule == "no-threat");  // not (order.status == 'lost') holds with no order
  bool seen = false;
  for (const auto& t : d.trace)
    if (t.id == "lost") {
      seen = true;
      CHECK_FALSE(t.matched);
      CHECK(t.failed == "order.since_shipped >= params.lost_after: order.since_shipped is missing");
      CHECK(t.missing == std::vector<std::string>{"order.since_shipped"});
    }
  CHECK(seen);
}

TEST_CASE("evaluator: tags of earlier rules are visible to later ones; action rules add theirs") {
  const auto p = testpack::load(kPack);
  auto f = complaint("I will write a negative review");
  f.set_number(FactId::customer_ltv, 1500);
  const auto d = p->decide(f, Tracing::off);
  CHECK(d.rule == "vip-first");  // the vip tag rule ran first
  CHECK(d.tags == std::vector<std::string>{"vip", "threat"});
  // The threat rule lost but its tag stays; no-threat saw it.
  CHECK(d.also_matched == std::vector<std::string>{"threat"});
  REQUIRE(d.hits.size() == 1);
  CHECK(d.hits[0].lexicon == "threat");
  CHECK(d.hits[0].words == std::vector<std::string>{"negative review"});
}

TEST_CASE("evaluator: no rule matched means escalate") {
  const auto p = testpack::load(std::string(testpack::kActions) + "[[rule]]\nid='r'\nwhen='order.total > 10'\naction='refund'\n");
  auto f = complaint("x");
  const auto d = p->decide(f, Tracing::off);
  CHECK(d.action == "escalate");
  CHECK(d.rule.empty());
  CHECK(d.why == "no rule matched");
  CHECK_FALSE(d.action_label.empty());
  CHECK_FALSE(d.reply.empty());
}

TEST_CASE("evaluator: failing comparisons are explained with values") {
  const auto p = testpack::load(kPack);
  auto f = complaint("x");
  f.set_number(FactId::customer_ltv, 320);
  const auto d = p->decide(f, Tracing::full);
  for (const auto& t : d.trace) {
    if (t.id == "vip") {
      CHECK(t.stage == "tag");
      CHECK(t.failed == "customer.ltv >= params.vip_ltv: 320.00 PLN < 1 500.00 PLN");
      REQUIRE(t.facts.size() == 2);
      CHECK(t.facts[0].name == "customer.ltv");
      CHECK(t.facts[1].name == "params.vip_ltv");
    }
    if (t.id == "threat") CHECK(t.failed == "complaint.text matches threat: no phrase of `threat` found");
    if (t.id == "vip-first") CHECK(t.failed == "'vip' in tags: tags are none");
    if (t.id == "not_received") CHECK(t.stage == "classify");
  }
  CHECK(d.trace.size() == 2 + 1 + 1 + 4);
}

TEST_CASE("evaluator: evidence holds the winner's facts and params") {
  const auto p = testpack::load(kPack);
  auto f = complaint("nie dotarła");
  f.set_number(FactId::order_since_shipped, 11 * 86400);
  const auto d = p->decide(f, Tracing::off);
  REQUIRE(d.rule == "lost");
  std::vector<std::string> names;
  for (const auto& e : d.evidence) names.push_back(e.name + "=" + e.value);
  CHECK(names == std::vector<std::string>{"complaint.kind=not_received", "order.since_shipped=11d",
                                          "params.lost_after=10d"});
  CHECK(d.trace.empty());
}

TEST_CASE("evaluator: reply language, deadline on working days, overdue") {
  const auto p = testpack::load(kPack);
  auto f = complaint("nie dotarła paczka");
  f.set_number(FactId::order_since_shipped, 11 * 86400);
  f.set_text(FactId::complaint_lang, "pl");
  auto d = p->decide(f, Tracing::off);
  CHECK(d.lang == "pl");
  CHECK(d.reply.rfind("Wysyłamy", 0) == 0);
  // Friday 11:00 local + 24 working hours = Monday 11:00 local (10:00 UTC).
  CHECK(d.reply_by == kFri + 3 * 86400);
  CHECK_FALSE(d.overdue);

  auto g = complaint("not arrived");
  g.set_number(FactId::order_since_shipped, 11 * 86400);
  g.set_number(FactId::now, kFri + 4 * 86400);
  d = p->decide(g, Tracing::off);
  CHECK(d.lang == "en");
  CHECK(d.overdue);
  g.set_bool(FactId::complaint_answered, true);
  auto h = g;
  CHECK_FALSE(p->decide(h, Tracing::off).overdue);
}

TEST_CASE("evaluator: params overridden in triage.toml change decisions and the version") {
  auto config = Config::defaults();
  const auto base = testpack::load(kPack, config);
  config.params["vip_ltv"] = ParamOverride{300.0, "triage.toml:2:11"};
  const auto p = testpack::load(kPack, config);
  CHECK(p->version() != base->version());
  CHECK(p->version().size() == 16);
  auto f = complaint("x");
  f.set_number(FactId::customer_ltv, 320);
  CHECK(p->decide(f, Tracing::off).tags == std::vector<std::string>{"vip"});
  CHECK(testpack::load(kPack, Config::defaults())->version() == base->version());
}

TEST_CASE("evaluator: arithmetic, lists and booleans") {
  const auto p = testpack::load(std::string(testpack::kActions) + R"(
[[rule]]
id = "a"
when = "order.total * 2 > customer.ltv + 10 and order.payment in ['cod', 'card'] and dispute.open"
action = "refund"
[[rule]]
id = "b"
when = "now - complaint.received_at >= 1h and -order.total < 0"
action = "reship"
priority = -1
)");
  auto f = complaint("x");
  f.set_number(FactId::order_total, 100);
  f.set_number(FactId::customer_ltv, 150);
  f.set_text(FactId::order_payment, "cod");
  f.set_bool(FactId::dispute_open, true);
  auto d = p->decide(f, Tracing::off);
  CHECK(d.rule == "a");
  CHECK(d.also_matched == std::vector<std::string>{"b"});
  auto g = complaint("x");
  g.set_number(FactId::order_total, 100);
  g.set_number(FactId::customer_ltv, 150);
  g.set_text(FactId::order_payment, "cod");
  g.set_bool(FactId::dispute_open, false);
  d = p->decide(g, Tracing::full);
  CHECK(d.rule == "b");
  for (const auto& t : d.trace)
    if (t.id == "a") CHECK(t.failed == "dispute.open is false");
}
