// Tests for the `when` parser: precedence, associativity, lists, and errors
// with their offsets.
#include <catch2/catch.hpp>

#include "triage/policy/parser.hpp"

using namespace triage::policy;

static std::string p(const char* s) { return to_sexpr(*parse_expression(s)); }

TEST_CASE("parser: precedence from or down to unary minus") {
  CHECK(p("a or b and c") == "(a or (b and c))");
  CHECK(p("a and b or c") == "((a and b) or c)");
  CHECK(p("not a and b") == "((not a) and b)");
  CHECK(p("not a == 1") == "(not (a == 1))");
  CHECK(p("a + b * c > 3") == "((a + (b * c)) > 3)");
  CHECK(p("a - b - c == 0") == "(((a - b) - c) == 0)");
  CHECK(p("-a * 2") == "((- a) * 2)");
  CHECK(p("(a or b) and c") == "((a or b) and c)");
  CHECK(p("now - complaint.received_at > 36h") == "((now - complaint.received_at) > 129600s)");
}

TEST_CASE("parser: in, matches, lists, literals") {
  CHECK(p("x in ['a', 'b',]") == "(x in ['a', 'b'])");
  CHECK(p("'vip' in tags") == "('vip' in tags)");
  CHECK(p("complaint.text matches review_threat") == "(complaint.text matches review_threat)");
  CHECK(p("dispute.open == true and x != false") == "((dispute.open == true) and (x != false))");
  CHECK(p("x in []") == "(x in [])");
}

TEST_CASE("parser: spans cover the source of each node") {
  const std::string src = "a >= 1 and (b or c)";
  const auto e = parse_expression(src);
  CHECK(src.substr(e->begin, e->end - e->begin) == src);
  const auto& right = *e->args[1];
  CHECK(src.substr(right.begin, right.end - right.begin) == "(b or c)");
}

TEST_CASE("parser: errors point at the offending token") {
  auto error = [](const char* s) -> std::pair<int, std::string> {
    try {
      parse_expression(s);
    } catch (const SyntaxError& e) {
      return {static_cast<int>(e.offset()), e.what()};
    }
    return {-1, ""};
  };
  CHECK(error("a >=").first == 4);
  CHECK(error("a >= 1 b").first == 7);
  CHECK(error("a >= 1 b").second.find("join conditions") != std::string::npos);
  CHECK(error("(a or b").first == 7);
  CHECK(error("a < b < c").first == 6);
  CHECK(error("x in [1, 2").first == 10);
  CHECK(error("").first == 0);
  CHECK(error("and a").first == 0);
  CHECK(error("x not in [1]").second.find("not (x in") != std::string::npos);
}
