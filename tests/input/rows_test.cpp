// Header binding (aliases, presets, --map) and reading rows into records.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>

#include "triage/core/error.hpp"
#include "triage/input/rows.hpp"

using namespace triage;
using namespace triage::input;

namespace {

RowSettings settings(RecordKind kind, const Config& cfg, Preset p = Preset::none, const MapFile* map = nullptr) {
  RowSettings s;
  s.kind = kind;
  s.preset = p;
  s.map = map;
  s.config = &cfg;
  s.file_name = "test.csv";
  return s;
}

std::string write_map(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("triage-map-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("Polish, Czech and Ukrainian headers bind to canonical columns", "[rows]") {
  const auto cfg = Config::defaults();
  Order o;
  std::string why;
  {
    RowParser p(settings(RecordKind::orders, cfg),
                {"Numer zamówienia", "E-mail", "Telefon", "Data zamówienia", "Kwota", "Płatność", "Status"}, ';');
    REQUIRE(p.parse({"#PL-1", "A@B.PL", "601 234 567", "02.11.2026 09:12", "1 219,00", "za pobraniem", "Doręczone"},
                    o, why));
    CHECK(o.order_id == "PL-1");
    CHECK(o.email == "a@b.pl");
    CHECK(o.phone == "+48601234567");
    CHECK(o.total.minor == 121900);
    CHECK(o.total.currency == "PLN");  // the shop's currency when the file names none
    CHECK(o.payment_method == "cod");
    CHECK(o.status == "delivered");
  }
  {
    RowParser p(settings(RecordKind::orders, cfg), {"ČÍSLO OBJEDNÁVKY", "Datum", "Celkem", "Měna", "Platba"}, ';');
    REQUIRE(p.parse({"CZ-9", "1.3.2026", "1 290,50", "czk", "dobírka"}, o, why));
    CHECK(o.order_id == "CZ-9");
    CHECK(o.total.minor == 129050);
    CHECK(o.total.currency == "CZK");
    CHECK(o.payment_method == "cod");
  }
  {
    RowParser p(settings(RecordKind::orders, cfg), {"Номер замовлення", "Дата", "Сума", "Оплата"}, ',');
    REQUIRE(p.parse({"UA-7", "2026-03-01", "350 грн", "Накладений платіж"}, o, why));
    CHECK(o.total.currency == "UAH");
    CHECK(o.total.minor == 35000);
    CHECK(o.payment_method == "cod");
  }
}

TEST_CASE("a missing required column names it and the fix", "[rows]") {
  const auto cfg = Config::defaults();
  const auto msg = error_of([&] { RowParser p(settings(RecordKind::orders, cfg), {"order id", "total"}, ','); });
  CHECK(msg.find("created_at") != std::string::npos);
  CHECK(msg.find("--map") != std::string::npos);
  const auto shop = error_of([&] {
    RowParser p(settings(RecordKind::orders, cfg), {"Name", "Created at", "Total", "Lineitem quantity"}, ',');
  });
  CHECK(shop.find("--preset shopify") != std::string::npos);
}

TEST_CASE("rows that cannot be read say why", "[rows]") {
  const auto cfg = Config::defaults();
  RowParser p(settings(RecordKind::orders, cfg), {"order_id", "created_at", "total", "status"}, ',');
  Order o;
  std::string why;
  CHECK_FALSE(p.parse({"", "2026-01-01", "1", ""}, o, why));
  CHECK(why == "order_id is empty");
  CHECK_FALSE(p.parse({"1", "soon", "1", ""}, o, why));
  CHECK(why.find("created_at") == 0);
  CHECK_FALSE(p.parse({"1", "2026-01-01", "lots", ""}, o, why));
  CHECK(why.find("total") == 0);
  CHECK_FALSE(p.parse({"1", "2026-01-01", "1", "teleported"}, o, why));
  CHECK(why.find("unknown value \"teleported\"") != std::string::npos);
}

TEST_CASE("a map file names columns and values, and its mistakes name the map file and line", "[rows]") {
  const auto cfg = Config::defaults();
  const auto path = write_map(
      "[orders.columns]\norder_id = \"Nr\"\ncreated_at = \"Kiedy\"\ntotal = \"Ile\"\npayment_method = \"Jak\"\n"
      "[orders.values.payment_method]\n\"Płatność przy odbiorze\" = \"cod\"\n\"Kasa\" = \"other\"\n");
  const auto map = MapFile::load(path);
  RowParser p(settings(RecordKind::orders, cfg, Preset::none, &map), {"Nr", "Kiedy", "Ile", "Jak"}, ';');
  Order o;
  std::string why;
  REQUIRE(p.parse({"7", "2026-01-01", "10", "platnosc przy odbiorze"}, o, why));
  CHECK(o.payment_method == "cod");
  REQUIRE(p.parse({"7", "2026-01-01", "10", "KASA"}, o, why));
  CHECK(o.payment_method == "other");

  const auto msg = error_of([&] {
    RowParser q(settings(RecordKind::orders, cfg, Preset::none, &map), {"Nr", "Kiedy", "Suma", "Jak"}, ';');
  });
  CHECK(msg.find(path + ":4:") == 0);
  CHECK(msg.find("\"Ile\"") != std::string::npos);

  const auto bad_column = write_map("[orders.columns]\norder_id = \"Nr\"\nprice = \"Cena\"\n");
  CHECK(error_of([&] { MapFile::load(bad_column); }).find(bad_column + ":3:") == 0);
  const auto bad_value = write_map("[orders.values.status]\n\"X\" = \"teleported\"\n");
  CHECK(error_of([&] { MapFile::load(bad_value); }).find(bad_value + ":2:") == 0);
  std::filesystem::remove(path);
}

TEST_CASE("shopify preset: Name, fulfilment, cancellation and line items", "[rows]") {
  const auto cfg = Config::defaults();
  const Fields header = {"Name", "Email", "Fulfillment Status", "Fulfilled at", "Created at", "Total",
                         "Currency", "Payment Method", "Lineitem quantity", "Cancelled at", "Refunded Amount",
                         "Phone", "Shipping Phone"};
  RowParser p(settings(RecordKind::orders, cfg, Preset::shopify), header, ',');
  CHECK(p.folds_line_items());
  Order o;
  std::string why;
  REQUIRE(p.parse({"#1001", "A@x.com", "fulfilled", "2026-11-06 09:14:40 +0100", "2026-11-05 18:01:57 +0100",
                   "249.00", "PLN", "Shopify Payments", "1", "", "0.00", "", "+48 512 345 678"},
                  o, why));
  CHECK(o.order_id == "1001");
  CHECK(o.status == "shipped");
  CHECK(o.shipped_at.has_value());
  CHECK(o.payment_method == "card");
  CHECK(o.phone == "+48512345678");  // falls back to the shipping phone
  CHECK(o.items == 1);
  CHECK(p.order_key({"#1001", "", "", "", "", "", "", "", "2", "", "", "", ""}) == "1001");
  REQUIRE(p.parse({"#1002", "b@x.com", "unfulfilled", "", "2026-11-05 18:01:57 +0100", "10.00", "PLN",
                   "Cash on Delivery (COD)", "1", "2026-11-06 10:00:00 +0100", "10.00", "", ""},
                  o, why));
  CHECK(o.status == "cancelled");
  CHECK(o.refunded == 1000);
  CHECK(o.payment_method == "cod");
}

TEST_CASE("stripe preset: (UTC) columns and the order id from metadata", "[rows]") {
  const auto cfg = Config::defaults();
  RowParser p(settings(RecordKind::disputes, cfg, Preset::stripe),
              {"id", "Dispute Created (UTC)", "Dispute Amount", "Dispute Currency", "Reason", "Status",
               "Due By (UTC)", "order_id (metadata)"},
              ',');
  Dispute d;
  std::string why;
  REQUIRE(p.parse({"du_1", "2026-11-18 08:12:45", "412.50", "pln", "product_not_received", "needs_response",
                   "2026-11-28 23:59:59", "#1003"},
                  d, why));
  CHECK(d.dispute_id == "du_1");
  CHECK(d.order_id == "1003");
  CHECK(d.opened_at == 1794989565);  // 08:12:45Z: the (UTC) header wins over the shop's zone
  REQUIRE(d.amount);
  CHECK(d.amount->minor == 41250);
  CHECK(d.amount->currency == "PLN");
  CHECK(d.reason == "product_not_received");
  CHECK(d.status == "needs_response");
}

TEST_CASE("presets fit their kind", "[rows]") {
  CHECK_THROWS_AS(preset_from_name("stripe", RecordKind::orders), Error);
  CHECK_THROWS_AS(preset_from_name("shopify", RecordKind::complaints), Error);
  CHECK(preset_from_name("woocommerce", RecordKind::orders) == Preset::woocommerce);
}

TEST_CASE("complaints and reviews", "[rows]") {
  const auto cfg = Config::defaults();
  RowParser c(settings(RecordKind::complaints, cfg),
              {"Numer reklamacji", "Nr zamówienia", "E-mail", "Data zgłoszenia", "Kanał", "Temat", "Treść",
               "Status", "Język"},
              ';');
  Complaint k;
  std::string why;
  REQUIRE(c.parse({"R-1", "#1001", "X@Y.PL", "20.11.2026 10:15", "Messenger", "Paczka", "Nie doszła", "Nowe",
                   "polski"},
                  k, why));
  CHECK(k.complaint_id == "R-1");
  CHECK(k.order_id == "1001");
  CHECK(k.channel == "facebook");
  CHECK(k.status == "open");
  CHECK(k.lang == "pl");
  RowParser r(settings(RecordKind::reviews, cfg), {"review_id", "rating", "text", "posted_at"}, ',');
  Review v;
  REQUIRE(r.parse({"1", "4/5", "ok", "2026-01-01"}, v, why));
  CHECK(v.rating == 4);
  REQUIRE(r.parse({"1", "★★☆☆☆", "meh", "2026-01-01"}, v, why));
  CHECK(v.rating == 2);
  CHECK_FALSE(r.parse({"1", "6", "wow", "2026-01-01"}, v, why));
}
