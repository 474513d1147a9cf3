// Tests for the `when` tokenizer: kinds, spans, durations and bad characters.
#include <catch2/catch.hpp>

#include "triage/policy/lexer.hpp"

using namespace triage::policy;

TEST_CASE("lexer: tokens carry kinds and byte spans") {
  const auto t = tokenize("customer.ltv >= params.vip_ltv and 'a b' != \"c\"");
  REQUIRE(t.size() == 8);
  CHECK(t[0].kind == TokenKind::name);
  CHECK(t[0].text == "customer.ltv");
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 12);
  CHECK(t[1].kind == TokenKind::ge);
  CHECK(t[1].begin == 13);
  CHECK(t[2].text == "params.vip_ltv");
  CHECK(t[3].kind == TokenKind::kw_and);
  CHECK(t[4].kind == TokenKind::string);
  CHECK(t[4].text == "a b");
  CHECK(t[5].kind == TokenKind::ne);
  CHECK(t[6].text == "c");
  CHECK(t[7].kind == TokenKind::end);
}

TEST_CASE("lexer: numbers and durations") {
  const auto t = tokenize("12 0.5 36h 14d 90m 2w");
  CHECK(t[0].kind == TokenKind::number);
  CHECK(t[0].number == 12);
  CHECK(t[1].number == Approx(0.5));
  CHECK(t[2].kind == TokenKind::duration);
  CHECK(t[2].number == 36 * 3600);
  CHECK(t[3].number == 14 * 86400);
  CHECK(t[4].number == 90 * 60);
  CHECK(t[5].number == 14 * 86400);
}

TEST_CASE("lexer: keywords, brackets and a dash in a lexicon name") {
  const auto t = tokenize("not x in [1, 2] or complaint.text matches review-threat");
  CHECK(t[0].kind == TokenKind::kw_not);
  CHECK(t[2].kind == TokenKind::kw_in);
  CHECK(t[3].kind == TokenKind::lbracket);
  CHECK(t[5].kind == TokenKind::comma);
  CHECK(t[7].kind == TokenKind::rbracket);
  CHECK(t[8].kind == TokenKind::kw_or);
  CHECK(t[10].kind == TokenKind::kw_matches);
  CHECK(t[11].text == "review-threat");
  // A dash before a digit or a space is a minus.
  const auto m = tokenize("a-1 - b");
  CHECK(m[0].text == "a");
  CHECK(m[1].kind == TokenKind::minus);
  CHECK(m[3].kind == TokenKind::minus);
}

TEST_CASE("lexer: errors name the offset") {
  auto offset_of = [](const char* s) {
    try {
      tokenize(s);
    } catch (const SyntaxError& e) {
      return static_cast<int>(e.offset());
    }
    return -1;
  };
  CHECK(offset_of("a = 1") == 2);
  CHECK(offset_of("a && b") == 2);
  CHECK(offset_of("x == 'open") == 5);
  CHECK(offset_of("x >= 10q") == 7);
  CHECK(offset_of("x ? y") == 2);
  CHECK_THROWS_WITH(tokenize("a = 1"), Catch::Contains("=="));
}
