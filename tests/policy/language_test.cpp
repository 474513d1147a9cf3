// Unit tests for guess_language().
#include "triage/policy/language.hpp"

#include <catch2/catch.hpp>

#include "triage/policy/text.hpp"

using triage::policy::guess_language;

TEST_CASE("Ukrainian", "[language]") {
  CHECK(guess_language("Добрий день! Моє замовлення досі не прийшло, залишу поганий відгук.") ==
        "uk");
  CHECK(guess_language("Де моя посилка? Чекаю вже два тижні") ==
        "uk");  // no і ї є ґ, no Russian letters
  CHECK(guess_language("Їжак") == "uk");
  // Russian is not a supported language.
  CHECK(guess_language("Здравствуйте, где мой заказ? Это уже второй раз.") == "");
}

TEST_CASE("Czech", "[language]") {
  CHECK(guess_language("Dobrý den, objednávka mi ještě nepřišla. Prosím o vrácení peněz.") == "cs");
  CHECK(guess_language("Dobry den, objednavka mi jeste neprisla, prosim o vraceni penez") == "cs");
  CHECK(guess_language("Zboží je rozbité") == "cs");
  // "faktura" is Polish and Czech alike; the other words decide.
  CHECK(guess_language("V baliku nebyla faktura.") == "cs");
  CHECK(guess_language("Czesc, potrzebuje faktury na firme.") == "pl");
}

TEST_CASE("Polish", "[language]") {
  CHECK(guess_language("Dzień dobry, zamówienie nie dotarło. Proszę o zwrot pieniędzy.") == "pl");
  CHECK(guess_language("Dzien dobry, zamowienie nie dotarlo, prosze o zwrot pieniedzy") == "pl");
  CHECK(guess_language("paczka jest uszkodzona") == "pl");
  CHECK(guess_language("Wystawię negatywną opinię") == "pl");
}

TEST_CASE("English", "[language]") {
  CHECK(guess_language("Hello, my order has not arrived yet. Please send a refund.") == "en");
  CHECK(guess_language("where is my parcel??") == "en");
  // A Polish name does not outweigh an English message.
  CHECK(guess_language(
            "Hi, this is Łukasz Wiśniewski, my order never arrived and I want a refund") == "en");
}

TEST_CASE("unsure gives an empty answer", "[language]") {
  CHECK(guess_language("") == "");
  CHECK(guess_language("12345 !!!") == "");
  CHECK(guess_language("ok") == "");
  CHECK(guess_language("Xyzzy plugh") == "");
  CHECK(guess_language(std::string("\xFF\xFE\xFD")) == "");
}

TEST_CASE("the normalized-text overload gives the same answers", "[language]") {
  for (const char* t : {"Dzien dobry, zamowienie nie dotarlo", "Dobry den, objednavka neprisla",
                        "my order never arrived", "Де моя посилка?", "ok"}) {
    INFO(t);
    CHECK(guess_language(t, triage::policy::normalize(t)) == guess_language(t));
  }
}

TEST_CASE("long texts are judged by their beginning", "[language]") {
  std::string t = "Dzień dobry, zamówienie nie dotarło. ";
  while (t.size() < 100000) t += "the and is my was ";
  CHECK(guess_language(t) == "en");
  std::string p = "Dzień dobry, zamówienie nie dotarło. ";
  while (p.size() < 100000) p += "proszę ";
  CHECK(guess_language(p) == "pl");
}
