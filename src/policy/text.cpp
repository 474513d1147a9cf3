// Text normalization for phrase matching (see text.hpp): case folding,
// diacritic stripping for Latin letters, and one space between words.
#include "triage/policy/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <string>

namespace triage::policy {
namespace {

using cp_t = utf8proc_int32_t;

// Which kind of letter came last, so that a combining mark that follows it
// (text typed in decomposed form) is treated like the precomposed letter.
enum class Script : std::uint8_t { none, latin, cyrillic, other };

bool is_latin_or_greek(cp_t c) {
  return c < 0x0400                       // ASCII, Latin-1, Latin Extended A/B, IPA, Greek
         || (c >= 0x1D00 && c < 0x1DC0)   // phonetic extensions
         || (c >= 0x1E00 && c < 0x2000)   // Latin Extended Additional, Greek Extended
         || (c >= 0x2C60 && c < 0x2C80)   // Latin Extended C
         || (c >= 0xA720 && c < 0xA800)   // Latin Extended D
         || (c >= 0xAB30 && c < 0xAB70)   // Latin Extended E
         || (c >= 0xFF00 && c < 0xFFF0);  // fullwidth forms
}

bool is_cyrillic(cp_t c) {
  return (c >= 0x0400 && c < 0x0530) || (c >= 0x1C80 && c < 0x1C90) ||
         (c >= 0x2DE0 && c < 0x2E00) || (c >= 0xA640 && c < 0xA6A0);
}

bool is_apostrophe(cp_t c) {
  // Apostrophes belong to words ("don't", Ukrainian "пам'ять"); dropping them
  // lets "dont" typed without one match a phrase written with one, and makes
  // the four apostrophes people type equivalent.
  return c == 0x27 || c == 0x2019 || c == 0x02BC || c == 0x2018;
}

// Latin letters that Unicode does not decompose into a base letter and a
// mark, so NFKD alone would leave them unmatched by their ASCII spelling.
// Keys are case-folded forms.
const char* latin_replacement(cp_t c) {
  switch (c) {
    case 0x0142:
      return "l";  // ł
    case 0x0140:
      return "l";  // ŀ (its NFKD adds a middle dot)
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00F8:
      return "o";  // ø
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00FE:
      return "th";  // þ
    case 0x0131:
      return "i";  // dotless ı
    case 0x0127:
      return "h";  // ħ
    case 0x0167:
      return "t";  // ŧ
    case 0x0138:
      return "k";  // ĸ
    case 0x014B:
      return "n";  // ŋ
    case 0x0180:
      return "b";  // ƀ
    case 0x0192:
      return "f";  // ƒ
    case 0x01E5:
      return "g";  // ǥ
    case 0x0268:
      return "i";  // ɨ
    case 0x0195:
      return "hv";  // ƕ
    case 0x00DF:
      return "ss";  // ß (case folding already gives ss; kept for clarity)
    default:
      return nullptr;
  }
}

// A Cyrillic letter typed as base + combining mark, composed back: in
// Ukrainian й and ї are letters of their own, not accented и and і.
cp_t compose_cyrillic(cp_t base, cp_t mark) {
  if (mark == 0x0306) {
    if (base == 0x0438) return 0x0439;  // и + breve = й
    if (base == 0x0443) return 0x045E;  // у + breve = ў
  }
  if (mark == 0x0308 && base == 0x0456) return 0x0457;  // і + diaeresis = ї
  return 0;
}

// Cyrillic letters whose marks are dropped: ё is written as е by most
// writers, and ѐ ѝ only mark stress.
cp_t simplify_cyrillic(cp_t c) {
  switch (c) {
    case 0x0451:
      return 0x0435;  // ё
    case 0x0450:
      return 0x0435;  // ѐ
    case 0x045D:
      return 0x0438;  // ѝ
    default:
      return c;
  }
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void separator() {
    if (out_.back() != ' ') out_.push_back(' ');
    last_ = 0;
    last_at_ = 0;
  }

  void ascii(char c) {
    out_.push_back(c);
    last_ = static_cast<unsigned char>(c);
    last_at_ = out_.size() - 1;
  }

  void code_point(cp_t c) {
    if (c < 0x80) {
      ascii(static_cast<char>(c));
      return;
    }
    std::array<utf8proc_uint8_t, 4> buf{};
    const auto n = utf8proc_encode_char(c, buf.data());
    last_at_ = out_.size();
    out_.append(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n));
    last_ = c;
  }

  // Replaces the last code point written (for composing a Cyrillic letter).
  void replace_last(cp_t c) {
    out_.resize(last_at_);
    code_point(c);
  }

  cp_t last() const { return last_; }

 private:
  std::string& out_;
  cp_t last_ = 0;
  std::size_t last_at_ = 0;
};

bool is_mark(utf8proc_category_t cat) {
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}

bool is_letter_or_digit(utf8proc_category_t cat) {
  switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// One code point of the (folded, decomposed) output.
void emit(cp_t c, Script& script, Writer& w) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      w.ascii(static_cast<char>(c));
      script = Script::latin;
    } else if (c >= 'A' && c <= 'Z') {
      w.ascii(static_cast<char>(c - 'A' + 'a'));
      script = Script::latin;
    } else if (!is_apostrophe(c)) {
      w.separator();
      script = Script::none;
    }
    return;
  }
  if (is_apostrophe(c)) return;
  const auto cat = utf8proc_category(c);
  if (is_mark(cat)) {
    switch (script) {
      case Script::none:
      case Script::latin:
        return;  // a diacritic: dropped
      case Script::cyrillic:
        if (const cp_t composed = compose_cyrillic(w.last(), c)) w.replace_last(composed);
        return;
      case Script::other:
        w.code_point(c);  // vowel signs and the like are part of the word
        return;
    }
  }
  if (cat == UTF8PROC_CATEGORY_CF) return;  // soft hyphen, zero-width joiners: invisible
  if (!is_letter_or_digit(cat)) {
    w.separator();
    script = Script::none;
    return;
  }
  if (is_latin_or_greek(c)) {
    script = Script::latin;
    if (const char* r = latin_replacement(c)) {
      for (; *r; ++r) w.ascii(*r);
      return;
    }
  } else if (is_cyrillic(c)) {
    script = Script::cyrillic;
    c = simplify_cyrillic(c);
  } else {
    script = Script::other;
  }
  w.code_point(c);
}

std::size_t bounded_length(std::string_view text) {
  if (text.size() <= kMaxNormalizeInput) return text.size();
  std::size_t n = kMaxNormalizeInput;
  // Back up to the start of the character the bound falls into.
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

namespace {

using Decomposed = std::array<cp_t, 64>;

// The general treatment of one non-ASCII code point: fold, decompose, emit.
void fold_general(cp_t c, Script& script, Writer& w, Decomposed& dec) {
  utf8proc_option_t opts = UTF8PROC_CASEFOLD;
  // Cyrillic is only case-folded (marks are letters there); Hangul syllables
  // stay composed so matched words read as typed.
  if (!is_cyrillic(c) && !(c >= 0xAC00 && c <= 0xD7A3))
    opts = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE);
  const auto m = utf8proc_decompose_char(c, dec.data(), static_cast<utf8proc_ssize_t>(dec.size()),
                                         opts, nullptr);
  if (m < 0 || m > static_cast<utf8proc_ssize_t>(dec.size())) {
    w.separator();
    script = Script::none;
    return;
  }
  for (utf8proc_ssize_t k = 0; k < m; ++k) emit(dec[static_cast<std::size_t>(k)], script, w);
}

// The outcome of fold_general() for one code point, when it does not depend
// on the characters around it.
struct Folded {
  enum class Kind : std::uint8_t { general, drop, separator, letters };
  Kind kind = Kind::general;
  Script script = Script::none;
  std::uint8_t n = 0;
  std::array<cp_t, 3> cps{};
};

// Outcomes for every two-byte code point (U+0080..U+07FF: Latin-1, Latin
// Extended, Greek, Cyrillic), where nearly all the non-ASCII letters of the
// supported languages are; computed once by the general path, so both agree.
const std::array<Folded, 0x800>& two_byte_table() {
  static const auto* table = [] {
    auto* t = new std::array<Folded, 0x800>;
    Decomposed dec{};
    for (cp_t c = 0x80; c < 0x800; ++c) {
      // A mark's treatment depends on the letter before it.
      if (is_mark(utf8proc_category(c))) continue;
      std::string buf = "x";
      Writer w(buf);
      Script script = Script::latin;
      fold_general(c, script, w, dec);
      const std::string_view body = std::string_view(buf).substr(1);
      Folded& f = (*t)[static_cast<std::size_t>(c)];
      if (body.empty()) {
        if (script == Script::latin) f.kind = Folded::Kind::drop;
        continue;
      }
      if (body == " ") {
        f.kind = Folded::Kind::separator;
        continue;
      }
      if (body.find(' ') != std::string_view::npos) continue;
      Folded g;
      const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(body.data());
      std::size_t i = 0;
      bool ok = true;
      while (i < body.size() && ok) {
        cp_t o = 0;
        const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(body.size() - i), &o);
        ok = n > 0 && g.n < g.cps.size();
        if (ok) {
          g.cps[g.n++] = o;
          i += static_cast<std::size_t>(n);
        }
      }
      if (!ok) continue;
      g.kind = Folded::Kind::letters;
      g.script = script;
      f = g;
    }
    return t;
  }();
  return *table;
}

}  // namespace

void normalize_into(std::string_view text, std::string& out) {
  const std::size_t len = bounded_length(text);
  out.clear();
  out.reserve(len + 2);
  out.push_back(' ');
  Writer w(out);
  Script script = Script::none;
  Decomposed dec{};
  const auto& table = two_byte_table();
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < len) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      emit(static_cast<cp_t>(b), script, w);
      ++i;
      continue;
    }
    if (b >= 0xC2 && b < 0xE0 && i + 1 < len &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      const cp_t c = ((b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      const Folded& f = table[static_cast<std::size_t>(c)];
      if (f.kind != Folded::Kind::general) {
        i += 2;
        if (f.kind == Folded::Kind::separator) {
          w.separator();
          script = Script::none;
        } else if (f.kind == Folded::Kind::letters) {
          for (std::uint8_t k = 0; k < f.n; ++k) w.code_point(f.cps[k]);
          script = f.script;
        }
        continue;
      }
    }
    cp_t c = 0;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(len - i), &c);
    if (n <= 0) {
      ++i;  // invalid byte: dropped
      continue;
    }
    i += static_cast<std::size_t>(n);
    fold_general(c, script, w, dec);
  }
  if (out.back() != ' ') out.push_back(' ');
}

std::string normalize(std::string_view text) {
  std::string out;
  normalize_into(text, out);
  return out;
}

}  // namespace triage::policy
