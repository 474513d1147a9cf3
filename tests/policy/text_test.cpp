// Unit tests for normalize(): case folding, diacritics, separators, bounds.
#include "triage/policy/text.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using triage::policy::normalize;

TEST_CASE("normalize folds case and pads with spaces", "[text]") {
  CHECK(normalize("Hello World") == " hello world ");
  CHECK(normalize("") == " ");
  CHECK(normalize("!!! ... ???") == " ");
  CHECK(normalize("x") == " x ");
}

TEST_CASE("normalize collapses whitespace and punctuation into one space", "[text]") {
  CHECK(normalize("  a\t\tb\r\n\n c  ") == " a b c ");
  CHECK(normalize("one,two;three...four!") == " one two three four ");
  CHECK(normalize("1-star!!") == " 1 star ");
  CHECK(normalize("a\u00A0\u2003b") == " a b ");  // no-break and em spaces
}

TEST_CASE("normalize strips Latin diacritics", "[text]") {
  CHECK(normalize("Wystawię NEGATYWNĄ opinię") == " wystawie negatywna opinie ");
  CHECK(normalize("Špatná recenze, Příliš žluťoučký kůň") ==
        " spatna recenze prilis zlutoucky kun ");
  CHECK(normalize("Łódź") == " lodz ");
  CHECK(normalize("ŁUKASZ") == " lukasz ");
  CHECK(normalize("Straße") == " strasse ");
  CHECK(normalize("STRASSE") == " strasse ");
  CHECK(normalize("Đorđe Øresund Æble Œuvre Þór ı") == " dorde oresund aeble oeuvre thor i ");
  // Decomposed input (e + combining acute) gives the same as precomposed.
  CHECK(normalize("cafe\u0301") == normalize("café"));
  CHECK(normalize("café") == " cafe ");
}

TEST_CASE("normalize keeps Cyrillic letters, folding only case", "[text]") {
  CHECK(normalize("ПОГАНИЙ ВІДГУК!") == " поганий відгук ");
  CHECK(normalize("Їжак, Єва, Ґанок") == " їжак єва ґанок ");
  // й and ї stay distinct from и and і, even when typed decomposed.
  CHECK(normalize("и\u0306") == " й ");
  CHECK(normalize("і\u0308") == " ї ");
  CHECK(normalize("й") != normalize("и"));
  CHECK(normalize("ЁЛКА") == " елка ");
}

TEST_CASE("normalize treats apostrophes and invisible characters as part of words", "[text]") {
  CHECK(normalize("don't") == " dont ");
  CHECK(normalize("don’t") == " dont ");
  CHECK(normalize("пам'ять") == " память ");
  CHECK(normalize("пам\u02BCять") == " память ");
  CHECK(normalize("nega\u00ADtive") == " negative ");
  CHECK(normalize("nega\u200Btive") == " negative ");
}

TEST_CASE("normalize handles digits and compatibility forms", "[text]") {
  CHECK(normalize("5 stars") == " 5 stars ");
  CHECK(normalize("ＦＵＬＬ ｗｉｄｔｈ １２") == " full width 12 ");
  CHECK(normalize("ﬁne") == " fine ");
}

TEST_CASE("normalize drops invalid UTF-8", "[text]") {
  CHECK(normalize(std::string("ab\xFF\xFE"
                              "cd")) == " abcd ");
  CHECK(normalize(std::string("x \xC3")) == " x ");  // truncated sequence
  CHECK(normalize(std::string("\xC0\xAF"
                              "a")) == " a ");  // overlong '/'
  CHECK(normalize(std::string("\xED\xA0\x80"
                              "b")) == " b ");  // surrogate
}

TEST_CASE("normalize bounds its input at a character boundary", "[text]") {
  std::string big;
  while (big.size() < triage::policy::kMaxNormalizeInput + 100) big += "ą";
  const auto n = normalize(big);
  CHECK(n.size() <= triage::policy::kMaxNormalizeInput + 2);
  CHECK(n.front() == ' ');
  CHECK(n.back() == ' ');
  CHECK(n.find_first_not_of(" a") == std::string::npos);
  // An odd offset: the bound falls inside a two-byte character.
  const auto m = normalize("x" + big);
  CHECK(m.find_first_not_of(" xa") == std::string::npos);
}

TEST_CASE("normalize_into reuses the buffer", "[text]") {
  std::string buf = "leftover text";
  triage::policy::normalize_into("New", buf);
  CHECK(buf == " new ");
}

TEST_CASE("normalize output is well formed for any input", "[text]") {
  // Random bytes, biased towards UTF-8 lead and continuation bytes and
  // punctuation, must always give valid UTF-8 with single spaces at word
  // boundaries and a space at each end; normalizing again changes nothing.
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  const std::string pool =
      "aZ9 .,'\t\xC3\xC5\xD0\xD1\xE2\x80\x81\xA9\xB3\xCC\x88\xEF\xBF\xBD\xF0\x9F";
  for (int round = 0; round < 3000; ++round) {
    std::string in;
    const auto len = next() % 40;
    for (std::uint32_t i = 0; i < len; ++i)
      in += (next() % 4 == 0) ? static_cast<char>(next() & 0xFF) : pool[next() % pool.size()];
    const std::string out = normalize(in);
    INFO("round " << round);
    REQUIRE(out.size() >= 1);
    CHECK(out.front() == ' ');
    CHECK(out.back() == ' ');
    CHECK(out.find("  ") == std::string::npos);
    CHECK(normalize(out) == out);
    // Valid UTF-8: every lead byte has its continuation bytes.
    for (std::size_t i = 0; i < out.size();) {
      const auto b = static_cast<unsigned char>(out[i]);
      const std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
      REQUIRE(n != 0);
      REQUIRE(i + n <= out.size());
      for (std::size_t k = 1; k < n; ++k)
        REQUIRE((static_cast<unsigned char>(out[i + k]) & 0xC0) == 0x80);
      i += n;
    }
  }
}
