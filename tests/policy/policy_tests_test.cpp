// Tests for policy test cases: reading [[case]]s, defaults, errors with
// places, and the verdicts on the small test pack.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "triage/policy/policy_tests.hpp"

using namespace triage;
using namespace triage::policy;

namespace {

std::vector<TestCase> cases(const std::string& text, Diagnostics& d) {
  return load_cases({{"tests/t.toml", "p/tests/t.toml", text}}, Config::defaults(), d);
}

}  // namespace

TEST_CASE("policy tests: the good pack's cases all pass") {
  const std::string dir = std::string(TRIAGE_SOURCE_DIR) + "/tests/data/policies/good";
  const auto src = load_sources(dir);
  const auto program = load_program(src, Config::defaults());
  Diagnostics d;
  const auto cs = load_cases(src.tests, Config::defaults(), d);
  INFO(d.text());
  REQUIRE(d.empty());
  REQUIRE(cs.size() >= 6);
  const auto rep = run_cases(*program, cs);
  for (const auto& r : rep.results) INFO((r.passed ? "" : render_failure(r)));
  std::string failures;
  for (const auto& r : rep.results)
    if (!r.passed) failures += render_failure(r);
  CHECK(failures == "");
  CHECK(rep.failed == 0);
}

TEST_CASE("policy tests: defaults and values") {
  Diagnostics d;
  const auto cs = cases(R"(
[[case]]
name = "c"
now = "2026-11-21T10:00:00+01:00"
tags = ["x"]
[case.complaint]
subject = "Hi"
message = "there"
[case.order]
since_shipped = "12d"
total = 250
business = true
[case.expect]
action = "refund"
)",
                        d);
  INFO(d.text());
  REQUIRE(d.empty());
  REQUIRE(cs.size() == 1);
  const auto& f = cs[0].facts;
  CHECK(f[facts::FactId::complaint_text].text == "Hi\nthere");
  CHECK(f[facts::FactId::complaint_received_at].number == 1795168800);
  CHECK(f[facts::FactId::now].number == 1795168800 + 86400 - 3600);
  CHECK(f[facts::FactId::complaint_age].number == 86400 - 3600);
  CHECK(f[facts::FactId::order_since_shipped].number == 12 * 86400);
  CHECK(f[facts::FactId::order_total].number == 250);
  CHECK(f[facts::FactId::order_business].number == 1);
  CHECK(f[facts::FactId::dispute_open].missing);
  CHECK(f.tags == std::vector<std::string>{"x"});
  CHECK(cs[0].where == "p/tests/t.toml:2");
}

TEST_CASE("policy tests: unknown facts and keys are errors with places") {
  Diagnostics d;
  cases(R"([[case]]
name = "c"
[case.customer]
ltw = 3
[case.order]
since_shipped = 12
[case.expect]
acton = "x"
)",
        d);
  const auto t = d.text();
  CHECK_THAT(t, Catch::Contains("p/tests/t.toml:4:1: unknown fact `customer.ltw`; did you mean `customer.ltv`?"));
  CHECK_THAT(t, Catch::Contains("p/tests/t.toml:6:17: `order.since_shipped` must be a duration"));
  CHECK_THAT(t, Catch::Contains("p/tests/t.toml:8:1: unknown key `acton` in [case.expect]; did you mean `action`?"));
}

TEST_CASE("policy tests: a failing case shows expected and actual, evidence and the rule that did not match") {
  const auto program = testpack::load(std::string(testpack::kActions) +
                                      "[[rule]]\nid = 'big'\nwhen = 'order.total >= 100'\naction = 'refund'\n");
  Diagnostics d;
  const auto cs = cases(R"([[case]]
name = "small order"
[case.order]
total = 50
[case.expect]
action = "refund"
tags = ["x"]
)",
                        d);
  REQUIRE(d.empty());
  const auto rep = run_cases(*program, cs);
  CHECK(rep.failed == 1);
  const auto text = render_failure(rep.results[0]);
  CHECK_THAT(text, Catch::StartsWith("FAIL small order (p/tests/t.toml:1)"));
  CHECK_THAT(text, Catch::Contains("action: expected refund, got escalate"));
  CHECK_THAT(text, Catch::Contains("tags: expected [x], got []"));
  CHECK_THAT(text, Catch::Contains("rule big (p/a.toml:8) did not match: order.total >= 100: 50.00 PLN < 100"));
}
