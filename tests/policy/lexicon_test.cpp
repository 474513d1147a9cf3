// Unit tests for lexicon compilation and matching.
#include "triage/policy/lexicon.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <thread>

#include "triage/policy/text.hpp"

using triage::policy::Lexicon;
using triage::policy::LexiconError;
using triage::policy::LexiconSpec;
using triage::policy::normalize;

namespace {

Lexicon phrases(std::vector<std::string> ps) {
  return Lexicon(LexiconSpec{"test", std::move(ps), {}});
}

bool hits(const Lexicon& lx, std::string_view raw) {
  return lx.matches(normalize(raw));
}

}  // namespace

TEST_CASE("a trailing '*' covers inflected endings", "[lexicon]") {
  const auto lx = phrases({"wystawię negatyw*"});
  CHECK(hits(lx, "Jak nie oddacie pieniędzy, wystawię negatywną opinię"));
  CHECK(hits(lx, "wystawię negatywa"));
  CHECK(hits(lx, "wystawię negatyw"));
  CHECK(hits(lx, "WYSTAWIĘ NEGATYWEM"));
  CHECK_FALSE(hits(lx, "wystawię pozytywną"));
  CHECK_FALSE(hits(lx, "negatywną wystawię"));
  // The wildcard extends the word, it does not start one.
  CHECK_FALSE(hits(lx, "wystawię antynegatyw"));
}

TEST_CASE("phrases match text typed without diacritics", "[lexicon]") {
  const auto lx = phrases({"wystawię negatyw*", "špatn* recenz*"});
  CHECK(hits(lx, "wystawie negatywa"));
  CHECK(hits(lx, "dam vam spatnou recenzi"));
  const auto plain = phrases({"wystawie negatyw*"});
  CHECK(hits(plain, "wystawię negatywną"));
}

TEST_CASE("phrases match whole words only", "[lexicon]") {
  const auto star = phrases({"star"});
  CHECK(hits(star, "one star"));
  CHECK(hits(star, "Star."));
  CHECK_FALSE(hits(star, "start"));
  CHECK_FALSE(hits(star, "restart"));
  CHECK_FALSE(hits(star, "superstar"));
  const auto one = phrases({"1 star"});
  CHECK(hits(one, "giving you 1 star!"));
  CHECK(hits(one, "1-star review"));
  CHECK_FALSE(hits(one, "5 star"));
  CHECK_FALSE(hits(one, "11 star"));
  CHECK_FALSE(hits(one, "1 stars"));
}

TEST_CASE("Cyrillic phrases match across case and punctuation", "[lexicon]") {
  const auto lx = phrases({"поганий відгук"});
  CHECK(hits(lx, "ПОГАНИЙ ВІДГУК!"));
  CHECK(hits(lx, "Залишу поганий   відгук."));
  CHECK_FALSE(hits(lx, "поганийвідгук"));
  const auto wild = phrases({"відгук*"});
  CHECK(hits(wild, "Напишу відгуки"));
  // й is not и: Ukrainian words differ by it.
  const auto mij = phrases({"мій"});
  CHECK_FALSE(hits(mij, "мiи"));
  CHECK(hits(mij, "МІЙ"));
}

TEST_CASE("letters Unicode does not decompose", "[lexicon]") {
  CHECK(hits(phrases({"złoty"}), "zloty"));
  CHECK(hits(phrases({"zloty"}), "ZŁOTY"));
  CHECK(hits(phrases({"straße"}), "Strasse"));
  CHECK(hits(phrases({"strasse"}), "STRAẞE"));
}

TEST_CASE("whitespace in phrases and text is collapsed", "[lexicon]") {
  const auto lx = phrases({"  never   arrived "});
  CHECK(hits(lx, "it\tnever\n\narrived"));
  CHECK(hits(lx, "never — arrived"));
  CHECK_FALSE(hits(lx, "never did it arrive"));
}

TEST_CASE("match() reports the words that matched", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"threat", {"negatyw*", "1 star", "absent"}, {"refund\\s+now"}});
  CHECK(lx.name() == "threat");
  CHECK(lx.size() == 4);
  const auto m = lx.match(normalize("Give me a REFUND   now or 1 star and a negatywna opinia"));
  CHECK(m.matched);
  REQUIRE(m.words.size() == 3);
  CHECK(m.words[0] == "negatywna");
  CHECK(m.words[1] == "1 star");
  CHECK(m.words[2] == "refund now");
  const auto none = lx.match(normalize("all good, thanks"));
  CHECK_FALSE(none.matched);
  CHECK(none.words.empty());
}

TEST_CASE("regexes run on the normalized text", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"r", {}, {"\\b1\\s*star", "^urgent", "chargeback$", "Capital"}});
  CHECK(lx.matches(normalize("I will give 1star")));
  CHECK(lx.matches(normalize("1 Star!")));
  CHECK(lx.matches(normalize("URGENT: help")));
  CHECK_FALSE(lx.matches(normalize("not urgent")));
  CHECK(lx.matches(normalize("I will file a chargeback.")));
  CHECK_FALSE(lx.matches(normalize("chargeback filed")));
  CHECK_FALSE(lx.matches(normalize("5 star")));
  // The text is lower case: a regex with capitals cannot match.
  CHECK_FALSE(lx.matches(normalize("Capital")));
  // Regexes see the text without diacritics, like phrases.
  const Lexicon pl(
      LexiconSpec{"pl", {}, {"(?:paczk|przesylk)\\pL* (?:\\pL+ ){0,4}nie (?:dotarl|doszl)"}});
  CHECK(pl.matches(normalize("Moja przesyłka z zamówienia nie dotarła")));
  CHECK_FALSE(pl.matches(normalize("Moja przesyłka dotarła")));
  CHECK(pl.match(normalize("Paczka nadal NIE doszła!")).words ==
        std::vector<std::string>{"paczka nadal nie doszl"});
}

TEST_CASE("a bank answers every lexicon in one pass, like each lexicon alone", "[lexicon]") {
  std::vector<Lexicon> lexicons;
  lexicons.emplace_back(
      LexiconSpec{"threat", {"wystawię negatyw*", "поганий відгук"}, {"\\b1\\s*star"}});
  lexicons.emplace_back(LexiconSpec{"refund", {"refund", "zwrot pieniędzy"}, {}});
  lexicons.emplace_back(
      LexiconSpec{"lost", {}, {"(?:parcel|package) (?:\\pL+ ){0,2}(?:went|is) missing"}});
  lexicons.emplace_back(LexiconSpec{"none", {}, {}});
  std::vector<const Lexicon*> ptrs;
  for (const auto& l : lexicons) ptrs.push_back(&l);
  ptrs.push_back(nullptr);
  const triage::policy::LexiconBank bank(ptrs);
  CHECK(bank.size() == 5);
  const std::vector<std::string> texts = {"I want a REFUND or 1 star",
                                          "Proszę o zwrot pieniędzy, wystawię negatywną",
                                          "my package has gone... it is missing",
                                          "the parcel is missing",
                                          "Залишу поганий відгук",
                                          "nothing here",
                                          "",
                                          "refunds are not refund"};
  std::vector<std::int8_t> out;
  for (const auto& t : texts) {
    const auto n = normalize(t);
    bank.match_all(n, out);
    REQUIRE(out.size() == 5);
    for (std::size_t i = 0; i < lexicons.size(); ++i) {
      INFO(t << " / " << lexicons[i].name());
      CHECK((out[i] == 1) == lexicons[i].matches(n));
      CHECK(lexicons[i].match(n).matched == lexicons[i].matches(n));
    }
    CHECK(out[4] == 0);
  }
  bank.match_all(normalize("the parcel is missing, refund"), out);
  CHECK(out == std::vector<std::int8_t>{0, 1, 1, 0, 0});
  bank.match_all(normalize("1star"), out);
  CHECK(out == std::vector<std::int8_t>{1, 0, 0, 0, 0});
}

TEST_CASE("an invalid regex or phrase names the pattern", "[lexicon]") {
  try {
    Lexicon lx(LexiconSpec{"bad", {"fine"}, {"ok", "(unclosed"}});
    FAIL("no exception");
  } catch (const LexiconError& e) {
    CHECK(e.kind() == LexiconError::Kind::regex);
    CHECK(e.index() == 1);
    CHECK(e.pattern() == "(unclosed");
    const std::string what = e.what();
    CHECK(what.find("lexicon `bad`") != std::string::npos);
    CHECK(what.find("regex #2") != std::string::npos);
    CHECK(what.find("missing )") != std::string::npos);
  }
  CHECK_THROWS_AS(Lexicon(LexiconSpec{"b", {}, {"a**"}}), std::invalid_argument);
  CHECK_THROWS_WITH(Lexicon(LexiconSpec{"b", {}, {""}}), Catch::Contains("empty regex"));
  CHECK_THROWS_WITH(Lexicon(LexiconSpec{"b", {}, {"\\pQ"}}), Catch::Contains("regex #1"));
  CHECK_THROWS_WITH(Lexicon(LexiconSpec{"b", {"ok", "!!!"}, {}}),
                    Catch::Contains("phrase #2") && Catch::Contains("no letters"));
  CHECK_THROWS_WITH(Lexicon(LexiconSpec{"b", {"neg*tive"}, {}}), Catch::Contains("end of a word"));
  CHECK_THROWS_WITH(Lexicon(LexiconSpec{"b", {"a *"}, {}}), Catch::Contains("follow a word"));
}

TEST_CASE("phrases are literal text, not regex syntax", "[lexicon]") {
  const auto lx = phrases({"c++ (v2)", "a.b"});
  CHECK(hits(lx, "C++ v2 crashed"));
  CHECK(hits(lx, "a b"));
  CHECK_FALSE(hits(lx, "axb"));
}

TEST_CASE("a pathological regex on a long text completes quickly", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"p", {}, {"(a+)+$", "(x+x+)+y"}});
  const std::string text = normalize(std::string(60000, 'a') + " b");
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(lx.matches(normalize(std::string(60000, 'x'))));
  CHECK_FALSE(lx.matches(text));
  CHECK(lx.matches(normalize(std::string(60000, 'a'))));
  CHECK_FALSE(lx.match(text).matched);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(took < std::chrono::seconds(2));
}

TEST_CASE("a lexicon with no patterns never matches", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"empty", {}, {}});
  CHECK_FALSE(lx.matches(normalize("anything")));
  CHECK_FALSE(lx.match(normalize("anything")).matched);
}

TEST_CASE("a large lexicon compiles into one set and matches each phrase", "[lexicon]") {
  std::vector<std::string> ps;
  for (int i = 0; i < 2000; ++i) ps.push_back("word" + std::to_string(i) + " tail*");
  const auto lx = phrases(ps);
  CHECK(hits(lx, "xx word1999 tails yy"));
  CHECK(hits(lx, "word0 tail"));
  CHECK_FALSE(hits(lx, "word2000 tail"));
  const auto m = lx.match(normalize("word7 tailored and word42 tail"));
  REQUIRE(m.words.size() == 2);
  CHECK(m.words[0] == "word7 tailored");
  CHECK(m.words[1] == "word42 tail");
}

TEST_CASE("the regex prefilter finds overlapping and repeated literals", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"o", {}, {"abcd", "bcdef", "cd+x", "zzz|yyy"}});
  auto words = [&](std::string_view t) { return lx.match(normalize(t)).words; };
  CHECK(words("abcdef") == std::vector<std::string>{"abcd", "bcdef"});
  CHECK(words("xx abcdx") == std::vector<std::string>{"abcd", "cdx"});
  CHECK(words("q yyy") == std::vector<std::string>{"yyy"});
  CHECK(lx.matches(normalize("cdddx")));
  CHECK_FALSE(lx.matches(normalize("abc def bcde zz yy")));
  // Cyrillic literals are matched byte by byte like any other.
  const Lexicon uk(LexiconSpec{"uk", {}, {"не (?:отримал|отримав)\\pL*"}});
  CHECK(uk.matches(normalize("Я НЕ ОТРИМАВ посилку")));
  CHECK_FALSE(uk.matches(normalize("я отримав посилку")));
}

TEST_CASE("prepare() compiles ahead and changes no answer", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"p", {"zwrot*"}, {"^refund"}});
  lx.prepare();
  lx.prepare();
  CHECK(lx.matches(normalize("Zwrotu pieniędzy")));
  CHECK(lx.matches(normalize("Refund please")));
  CHECK_FALSE(lx.matches(normalize("please refund")));
}

TEST_CASE("first use from several threads at once is safe", "[lexicon]") {
  const Lexicon lx(LexiconSpec{"t", {"wystawię negatyw*"}, {"(?:paczk|przesylk)\\pL* nie dotarl"}});
  const Lexicon* ptr = &lx;
  const triage::policy::LexiconBank bank({ptr});
  const std::string yes = normalize("Przesyłka nie dotarła, wystawię negatywną");
  const std::string no = normalize("wszystko w porządku");
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      std::vector<std::int8_t> out;
      for (int i = 0; i < 200; ++i) {
        bank.match_all(i % 2 ? yes : no, out);
        const bool expect = i % 2 == 1;
        if (lx.matches(i % 2 ? yes : no) == expect && (out[0] == 1) == expect) ++good[t];
      }
    });
  for (auto& th : threads) th.join();
  CHECK(good == std::vector<int>(4, 200));
}
