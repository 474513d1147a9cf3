// Language guessing (see language.hpp): letters only one of the supported
// languages uses are strong evidence; common words catch text typed without
// diacritics, as Polish and Czech customers often write.
#include "triage/policy/language.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "triage/policy/text.hpp"

namespace triage::policy {
namespace {

enum Lang : int { en = 0, pl = 1, cs = 2 };

// Long texts are judged by their beginning: the first few kilobytes say as
// much as the rest, and this keeps guessing cheap on pasted logs.
constexpr std::size_t kMaxScan = 8 * 1024;

// Common words in their normalized spelling (lower case, no diacritics).
// Words shared by two of the languages ("na", "to", "ale", "mam", "pan")
// are left out: they say nothing.
const std::unordered_map<std::string_view, Lang>& word_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, Lang>;
    for (const std::string_view w :
         {"the",   "and",      "is",      "my",      "was",    "have",  "has",   "not",
          "order", "received", "package", "parcel",  "please", "hello", "hi",    "thanks",
          "thank", "you",      "your",    "refund",  "it",     "this",  "with",  "for",
          "still", "never",    "arrived", "where",   "when",   "item",  "would", "like",
          "want",  "been",     "dear",    "regards", "broken", "of",    "from",  "what",
          "can",   "are",      "got",     "an",      "be",     "if",    "but",   "delivery",
          "money", "dont",     "didnt",   "havent",  "wasnt",  "isnt",  "cant",  "im",
          "ive",   "bought",   "sent",    "yet",     "again",  "there", "they",  "will",
          "good",  "morning",  "waited",  "whole",   "day",    "how",   "about", "gift",
          "card",  "need",     "just",    "our",     "which",  "that"})
      t->emplace(w, en);
    for (const std::string_view w :
         {"nie",        "jest",       "sie",        "zamowienie", "zamowienia", "zamowieniu",
          "zamowilem",  "zamowilam",  "paczka",     "paczki",     "paczke",     "prosze",
          "dzien",      "dziekuje",   "pozdrawiam", "witam",      "juz",        "jeszcze",
          "czy",        "gdzie",      "kiedy",      "przesylka",  "przesylki",  "przesylke",
          "reklamacja", "reklamacje", "reklamacji", "zwrot",      "zwrotu",     "pieniadze",
          "pieniedzy",  "dotarla",    "dotarlo",    "doszla",     "doszlo",     "otrzymalem",
          "otrzymalam", "bardzo",     "tylko",      "przez",      "oraz",       "wiec",
          "ktory",      "ktora",      "ktore",      "zeby",       "bylo",       "byla",
          "kurier",     "kuriera",    "towar",      "towaru",     "sklep",      "mnie",
          "jestem",     "panstwo",    "prosimy",    "zamowic",    "wystawie",   "opinie",
          "opinia",     "negatyw",    "dostalem",   "dostalam",   "odpowiedz",  "chce",
          "zwrocic",    "wyslac",     "czekam",     "albo",       "opisze",     "czesc",
          "potrzebuje", "firme",      "dziekujemy", "szanowni",   "panstwa",    "gory",
          "reki",       "zalatwcie"})
      t->emplace(w, pl);
    for (const std::string_view w :
         {"je",         "jsem",       "jsme",       "jsou",       "neni",     "objednavka",
          "objednavku", "objednavky", "objednavce", "prosim",     "neprisla", "neprisel",
          "neprislo",   "dekuji",     "dekuju",     "zbozi",      "balik",    "baliku",
          "balicek",    "jeste",      "uz",         "protoze",    "penize",   "vraceni",
          "reklamace",  "reklamaci",  "se",         "pozdravem",  "zasilka",  "zasilku",
          "zasilky",    "kdy",        "kde",        "nebo",       "dorazil",  "dorazila",
          "dorazilo",   "nefunguje",  "porad",      "muj",        "moji",     "vas",
          "vase",       "chci",       "bych",       "dnes",       "zatim",    "obchod",
          "kuryr",      "recenzi",    "recenze",    "spatnou",    "spatna",   "dostal",
          "dostala",    "odpoved",    "vratit",     "poslat",     "objednal", "objednala",
          "vazeni",     "zdravim",    "poslete",    "slevu",      "jinak",    "spatne",
          "hodnoceni",  "bude",       "skladem",    "dotaz",      "stiznost", "mesic",
          "platbu",     "platba",     "doruceni",   "predplatne", "jste",     "znovu",
          "dekujeme",   "ahoj",       "nebyla",     "chybi"})
      t->emplace(w, cs);
    return t;
  }();
  return *table;
}

bool is_cyrillic_letter(utf8proc_int32_t c) {
  return c >= 0x0400 && c < 0x0530;
}

bool is_latin_letter(utf8proc_int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7);
}

// Evidence a letter gives, by language: 2 for a letter only that language
// uses among the supported ones, 1 for one it shares with many others.
struct LetterWeight {
  int pl = 0;
  int cs = 0;
};

LetterWeight letter_weight(utf8proc_int32_t lower) {
  switch (lower) {
    case 0x0105:
    case 0x0119:
    case 0x0142:
    case 0x015B:  // ą ę ł ś
    case 0x017A:
    case 0x017C:
    case 0x0107:
    case 0x0144:  // ź ż ć ń
      return {2, 0};
    case 0x00F3:  // ó: mostly Polish
      return {1, 0};
    case 0x011B:
    case 0x0159:
    case 0x016F:
    case 0x0165:  // ě ř ů ť
    case 0x010F:
    case 0x0148:
    case 0x0161:
    case 0x010D:  // ď ň š č
    case 0x017E:  // ž
      return {0, 2};
    case 0x00E1:
    case 0x00E9:
    case 0x00ED:
    case 0x00FA:
    case 0x00FD:  // á é í ú ý
      return {0, 1};
    default:
      return {};
  }
}

}  // namespace

std::string guess_language(std::string_view raw_text) {
  return guess_language(raw_text,
                        normalize(raw_text.substr(0, std::min(raw_text.size(), kMaxScan))));
}

std::string guess_language(std::string_view raw_text, std::string_view normalized) {
  const std::string_view text = raw_text.substr(0, std::min(raw_text.size(), kMaxScan));
  std::array<int, 3> score{};
  int cyrillic = 0, latin = 0, uk_only = 0, ru_only = 0;
  // Diacritic evidence counts once per word, so that a name such as
  // "Łukasz Wiśniewski" in an English message weighs little.
  LetterWeight word{};
  const auto end_word = [&] {
    score[pl] += word.pl;
    score[cs] += word.cs;
    word = {};
  };
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<std::size_t>(n);
    const auto lower = utf8proc_tolower(c);
    if (is_cyrillic_letter(lower)) {
      ++cyrillic;
      switch (lower) {
        case 0x0456:
        case 0x0457:
        case 0x0454:
        case 0x0491:  // і ї є ґ
          ++uk_only;
          break;
        case 0x044B:
        case 0x044D:
        case 0x044A:
        case 0x0451:  // ы э ъ ё
          ++ru_only;
          break;
        default:
          break;
      }
      end_word();
    } else if (is_latin_letter(lower)) {
      ++latin;
      const auto w = letter_weight(lower);
      word.pl = std::max(word.pl, w.pl);
      word.cs = std::max(word.cs, w.cs);
    } else {
      end_word();
    }
  }
  end_word();

  if (cyrillic > latin) {
    if (uk_only > 0 && uk_only >= ru_only) return "uk";
    if (ru_only > 0 || cyrillic < 3) return {};
    return "uk";
  }
  if (latin < 2) return {};

  const std::string_view norm = normalized.substr(0, std::min(normalized.size(), kMaxScan + 2));
  const auto& table = word_table();
  std::string_view prev;
  std::size_t b = 1;
  while (b < norm.size()) {
    const std::size_t e = norm.find(' ', b);
    if (e == std::string::npos) break;
    const std::string_view w(norm.data() + b, e - b);
    if (const auto it = table.find(w); it != table.end()) ++score[it->second];
    // "dobry" alone is both Polish and Czech; the greeting's word order is not.
    if (prev == "dobry" && w == "den") ++score[cs];
    prev = w;
    b = e + 1;
  }

  int best = -1, second = 0;
  for (int l = 0; l < 3; ++l) {
    if (best < 0 || score[static_cast<std::size_t>(l)] > score[static_cast<std::size_t>(best)])
      best = l;
  }
  for (int l = 0; l < 3; ++l)
    if (l != best) second = std::max(second, score[static_cast<std::size_t>(l)]);
  const int top = score[static_cast<std::size_t>(best)];
  if (top == 0 || top == second) return {};
  static constexpr std::array<const char*, 3> kCodes{"en", "pl", "cs"};
  return kCodes[static_cast<std::size_t>(best)];
}

}  // namespace triage::policy
