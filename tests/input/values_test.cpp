// Money, counts, dates, folding and the canonical value sets.
#include <catch2/catch.hpp>

#include <date/tz.h>

#include "triage/input/values.hpp"

using namespace triage::input;

namespace {
std::int64_t money(std::string_view s, char decimal = '.') {
  std::int64_t m = 0;
  std::string cur, why;
  REQUIRE(parse_money(s, decimal, m, cur, why));
  return m;
}
bool bad_money(std::string_view s, char decimal = '.') {
  std::int64_t m = 0;
  std::string cur, why;
  return !parse_money(s, decimal, m, cur, why) && !why.empty();
}
std::string currency_of(std::string_view s) {
  std::int64_t m = 0;
  std::string cur, why;
  REQUIRE(parse_money(s, ',', m, cur, why));
  return cur;
}
}  // namespace

TEST_CASE("money with decimal commas, points and thousands separators", "[values]") {
  CHECK(money("1234.56") == 123456);
  CHECK(money("1234,56", ',') == 123456);
  CHECK(money("1 234,56", ',') == 123456);
  CHECK(money("1\xC2\xA0" "234,56", ',') == 123456);        // no-break space
  CHECK(money("1\xE2\x80\xAF" "234,56", ',') == 123456);    // narrow no-break space
  CHECK(money("1.234,56", '.') == 123456);                  // both: the last is decimal
  CHECK(money("1,234.56", ',') == 123456);
  CHECK(money("1,234", '.') == 123400);                     // thousands when '.' is decimal
  CHECK(money("1.234", ',') == 123400);
  CHECK(money("12.50", ',') == 1250);                       // cannot be thousands: decimal
  CHECK(money("1,5", '.') == 150);
  CHECK(money("1 234 567,8", ',') == 123456780);
  CHECK(money("0.005") == 1);                               // half away from zero
  CHECK(money("-12.00") == -1200);
  CHECK(money("(12.00)") == -1200);
  CHECK(money("249") == 24900);
  CHECK(money(" 19,99 zł ", ',') == 1999);
  CHECK(money("€12.50") == 1250);
  CHECK(money("$ 1,000.00") == 100000);
  CHECK(money("1 290 Kč", ',') == 129000);
  CHECK(money("350 грн", ',') == 35000);
  CHECK(money("350₴", ',') == 35000);
  CHECK(money("PLN 99,00", ',') == 9900);
}

TEST_CASE("money that is not money", "[values]") {
  CHECK(bad_money(""));
  CHECK(bad_money("abc"));
  CHECK(bad_money("12,34,5"));
  CHECK(bad_money("1.2.3,4"));
  CHECK(bad_money("12 zł 50"));
  CHECK(bad_money("1234567890123456789"));
}

TEST_CASE("currency signs and codes name the currency", "[values]") {
  CHECK(currency_of("10 zł") == "PLN");
  CHECK(currency_of("10 PLN") == "PLN");
  CHECK(currency_of("10 Kč") == "CZK");
  CHECK(currency_of("CZK 10") == "CZK");
  CHECK(currency_of("10 грн") == "UAH");
  CHECK(currency_of("₴10") == "UAH");
  CHECK(currency_of("10 €") == "EUR");
  CHECK(currency_of("$10") == "USD");
  CHECK(currency_of("10") == "");
  CHECK(currency_code("pln") == "PLN");
  CHECK(currency_code("zł") == "PLN");
}

TEST_CASE("counts are whole numbers", "[values]") {
  std::int64_t n = 0;
  std::string why;
  CHECK(parse_count("3", '.', n, why));
  CHECK(n == 3);
  CHECK(parse_count("2,00", ',', n, why));
  CHECK(n == 2);
  CHECK_FALSE(parse_count("2.5", '.', n, why));
  CHECK_FALSE(parse_count("x", '.', n, why));
}

TEST_CASE("dates in the formats shops export", "[values]") {
  const auto* warsaw = date::locate_zone("Europe/Warsaw");
  TimeParser p(warsaw);
  auto t = [&](std::string_view s, bool utc = false) {
    triage::Timestamp out = 0;
    std::string why;
    INFO(s);
    REQUIRE(p.parse(s, utc, out, why));
    return out;
  };
  // 2026-11-22 14:05:00 in Warsaw (winter, +01:00) is 13:05:00Z = 1795352700 (date -u -d ... +%s).
  const triage::Timestamp expected = 1795352700;
  CHECK(t("2026-11-22T13:05:00Z") == expected);
  CHECK(t("2026-11-22T13:05:00z") == expected);
  CHECK(t("2026-11-22 14:05:00 +0100") == expected);
  CHECK(t("2026-11-22T14:05:00+01:00") == expected);
  CHECK(t("2026-11-22T14:05+01") == expected);
  CHECK(t("2026-11-22 14:05:00") == expected);
  CHECK(t("2026-11-22 14:05") == expected);
  CHECK(t("2026-11-22T14:05") == expected);
  CHECK(t("2026-11-22T14:05:00.250") == expected);
  CHECK(t("22.11.2026 14:05") == expected);
  CHECK(t("22.11.2026 14:05:00") == expected);
  CHECK(t("22/11/2026 14:05") == expected);
  CHECK(t("2026-11-22 13:05:00", true) == expected);  // a "(UTC)" column
  CHECK(t("22.11.2026") == expected - 14 * 3600 - 5 * 60);
  CHECK(t("22/11/2026") == expected - 14 * 3600 - 5 * 60);
  CHECK(t("2026-11-22") == expected - 14 * 3600 - 5 * 60);
  CHECK(t("1.2.2026") == t("2026-02-01"));
  // Summer time: +02:00.
  CHECK(t("2026-07-01 12:00") == t("2026-07-01T10:00:00Z"));
  // Repeated conversions hit the cached offset and still switch at DST.
  CHECK(t("2026-03-28 12:00") == t("2026-03-28T11:00:00Z"));
  CHECK(t("2026-03-30 12:00") == t("2026-03-30T10:00:00Z"));
  CHECK(t("2026-03-29 01:30") == t("2026-03-29T00:30:00Z"));
  CHECK(t("2026-03-29 03:30") == t("2026-03-29T01:30:00Z"));
}

TEST_CASE("things that are not dates", "[values]") {
  TimeParser p(date::locate_zone("Europe/Warsaw"));
  triage::Timestamp out = 0;
  std::string why;
  for (auto s : {"", "yesterday", "2026-13-01", "31.02.2026", "2026-11-22 25:00", "2026-11-22 14:05 +25",
                 "22.11.26", "2026-11-22X14:05", "12345"}) {
    INFO(s);
    CHECK_FALSE(p.parse(s, false, out, why));
  }
}

TEST_CASE("folding for header and value matching", "[values]") {
  CHECK(fold("Numer zamówienia") == "numer zamowienia");
  CHECK(fold("ČÍSLO OBJEDNÁVKY") == "cislo objednavky");
  CHECK(fold("Dispute Created (UTC)") == "dispute created utc");
  CHECK(fold("  order_id ") == "order id");
  CHECK(fold("Płatność") == "platnosc");
  CHECK(fold("Номер замовлення") == fold("номер замовлення"));
  CHECK(fold("Straße") == "strasse");
}

TEST_CASE("payment methods and statuses in four languages", "[values]") {
  CHECK(normalize_payment(fold("Cash on Delivery (COD)")) == "cod");
  CHECK(normalize_payment(fold("za pobraniem")) == "cod");
  CHECK(normalize_payment(fold("Pobranie")) == "cod");
  CHECK(normalize_payment(fold("dobírka")) == "cod");
  CHECK(normalize_payment(fold("Накладений платіж")) == "cod");
  CHECK(normalize_payment(fold("Credit card")) == "card");
  CHECK(normalize_payment(fold("Shopify Payments")) == "card");
  CHECK(normalize_payment(fold("Przelew")) == "transfer");
  CHECK(normalize_payment(fold("převodem")) == "transfer");
  CHECK(normalize_payment(fold("bacs")) == "transfer");
  CHECK(normalize_payment(fold("PayPal")) == "paypal");
  CHECK(normalize_payment(fold("BLIK")) == "blik");
  CHECK(normalize_payment(fold("bitcoin")).empty());
  CHECK(normalize_order_status(fold("Doręczone")) == "delivered");
  CHECK(normalize_order_status(fold("zwrócone")) == "returned");
  CHECK(normalize_order_status(fold("Odmowa przyjęcia")) == "refused");
  CHECK(normalize_order_status(fold("nepřevzato")) == "refused");
  CHECK(normalize_order_status(fold("Vráceno")) == "returned");
  CHECK(normalize_order_status(fold("доставлено")) == "delivered");
  CHECK(normalize_order_status(fold("wc-cancelled")) == "cancelled");
  CHECK(normalize_order_status(fold("Wysłane")) == "shipped");
  CHECK(normalize_order_status(fold("mystery")).empty());
  CHECK(normalize_channel(fold("E-mail")) == "email");
  CHECK(normalize_channel(fold("Messenger")) == "facebook");
  CHECK(normalize_channel(fold("Allegro")) == "marketplace");
  CHECK(normalize_dispute_reason(fold("product_not_received")) == "product_not_received");
  CHECK(normalize_dispute_reason(fold("Product not received")) == "product_not_received");
  CHECK(normalize_dispute_reason(fold("bank_cannot_process")) == "general");
  CHECK(normalize_dispute_status(fold("needs_response")) == "needs_response");
  CHECK(normalize_dispute_status(fold("Warning needs response")) == "warning_needs_response");
  CHECK(normalize_lang(fold("Polski")) == "pl");
  CHECK(normalize_lang(fold("ua")) == "uk");
}

TEST_CASE("e-mails and phones", "[values]") {
  std::string out;
  normalize_email("  Anna.Kowalska@Example.PL ", out);
  CHECK(out == "anna.kowalska@example.pl");
  normalize_phone("+48 512 345 678", "48", out);
  CHECK(out == "+48512345678");
  normalize_phone("512-345-678", "48", out);
  CHECK(out == "+48512345678");
  normalize_phone("0048 512 345 678", "48", out);
  CHECK(out == "+48512345678");
  normalize_phone("48512345678", "48", out);
  CHECK(out == "+48512345678");
  normalize_phone("777 888 999", "420", out);
  CHECK(out == "+420777888999");
  normalize_phone("067 123 45 67", "380", out);
  CHECK(out == "+380671234567");
  normalize_phone("(555) 123-4567", "", out);
  CHECK(out == "5551234567");
  normalize_phone("", "48", out);
  CHECK(out.empty());
  CHECK(country_code_for_zone("Europe/Prague") == "420");
  CHECK(country_code_for_zone("America/New_York").empty());
}
