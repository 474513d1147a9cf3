// libFuzzer target: the cell parsers (money, counts, dates, folding, phone and
// e-mail normalization, canonical value sets) on arbitrary text. Each must
// return a verdict without crashing, and accepted values must be sane.
#include <date/tz.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "triage/input/values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace triage::input;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  std::string why, currency, out;

  for (const char decimal : {',', '.', '\0'}) {
    std::int64_t minor = 0;
    why.clear();
    currency.clear();
    if (!parse_money(s, decimal, minor, currency, why) && why.empty()) __builtin_trap();
    std::int64_t count = 0;
    why.clear();
    if (!parse_count(s, decimal, count, why) && why.empty()) __builtin_trap();
  }
  (void)currency_code(s);
  (void)trim(s);

  const std::string folded = fold(s);
  (void)normalize_payment(folded);
  (void)normalize_order_status(folded);
  (void)normalize_channel(folded);
  (void)normalize_dispute_reason(folded);
  (void)normalize_dispute_status(folded);
  (void)normalize_complaint_status(folded);
  (void)normalize_lang(folded);

  normalize_email(s, out);
  normalize_phone(s, "48", out);
  normalize_phone(s, "", out);

  static const date::time_zone* zone = date::locate_zone("Europe/Warsaw");
  TimeParser times(zone);
  for (const bool utc : {false, true}) {
    triage::Timestamp t{};
    why.clear();
    if (!times.parse(s, utc, t, why) && why.empty()) __builtin_trap();
  }
  return 0;
}
