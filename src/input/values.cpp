// Cell values: money, counts, dates, folding, and the canonical spellings of
// payment methods, statuses, channels, dispute reasons and languages.
#include "triage/input/values.hpp"

#include <date/tz.h>
#include <utf8proc.h>

#include <fmt/core.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

namespace triage::input {

namespace {
// What std::tolower does in the C locale (triage never sets another), inline.
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string_view trim(std::string_view s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  // No-break spaces at the ends, as spreadsheets leave them.
  for (;;) {
    if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    else break;
  }
  return s;
}

namespace {

void append_utf8(std::string& out, std::int32_t cp) {
  unsigned char buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool ascii = true;
  for (const char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  bool pending_space = false;
  auto put = [&](auto&& emit) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    emit();
  };
  if (ascii) {
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c)) put([&] { out.push_back(static_cast<char>(std::tolower(c))); });
      else pending_space = true;
    }
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                                static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                                               UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  if (len < 0) {
    // Not UTF-8 (cannot happen after decoding): compare bytes as they are.
    return std::string(s);
  }
  const utf8proc_uint8_t* p = mapped;
  const utf8proc_uint8_t* e = mapped + len;
  while (p < e) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(p, e - p, &cp);
    if (n <= 0) break;
    p += n;
    // Letters Unicode does not decompose.
    const char* ascii_for = nullptr;
    switch (cp) {
      case 0x0142: ascii_for = "l"; break;  // ł
      case 0x0111: ascii_for = "d"; break;  // đ
      case 0x00F8: ascii_for = "o"; break;  // ø
      case 0x0127: ascii_for = "h"; break;  // ħ
      case 0x0131: ascii_for = "i"; break;  // ı
      case 0x00E6: ascii_for = "ae"; break;
      case 0x0153: ascii_for = "oe"; break;
      case 0x00DF: ascii_for = "ss"; break;
      default: break;
    }
    if (ascii_for) {
      put([&] { out += ascii_for; });
      continue;
    }
    const auto cat = utf8proc_category(cp);
    const bool keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (keep) put([&] { append_utf8(out, cp); });
    else pending_space = true;
  }
  std::free(mapped);
  return out;
}

// ---------------------------------------------------------------- money

namespace {

struct CurrencySign {
  std::string_view text;  // compared case-insensitively for ASCII
  std::string_view code;
};

constexpr std::array<CurrencySign, 22> currency_signs{{
    {"zł", "PLN"}, {"zl", "PLN"}, {"pln", "PLN"}, {"kč", "CZK"}, {"kc", "CZK"}, {"czk", "CZK"},
    {"₴", "UAH"}, {"грн.", "UAH"}, {"грн", "UAH"}, {"uah", "UAH"}, {"€", "EUR"}, {"eur", "EUR"},
    {"$", "USD"}, {"usd", "USD"}, {"£", "GBP"}, {"gbp", "GBP"}, {"huf", "HUF"}, {"ft", "HUF"},
    {"ron", "RON"}, {"chf", "CHF"}, {"sek", "SEK"}, {"€", "EUR"},
}};

bool iequal_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

bool strip_currency(std::string_view& s, std::string& currency) {
  // No sign holds a digit: a plain number, the common case, has none to strip.
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!s.empty() && digit(s.front()) && digit(s.back())) return false;
  for (const auto& sign : currency_signs) {
    const auto n = sign.text.size();
    if (s.size() > n && iequal_ascii(s.substr(s.size() - n), sign.text)) {
      s.remove_suffix(n);
      currency = sign.code;
      return true;
    }
    if (s.size() > n && iequal_ascii(s.substr(0, n), sign.text)) {
      s.remove_prefix(n);
      currency = sign.code;
      return true;
    }
  }
  return false;
}

// Length of a thousands-separator sequence at s (space, NBSP, narrow NBSP,
// thin space, apostrophe), or 0.
std::size_t group_space(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\'') return 1;
  if (s.substr(0, 2) == "\xC2\xA0") return 2;
  if (s.substr(0, 3) == "\xE2\x80\xAF" || s.substr(0, 3) == "\xE2\x80\x89") return 3;
  return 0;
}

bool strip_sign(std::string_view& s, bool& negative) {
  s = trim(s);
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = negative || s[0] == '-';
    s.remove_prefix(1);
    return true;
  }
  if (s.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    negative = true;
    s.remove_prefix(3);
    return true;
  }
  return false;
}

}  // namespace

bool parse_money(std::string_view in, char decimal, std::int64_t& minor, std::string& currency,
                 std::string& why) {
  std::string_view s = trim(in);
  if (s.empty()) {
    why = "empty";
    return false;
  }
  bool negative = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  strip_sign(s, negative);
  if (strip_currency(s, currency)) {
    strip_sign(s, negative);
    s = trim(s);
  }
  if (!s.empty() && s.back() == '-') {  // "12.00-", as some ledgers write it
    negative = true;
    s.remove_suffix(1);
  }
  s = trim(s);

  // Split into digit groups and the separators between them.
  struct Sep {
    char kind;      // ',', '.', or ' ' for any group space
    std::size_t digits_after = 0;
  };
  std::array<Sep, 16> seps{};
  std::size_t nseps = 0, lead_digits = 0;
  std::uint64_t int_part = 0;
  char digits[40];
  std::size_t ndigits = 0;
  std::size_t i = 0;
  bool any_digit = false;
  while (i < s.size()) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (ndigits >= sizeof digits) {
        why = fmt::format("'{}' has too many digits", in);
        return false;
      }
      digits[ndigits++] = c;
      any_digit = true;
      if (nseps == 0) ++lead_digits;
      else ++seps[nseps - 1].digits_after;
      ++i;
      continue;
    }
    std::size_t g = 0;
    char kind = 0;
    if (c == ',' || c == '.') kind = c, g = 1;
    else if ((g = group_space(s.substr(i))) > 0) kind = ' ';
    if (kind == 0 || nseps >= seps.size()) {
      why = fmt::format("'{}' is not a number", in);
      return false;
    }
    seps[nseps++] = Sep{kind, 0};
    i += g;
  }
  if (!any_digit) {
    why = fmt::format("'{}' is not a number", in);
    return false;
  }
  // Which separator, if any, is the decimal one?
  std::ptrdiff_t dec = -1;
  std::size_t commas = 0, points = 0;
  for (std::size_t k = 0; k < nseps; ++k) {
    commas += seps[k].kind == ',';
    points += seps[k].kind == '.';
  }
  if (nseps > 0 && seps[nseps - 1].kind != ' ') {
    const char last = seps[nseps - 1].kind;
    const std::size_t same = last == ',' ? commas : points;
    const std::size_t other = last == ',' ? points : commas;
    if (other > 0) dec = static_cast<std::ptrdiff_t>(nseps - 1);
    else if (same == 1 && (last == decimal || seps[nseps - 1].digits_after != 3))
      dec = static_cast<std::ptrdiff_t>(nseps - 1);
  }
  // Every other separator groups thousands: three digits after each.
  for (std::size_t k = 0; k < nseps; ++k) {
    if (static_cast<std::ptrdiff_t>(k) == dec) continue;
    if (seps[k].digits_after != 3 || lead_digits == 0 || lead_digits > 3 ||
        (dec >= 0 && static_cast<std::ptrdiff_t>(k) > dec)) {
      why = fmt::format("'{}' is not a number (use --decimal if the separators are swapped)", in);
      return false;
    }
  }
  const std::size_t frac_digits = dec >= 0 ? seps[static_cast<std::size_t>(dec)].digits_after : 0;
  const std::size_t int_digits = ndigits - frac_digits;
  if (int_digits > 15) {
    why = fmt::format("'{}' is too large", in);
    return false;
  }
  for (std::size_t k = 0; k < int_digits; ++k) int_part = int_part * 10 + static_cast<unsigned>(digits[k] - '0');
  std::int64_t cents = 0;
  if (frac_digits >= 1) cents += (digits[int_digits] - '0') * 10;
  if (frac_digits >= 2) cents += digits[int_digits + 1] - '0';
  std::int64_t value = static_cast<std::int64_t>(int_part) * 100 + cents;
  if (frac_digits >= 3 && digits[int_digits + 2] >= '5') ++value;  // half away from zero
  minor = negative ? -value : value;
  return true;
}

std::string currency_code(std::string_view cell) {
  const auto s = trim(cell);
  for (const auto& sign : currency_signs) {
    if (iequal_ascii(s, sign.text)) return std::string(sign.code);
  }
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool parse_count(std::string_view s, char decimal, std::int64_t& out, std::string& why) {
  std::int64_t minor = 0;
  std::string currency;
  if (!parse_money(s, decimal, minor, currency, why)) return false;
  if (minor % 100 != 0 || !currency.empty()) {
    why = fmt::format("'{}' is not a whole number", s);
    return false;
  }
  out = minor / 100;
  return true;
}

// ---------------------------------------------------------------- time

namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool end() const { return i >= s.size(); }
  char peek() const { return i < s.size() ? s[i] : '\0'; }
  // Reads 1..max digits; returns the count read.
  int digits(int max, int& value) {
    int n = 0;
    value = 0;
    while (n < max && i < s.size() && s[i] >= '0' && s[i] <= '9') {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    return n;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void spaces() {
    while (peek() == ' ') ++i;
  }
};

}  // namespace

TimeParser::TimeParser(const date::time_zone* zone) : zone_(zone) {}

Timestamp TimeParser::local_to_utc(std::int64_t local) {
  if (!zone_) return local;
  if (local >= cache_from_ && local < cache_to_) return local - cache_offset_;
  using namespace std::chrono;
  const auto info = zone_->get_info(date::local_seconds(seconds(local)));
  const std::int64_t off = info.first.offset.count();
  if (info.result == date::local_info::unique) {
    // Cache the stretch with this offset, a day away from its transitions.
    const std::int64_t b = info.first.begin.time_since_epoch().count();
    const std::int64_t e = info.first.end.time_since_epoch().count();
    cache_from_ = b > std::int64_t{-1} << 40 ? b + off + 86400 : std::int64_t{-1} << 40;
    cache_to_ = e < std::int64_t{1} << 40 ? e + off - 86400 : std::int64_t{1} << 40;
    cache_offset_ = off;
  }
  // Nonexistent (spring forward): read with the offset before the gap;
  // ambiguous (fall back): the earlier of the two.
  return local - off;
}

bool TimeParser::parse(std::string_view in, bool utc, Timestamp& out, std::string& why) {
  Cursor c{trim(in)};
  auto fail = [&] {
    why = fmt::format("'{}' is not a date (use YYYY-MM-DD [HH:MM[:SS]] or DD.MM.YYYY [HH:MM])", in);
    return false;
  };
  int a = 0, b = 0, y = 0, m = 0, d = 0;
  const int na = c.digits(4, a);
  if (na == 0) return fail();
  const char sep = c.peek();
  if (sep != '-' && sep != '.' && sep != '/') return fail();
  ++c.i;
  if (c.digits(2, b) == 0) return fail();
  if (!c.eat(sep)) return fail();
  if (na == 4) {
    y = a, m = b;
    if (c.digits(2, d) == 0) return fail();
  } else if (na <= 2) {
    d = a, m = b;
    if (c.digits(4, y) != 4) return fail();
  } else {
    return fail();
  }
  if (m < 1 || m > 12 || d < 1 || d > static_cast<int>(days_in_month(y, static_cast<unsigned>(m))))
    return fail();
  int hh = 0, mm = 0, ss = 0;
  bool zone_given = false;
  std::int64_t zone_offset = 0;
  if (!c.end()) {
    if (c.peek() == 'T' || c.peek() == ' ' || c.peek() == ',') {
      c.eat(',');
      if (!c.eat('T')) c.spaces();
    } else {
      return fail();
    }
    if (c.digits(2, hh) == 0 || !c.eat(':') || c.digits(2, mm) != 2) return fail();
    if (c.eat(':')) {
      if (c.digits(2, ss) != 2) return fail();
      if (c.eat('.') || c.eat(',')) {
        int frac = 0;
        while (c.digits(9, frac) > 0) {
        }
      }
    }
    if (hh > 23 || mm > 59 || ss > 60) return fail();
    if (ss == 60) ss = 59;
    c.spaces();
    if (!c.end()) {
      const auto rest = c.s.substr(c.i);
      if (rest == "Z" || rest == "z" || iequal_ascii(rest, "UTC") || iequal_ascii(rest, "GMT")) {
        zone_given = true;
        c.i = c.s.size();
      } else if (c.peek() == '+' || c.peek() == '-') {
        const bool neg = c.peek() == '-';
        ++c.i;
        int zh = 0, zm = 0;
        if (c.digits(2, zh) != 2) return fail();
        c.eat(':');
        if (!c.end() && c.digits(2, zm) != 2) return fail();
        if (zh > 14 || zm > 59) return fail();
        zone_offset = (zh * 3600 + zm * 60) * (neg ? -1 : 1);
        zone_given = true;
      }
      if (!c.end()) return fail();
    }
  }
  const std::int64_t local = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 +
                             hh * 3600 + mm * 60 + ss;
  if (zone_given) out = local - zone_offset;
  else if (utc) out = local;
  else out = local_to_utc(local);
  return true;
}

// ---------------------------------------------------------------- value sets

namespace {

using Synonyms = std::vector<std::pair<std::string_view, std::string_view>>;  // written form, canonical

class ValueTable {
 public:
  ValueTable(const Synonyms& exact, const Synonyms& prefixes) {
    for (const auto& [k, v] : exact) exact_.emplace(fold(k), v);
    for (const auto& [k, v] : prefixes) prefixes_.emplace_back(fold(k), v);
  }
  std::string_view find(std::string_view folded) const {
    if (auto it = exact_.find(std::string(folded)); it != exact_.end()) return it->second;
    // A word of the value starting with a known stem.
    for (const auto& [stem, v] : prefixes_) {
      for (std::size_t at = folded.find(stem); at != std::string_view::npos; at = folded.find(stem, at + 1)) {
        if (at == 0 || folded[at - 1] == ' ') return v;
      }
    }
    return {};
  }

 private:
  std::unordered_map<std::string, std::string_view> exact_;
  std::vector<std::pair<std::string, std::string_view>> prefixes_;
};

}  // namespace

std::string_view normalize_payment(std::string_view folded) {
  static const ValueTable t(
      {
          {"card", "card"}, {"credit card", "card"}, {"debit card", "card"}, {"karta", "card"},
          {"karta płatnicza", "card"}, {"platba kartou", "card"}, {"kartou", "card"}, {"картка", "card"},
          {"карта", "card"}, {"оплата карткою", "card"}, {"stripe", "card"}, {"shopify payments", "card"},
          {"apple pay", "card"}, {"google pay", "card"}, {"visa", "card"}, {"mastercard", "card"},
          {"cod", "cod"}, {"cash on delivery", "cod"}, {"cash on delivery cod", "cod"},
          {"za pobraniem", "cod"}, {"pobranie", "cod"}, {"płatność przy odbiorze", "cod"},
          {"dobírka", "cod"}, {"na dobírku", "cod"}, {"platba na dobírku", "cod"},
          {"накладений платіж", "cod"}, {"післяплата", "cod"}, {"оплата при отриманні", "cod"},
          {"cash", "cod"}, {"gotówka", "cod"}, {"hotově", "cod"}, {"готівка", "cod"},
          {"transfer", "transfer"}, {"bank transfer", "transfer"}, {"bacs", "transfer"},
          {"direct bank transfer", "transfer"}, {"przelew", "transfer"}, {"przelew bankowy", "transfer"},
          {"przelew tradycyjny", "transfer"}, {"przelewy24", "transfer"}, {"p24", "transfer"},
          {"payu", "transfer"}, {"tpay", "transfer"}, {"převodem", "transfer"},
          {"bankovní převod", "transfer"}, {"převod", "transfer"}, {"gopay", "transfer"},
          {"банківський переказ", "transfer"}, {"переказ", "transfer"}, {"manual", "transfer"},
          {"paypal", "paypal"}, {"pay pal", "paypal"}, {"ppcp gateway", "paypal"},
          {"paypal express checkout", "paypal"}, {"blik", "blik"}, {"płatność blik", "blik"},
          {"other", "other"}, {"inne", "other"}, {"jiné", "other"}, {"інше", "other"},
      },
      {
          {"pobran", "cod"}, {"cash on deliver", "cod"}, {"dobírk", "cod"}, {"накладен", "cod"},
          {"післяплат", "cod"}, {"przy odbiorze", "cod"}, {"blik", "blik"}, {"paypal", "paypal"},
          {"przelew", "transfer"}, {"převod", "transfer"}, {"bank", "transfer"}, {"переказ", "transfer"},
          {"card", "card"}, {"kart", "card"}, {"карт", "card"}, {"stripe", "card"}, {"visa", "card"},
      });
  return t.find(folded);
}

std::string_view normalize_order_status(std::string_view folded) {
  static const ValueTable t(
      {
          {"pending", "pending"}, {"new", "pending"}, {"open", "pending"}, {"processing", "pending"},
          {"on hold", "pending"}, {"wc processing", "pending"}, {"wc on hold", "pending"},
          {"wc pending", "pending"}, {"wc completed", "shipped"}, {"unfulfilled", "pending"}, {"paid", "pending"},
          {"awaiting shipment", "pending"}, {"nowe", "pending"}, {"nowy", "pending"},
          {"w realizacji", "pending"}, {"oczekujące", "pending"}, {"przyjęte", "pending"},
          {"opłacone", "pending"}, {"nová", "pending"}, {"nový", "pending"},
          {"přijatá", "pending"}, {"vyřizuje se", "pending"}, {"zpracovává se", "pending"},
          {"нове", "pending"}, {"новий", "pending"}, {"в обробці", "pending"}, {"очікує", "pending"},
          {"shipped", "shipped"}, {"sent", "shipped"}, {"fulfilled", "shipped"}, {"in transit", "shipped"},
          {"partial", "shipped"}, {"partially fulfilled", "shipped"}, {"wysłane", "shipped"},
          {"wysłano", "shipped"}, {"nadane", "shipped"}, {"w drodze", "shipped"},
          {"odesláno", "shipped"}, {"odeslaná", "shipped"}, {"expedováno", "shipped"},
          {"na cestě", "shipped"}, {"відправлено", "shipped"}, {"в дорозі", "shipped"},
          {"відправлене", "shipped"},
          {"delivered", "delivered"}, {"completed", "delivered"}, {"complete", "delivered"},
          {"doręczone", "delivered"}, {"doręczono", "delivered"}, {"dostarczone", "delivered"},
          {"odebrane", "delivered"}, {"zrealizowane", "delivered"}, {"doručeno", "delivered"},
          {"doručená", "delivered"}, {"vyřízeno", "delivered"}, {"převzato", "delivered"},
          {"dokončeno", "delivered"}, {"доставлено", "delivered"}, {"отримано", "delivered"},
          {"виконано", "delivered"}, {"вручено", "delivered"},
          {"returned", "returned"}, {"return", "returned"}, {"refunded", "returned"},
          {"restocked", "returned"}, {"wc refunded", "returned"}, {"zwrócone", "returned"},
          {"zwrot", "returned"}, {"zwrot do nadawcy", "returned"}, {"zwrócono", "returned"},
          {"vráceno", "returned"}, {"vrácená", "returned"}, {"vratka", "returned"},
          {"повернено", "returned"}, {"повернення", "returned"},
          {"refused", "refused"}, {"not collected", "refused"}, {"unclaimed", "refused"},
          {"odmowa przyjęcia", "refused"}, {"nieodebrane", "refused"}, {"nie odebrano", "refused"},
          {"odmówiono", "refused"}, {"nepřevzato", "refused"}, {"nevyzvednuto", "refused"},
          {"odmítnuto", "refused"}, {"nepřevzatá", "refused"}, {"відмова", "refused"},
          {"не забрано", "refused"}, {"не отримано", "refused"},
          {"lost", "lost"}, {"zagubione", "lost"}, {"zaginęła", "lost"}, {"zaginione", "lost"},
          {"ztraceno", "lost"}, {"ztracená", "lost"}, {"втрачено", "lost"}, {"загублено", "lost"},
          {"cancelled", "cancelled"}, {"canceled", "cancelled"}, {"failed", "cancelled"},
          {"wc cancelled", "cancelled"}, {"wc failed", "cancelled"}, {"voided", "cancelled"},
          {"anulowane", "cancelled"}, {"anulowano", "cancelled"}, {"stornováno", "cancelled"},
          {"zrušeno", "cancelled"}, {"zrušená", "cancelled"}, {"скасовано", "cancelled"},
          {"відмінено", "cancelled"},
      },
      {
          {"odmow", "refused"}, {"nieodebr", "refused"}, {"nepřevz", "refused"}, {"nevyzved", "refused"},
          {"zwrot", "returned"}, {"zwróc", "returned"}, {"vrác", "returned"}, {"поверн", "returned"},
          {"doręcz", "delivered"}, {"doruč", "delivered"}, {"deliver", "delivered"}, {"доставл", "delivered"},
          {"wysł", "shipped"}, {"odesl", "shipped"}, {"ship", "shipped"}, {"відправл", "shipped"},
          {"anul", "cancelled"}, {"cancel", "cancelled"}, {"storno", "cancelled"}, {"zruš", "cancelled"},
          {"скасов", "cancelled"}, {"zagub", "lost"}, {"zagin", "lost"}, {"ztrac", "lost"},
          {"втрач", "lost"},
      });
  return t.find(folded);
}

std::string_view normalize_channel(std::string_view folded) {
  static const ValueTable t(
      {
          {"email", "email"}, {"e-mail", "email"}, {"mail", "email"}, {"poczta", "email"},
          {"електронна пошта", "email"}, {"пошта", "email"}, {"phone", "phone"}, {"telefon", "phone"},
          {"call", "phone"}, {"infolinia", "phone"}, {"телефон", "phone"}, {"dzwonek", "phone"},
          {"facebook", "facebook"}, {"fb", "facebook"}, {"messenger", "facebook"},
          {"instagram", "instagram"}, {"ig", "instagram"}, {"insta", "instagram"}, {"sms", "sms"},
          {"text", "sms"}, {"chat", "chat"}, {"live chat", "chat"}, {"czat", "chat"}, {"чат", "chat"},
          {"whatsapp", "chat"}, {"viber", "chat"}, {"telegram", "chat"}, {"web", "chat"},
          {"marketplace", "marketplace"}, {"allegro", "marketplace"}, {"amazon", "marketplace"},
          {"ebay", "marketplace"}, {"etsy", "marketplace"}, {"olx", "marketplace"},
          {"erli", "marketplace"}, {"empik", "marketplace"}, {"rozetka", "marketplace"},
          {"prom", "marketplace"}, {"mall", "marketplace"}, {"kaufland", "marketplace"},
          {"other", "other"}, {"inne", "other"}, {"jiné", "other"}, {"інше", "other"},
      },
      {{"mail", "email"}, {"tel", "phone"}, {"facebook", "facebook"}, {"chat", "chat"}});
  return t.find(folded);
}

namespace {
std::string underscored(std::string_view folded) {
  std::string s(folded);
  for (auto& c : s)
    if (c == ' ') c = '_';
  return s;
}
}  // namespace

std::string_view normalize_dispute_reason(std::string_view folded) {
  static const std::array<std::string_view, 8> known = {
      "fraudulent", "product_not_received", "product_unacceptable", "duplicate",
      "subscription_canceled", "credit_not_processed", "unrecognized", "general"};
  const std::string u = underscored(folded);
  for (auto k : known)
    if (u == k) return k;
  if (u == "subscription_cancelled") return "subscription_canceled";
  if (u == "fraud") return "fraudulent";
  if (u == "not_received") return "product_not_received";
  if (u.empty()) return {};
  return "general";  // Stripe's other reasons (bank_cannot_process, ...) are general to us
}

std::string_view normalize_dispute_status(std::string_view folded) {
  static const std::array<std::string_view, 9> known = {
      "needs_response", "under_review", "warning_needs_response", "warning_under_review", "won",
      "lost", "warning_closed", "charge_refunded", "prevented"};
  const std::string u = underscored(folded);
  for (auto k : known)
    if (u == k) return k;
  return {};
}

std::string_view normalize_complaint_status(std::string_view folded) {
  static const ValueTable t(
      {
          {"open", "open"}, {"new", "open"}, {"pending", "open"}, {"waiting", "open"},
          {"in progress", "open"}, {"otwarte", "open"}, {"nowe", "open"}, {"w toku", "open"},
          {"otevřeno", "open"}, {"otevřená", "open"}, {"nová", "open"}, {"відкрито", "open"},
          {"нова", "open"}, {"відкрита", "open"}, {"closed", "closed"}, {"zamknięte", "closed"},
          {"zamknięta", "closed"}, {"uzavřeno", "closed"}, {"uzavřená", "closed"},
          {"закрито", "closed"}, {"закрита", "closed"}, {"resolved", "resolved"}, {"solved", "resolved"},
          {"rozwiązane", "resolved"}, {"rozpatrzone", "resolved"}, {"vyřešeno", "resolved"},
          {"vyřízeno", "resolved"}, {"вирішено", "resolved"}, {"вирішена", "resolved"},
      },
      {});
  return t.find(folded);
}

std::string_view normalize_lang(std::string_view folded) {
  static const ValueTable t(
      {
          {"en", "en"}, {"eng", "en"}, {"english", "en"}, {"angielski", "en"}, {"en us", "en"},
          {"en gb", "en"}, {"pl", "pl"}, {"pol", "pl"}, {"polish", "pl"}, {"polski", "pl"},
          {"pl pl", "pl"}, {"cs", "cs"}, {"cz", "cs"}, {"cze", "cs"}, {"czech", "cs"},
          {"čeština", "cs"}, {"czeski", "cs"}, {"cs cz", "cs"}, {"uk", "uk"}, {"ua", "uk"},
          {"ukr", "uk"}, {"ukrainian", "uk"}, {"українська", "uk"}, {"ukraiński", "uk"},
          {"uk ua", "uk"},
      },
      {});
  return t.find(folded);
}

void normalize_email(std::string_view in, std::string& out) {
  const auto s = trim(in);
  out.assign(s.data(), s.size());
  for (auto& c : out) c = lower_ascii(c);
  if (out.size() > 7 && out.compare(0, 7, "mailto:") == 0) out.erase(0, 7);
}

void normalize_phone(std::string_view in, std::string_view country_code, std::string& out) {
  out.clear();
  const auto s = trim(in);
  bool plus = false;
  for (const char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
    else if (c == '+' && out.empty()) plus = true;
  }
  if (out.empty()) return;
  if (!plus && out.size() > 2 && out[0] == '0' && out[1] == '0') {
    out.erase(0, 2);
    plus = true;
  }
  if (!plus && !country_code.empty()) {
    if (out.size() == 10 && out[0] == '0') out.erase(0, 1);  // trunk prefix (Ukraine)
    if (out.size() == 9) {
      out.insert(0, country_code);
      plus = true;
    } else if (out.size() == country_code.size() + 9 && out.compare(0, country_code.size(), country_code) == 0) {
      plus = true;
    }
  }
  if (plus) out.insert(out.begin(), '+');
}

std::string country_code_for_zone(std::string_view tz) {
  if (tz == "Europe/Warsaw") return "48";
  if (tz == "Europe/Prague") return "420";
  if (tz == "Europe/Bratislava") return "421";
  if (tz == "Europe/Kyiv" || tz == "Europe/Kiev" || tz == "Europe/Uzhgorod" || tz == "Europe/Zaporozhye")
    return "380";
  return "";
}

}  // namespace triage::input
