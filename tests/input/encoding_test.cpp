// Encoding detection and conversion: UTF-8 with and without BOM, Windows-1250,
// UTF-16 with a BOM, and forced encodings through iconv.
#include <catch2/catch.hpp>

#include "triage/core/error.hpp"
#include "triage/input/encoding.hpp"

using namespace triage::input;

namespace {
std::string drain(ByteSource& s) {
  std::string out;
  char buf[7];  // small reads cross every boundary
  for (std::size_t n; (n = s.read(buf, sizeof buf)) > 0;) out.append(buf, n);
  return out;
}
const std::string cp1250_text = "Zam\xF3wienie;P\xB3" "atno\x9C\xE6\n";  // Zamówienie;Płatność
}  // namespace

TEST_CASE("valid_utf8", "[encoding]") {
  CHECK(valid_utf8("plain ascii, long enough to take the fast path"));
  CHECK(valid_utf8("Płatność — ₴ 😀"));
  CHECK_FALSE(valid_utf8("\xC3"));
  CHECK(valid_utf8("\xC3", true));
  CHECK_FALSE(valid_utf8("\xC0\x80"));          // overlong
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(valid_utf8(cp1250_text));
}

TEST_CASE("auto: UTF-8 passes through, the BOM is dropped", "[encoding]") {
  StringSource raw("\xEF\xBB\xBFZamówienie;Płatność\n");
  DecodingSource d(raw, "auto", "t.csv");
  CHECK(drain(d) == "Zamówienie;Płatność\n");
  CHECK(d.encoding() == "utf-8");
  CHECK(d.utf8_check() == Utf8Check::fallback);
  CHECK(d.sha256_hex().size() == 64);
}

TEST_CASE("auto: a file that is not UTF-8 is read as Windows-1250", "[encoding]") {
  StringSource raw(cp1250_text);
  DecodingSource d(raw, "auto", "t.csv");
  CHECK(drain(d) == "Zamówienie;Płatność\n");
  CHECK(d.encoding() == "windows-1250");
}

TEST_CASE("auto: UTF-16 with a BOM", "[encoding]") {
  std::string s = "\xFF\xFE";
  for (char c : std::string("a,b\n")) s += c, s += '\0';
  StringSource raw(s);
  DecodingSource d(raw, "auto", "t.csv");
  CHECK(drain(d) == "a,b\n");
}

TEST_CASE("forced encodings", "[encoding]") {
  StringSource latin2("\xB3\n");  // ł in ISO-8859-2
  DecodingSource d(latin2, "ISO-8859-2", "t.csv");
  CHECK(drain(d) == "ł\n");

  StringSource raw(cp1250_text);
  DecodingSource u(raw, "utf-8", "t.csv");
  CHECK(u.utf8_check() == Utf8Check::reject);
  CHECK(drain(u) == cp1250_text);  // passed through; rows are checked one by one

  StringSource any("x");
  CHECK_THROWS_AS(DecodingSource(any, "no-such-encoding", "t.csv"), triage::Error);
}

TEST_CASE("the SHA-256 covers the raw bytes", "[encoding]") {
  StringSource raw("abc");
  DecodingSource d(raw, "auto", "t.csv");
  drain(d);
  CHECK(d.sha256_hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("Windows-1250 table", "[encoding]") {
  std::string out;
  append_cp1250_as_utf8("\x8A\x9A\xE8\xF8\xEC", out);  // Š š č ř ě
  CHECK(out == "Ššč" "řě");
}
