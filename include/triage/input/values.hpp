// Reading the values of export cells: money with decimal commas, thousands
// separators and currency signs; counts; dates in the formats shops export;
// and the folding that makes header and value matching case- and
// accent-insensitive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "triage/core/model.hpp"

namespace date {
class time_zone;
}

namespace triage::input {

std::string_view trim(std::string_view s);

// Lower case, diacritics removed (ł→l, đ→d, ø→o, ß→ss too), every run of
// characters that are not letters or digits turned into one space, trimmed:
// "Numer zamówienia" → "numer zamowienia", "Dispute Created (UTC)" → "dispute created utc".
std::string fold(std::string_view s);

// Money in hundredths. decimal is the separator a lone ',' or '.' means when it
// could be either; a value with both takes the last as the decimal separator.
// A currency sign or code before or after the number (zł, PLN, Kč, €, $, ₴,
// грн...) is returned in currency (ISO code), else currency is left alone.
// On failure returns false with the reason in why.
bool parse_money(std::string_view s, char decimal, std::int64_t& minor, std::string& currency,
                 std::string& why);

// A currency cell: an ISO code in any case ("pln"), or a sign ("zł", "€"),
// as the upper-case ISO code; other text upper-cased as it is.
std::string currency_code(std::string_view cell);

// A whole number ("3", "3.0", "3,00").
bool parse_count(std::string_view s, char decimal, std::int64_t& out, std::string& why);

// Date and time parsing with a cached zone offset (conversions repeat the
// same few days in an export).
class TimeParser {
 public:
  explicit TimeParser(const date::time_zone* zone);
  // ISO 8601 (T or space, with or without seconds, Z or ±hh[:mm] or " +0100"),
  // DD.MM.YYYY [HH:MM[:SS]], DD/MM/YYYY [...], YYYY/MM/DD. Without a zone the
  // time is local to the configured zone, or UTC when utc is set.
  bool parse(std::string_view s, bool utc, Timestamp& out, std::string& why);

 private:
  Timestamp local_to_utc(std::int64_t local_seconds);
  const date::time_zone* zone_;
  std::int64_t cache_from_ = 1, cache_to_ = 0, cache_offset_ = 0;  // local-second range with a fixed offset
};

// Canonical value sets (see core/model.hpp). Each returns the canonical
// spelling, or an empty view when the value is not recognized.
std::string_view normalize_payment(std::string_view folded);
std::string_view normalize_order_status(std::string_view folded);
std::string_view normalize_channel(std::string_view folded);
std::string_view normalize_dispute_reason(std::string_view folded);
std::string_view normalize_dispute_status(std::string_view folded);
std::string_view normalize_complaint_status(std::string_view folded);
std::string_view normalize_lang(std::string_view folded);

// E-mail: trimmed, lower-cased.
void normalize_email(std::string_view in, std::string& out);
// Phone: digits with a leading '+'; "00" becomes '+'; a national number
// (9 digits, or 10 starting with a trunk 0) gets country_code ("48") when given.
void normalize_phone(std::string_view in, std::string_view country_code, std::string& out);
// The shop's calling code from its time zone: 48, 420, 380, 421, 49..., or "".
std::string country_code_for_zone(std::string_view timezone);

}  // namespace triage::input
