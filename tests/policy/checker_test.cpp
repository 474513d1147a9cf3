// Tests for the checker and the parse stage: each problem a pack can have is
// reported as FILE:LINE:COL: message, all of them at once.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using testpack::error_of;

static std::string rule(const std::string& when, const std::string& extra = "action = \"reship\"") {
  return std::string(testpack::kActions) + "[[rule]]\nid = \"r\"\nwhen = \"" + when + "\"\n" + extra + "\n";
}
// The condition's first character is on line 9, column 9 (after `when = "`).
static std::string at(int col) { return "p/a.toml:9:" + std::to_string(col) + ": "; }

TEST_CASE("checker: a good condition loads") { CHECK(error_of(rule("customer.ltv >= 1500")).empty()); }

TEST_CASE("checker: unknown fact with a suggestion") {
  const auto e = error_of(rule("customer.ltw >= 1500"));
  CHECK_THAT(e, Catch::StartsWith(at(9) + "unknown fact `customer.ltw`; did you mean `customer.ltv`?"));
  CHECK_THAT(error_of(rule("order.ltv >= 1")), Catch::Contains("did you mean `customer.ltv`?"));
}

TEST_CASE("checker: unknown param, lexicon and action") {
  CHECK_THAT(error_of("[params]\nvip_ltv = 1500.0\n" + rule("customer.ltv >= params.vip_lt")),
             Catch::Contains("p/a.toml:11:25: unknown param `params.vip_lt`; did you mean `params.vip_ltv`?"));
  CHECK_THAT(error_of("[lexicon.threat]\nphrases = ['x']\n" + rule("complaint.text matches threats")),
             Catch::Contains("p/a.toml:11:32: unknown lexicon `threats`; did you mean `threat`?"));
  CHECK_THAT(error_of(rule("customer.ltv >= 1", "action = \"reshp\"")),
             Catch::Contains("p/a.toml:10:11: unknown action `reshp`; did you mean `reship`?"));
}

TEST_CASE("checker: mismatched comparisons") {
  CHECK_THAT(error_of(rule("order.since_shipped >= 10")),
             Catch::Contains(at(9) + "cannot compare `order.since_shipped` (duration) with the number 10; write the "
                                     "number with a unit"));
  CHECK_THAT(error_of(rule("order.status == 3")), Catch::Contains("cannot compare `order.status` (string)"));
  CHECK_THAT(error_of(rule("now > 36h")), Catch::Contains("cannot compare `now` (time) with the duration 36h"));
  CHECK_THAT(error_of(rule("order.status < 'x'")), Catch::Contains("use == or !="));
  CHECK_THAT(error_of(rule("order.total in ['a']")), Catch::Contains("cannot look for"));
  CHECK_THAT(error_of(rule("3 in tags")), Catch::Contains("tags are strings"));
  // money against a number is fine, and so are durations and time arithmetic.
  CHECK(error_of(rule("order.total * 2 >= customer.ltv - 10 and now - complaint.received_at > 36h")).empty());
  CHECK(error_of(rule("order.payment in ['cod', 'card'] and 'vip' in tags and dispute.open")).empty());
}

TEST_CASE("checker: the condition must be true or false") {
  CHECK_THAT(error_of(rule("customer.ltv")), Catch::Contains(at(9) + "the condition is a money, not true or false"));
  CHECK_THAT(error_of(rule("customer.ltv and dispute.open")), Catch::Contains("`and` joins conditions"));
  CHECK_THAT(error_of(rule("not customer.ltv")), Catch::Contains("`not` needs true or false"));
}

TEST_CASE("checker: syntax errors point into the condition") {
  CHECK_THAT(error_of(rule("customer.ltv >= ")), Catch::Contains(at(25) + "the condition ends too early"));
  CHECK_THAT(error_of(rule("customer.ltv = 1")), Catch::Contains(at(22) + "`=` is not an operator"));
}

TEST_CASE("parse stage: rule shape, duplicates and unknown keys") {
  CHECK_THAT(error_of(rule("customer.ltv >= 1", "")),
             Catch::Contains("p/a.toml:8:6: rule `r` has neither `action` nor `tag`"));
  CHECK_THAT(error_of(rule("customer.ltv >= 1") + "[[rule]]\nid = \"r\"\nwhen = \"true\"\ntag = \"x\"\n"),
             Catch::Contains("p/a.toml:12:6: rule `r` is defined twice; first at p/a.toml:8:6"));
  CHECK_THAT(error_of(rule("customer.ltv >= 1", "action = \"reship\"\nprority = 3")),
             Catch::Contains("p/a.toml:11:1: unknown key `prority` in [[rule]]"));
  CHECK_THAT(error_of(rule("customer.ltv >= 1", "action = \"reship\"\nprority = 3")), Catch::EndsWith("did you mean `priority`?"));
  CHECK_THAT(error_of("[[segment]]\nid = 'a'\nwhen = 'true'\n[[segment]]\nid = 'a'\nwhen = 'true'\n"),
             Catch::Contains("segment `a` is defined twice"));
  CHECK_THAT(error_of("[rules]\nx = 1\n"), Catch::Contains("p/a.toml:1:2: unknown section `rules`"));
  CHECK_THAT(error_of("[rule]\nid = 'x'\n"), Catch::Contains("must be a list of tables: write [[rule]]"));
  CHECK_THAT(error_of("[[rule]]\nid = 'x'\ntag = 'y'\n"), Catch::Contains("rule `x` has no `when`"));
}

TEST_CASE("parse stage: lexicons, actions, params") {
  CHECK_THAT(error_of("[lexicon.x]\nabout = 'a'\n"), Catch::Contains("has no phrases and no regex"));
  CHECK_THAT(error_of("[lexicon.x]\nregex = ['(']\n"), Catch::Contains("p/a.toml:1:1:"));
  CHECK_THAT(error_of("[action.x]\nlabel = 'X'\nreply.de = 'x'\n"), Catch::Contains("unknown reply language `de`"));
  CHECK_THAT(error_of("[action.x]\nreply.en = 'x'\n"), Catch::Contains("has no `label`"));
  CHECK_THAT(error_of("[action.x]\nlabel = 'X'\nreply.en = 'Hi {customer.nme}'\n"),
             Catch::Contains("p/a.toml:3:16: unknown fact `{customer.nme}`"));
  CHECK_THAT(error_of("[params]\nx = 'soon'\n"), Catch::Contains("is not a duration"));
  CHECK_THAT(error_of("[params]\nreply_within = 3\n"), Catch::Contains("`reply_within` must be a duration"));
  CHECK_THAT(error_of("[params]\nx = true\n"), Catch::Contains("must be a number or a duration"));
}

TEST_CASE("parse stage: invalid TOML is reported with its place") {
  const auto e = error_of("[params]\nx = [1,\n");
  CHECK_THAT(e, Catch::StartsWith("p/a.toml:"));
  CHECK_THAT(e, Catch::Contains("invalid TOML"));
}

TEST_CASE("all problems are collected, in file order") {
  const auto e = error_of(std::string(testpack::kActions) +
                          "[[rule]]\nid = 'a'\nwhen = 'customer.ltw > 1'\naction = 'reship'\n"
                          "[[rule]]\nid = 'b'\nwhen = 'order.total > '\naction = 'nope'\n");
  CHECK_THAT(e, Catch::Contains("p/a.toml:9:9: unknown fact `customer.ltw`"));
  CHECK_THAT(e, Catch::Contains("\np/a.toml:13:"));
  CHECK_THAT(e, Catch::Contains("\np/a.toml:14:11: unknown action `nope`"));
  CHECK(e.find("customer.ltw") < e.find("nope"));
}

TEST_CASE("triage.toml overrides: unknown param and wrong kind") {
  auto config = triage::Config::defaults();
  config.params["vip_ltw"] = triage::ParamOverride{1000.0, "triage.toml:4:11"};
  CHECK_THAT(error_of("[params]\nvip_ltv = 1500.0\n", config),
             Catch::Contains("triage.toml:4:11: unknown param `vip_ltw`") && Catch::EndsWith("did you mean `vip_ltv`?"));
  config.params.clear();
  config.params["reply_within"] = triage::ParamOverride{12.0, "triage.toml:2:16"};
  CHECK_THAT(error_of("", config), Catch::Contains("triage.toml:2:16: param `reply_within` is a duration"));
}

TEST_CASE("a multi-line condition reports the right line") {
  const auto e = error_of(std::string(testpack::kActions) +
                          "[[rule]]\nid = 'a'\nwhen = '''\ncustomer.ltv > 1\n  and customer.ltx > 2'''\naction = 'reship'\n");
  CHECK_THAT(e, Catch::Contains("p/a.toml:11:7: unknown fact `customer.ltx`"));
}
