// Header binding and row reading. Aliases are written as people write headers
// (with diacritics) and folded once when a file is opened.
#include "triage/input/rows.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "triage/core/error.hpp"

namespace triage::input {

namespace {

using Names = std::vector<std::string_view>;

// Canonical column indexes, in the order of canonical_columns().
enum O { O_order_id, O_customer_id, O_email, O_phone, O_created_at, O_total, O_currency, O_payment_method,
         O_status, O_shipped_at, O_delivered_at, O_returned_at, O_return_reason, O_delivery_attempts,
         O_refunded, O_items, O_ship_name, O_ship_company, O_ship_street, O_ship_city, O_ship_postcode,
         O_ship_country, O_tags };
enum C { C_complaint_id, C_order_id, C_customer_id, C_email, C_phone, C_received_at, C_channel, C_subject,
         C_message, C_kind, C_first_reply_at, C_status, C_lang };
enum D { D_dispute_id, D_order_id, D_opened_at, D_amount, D_currency, D_reason, D_status, D_due_by };
enum R { R_review_id, R_order_id, R_customer_id, R_email, R_phone, R_rating, R_text, R_posted_at, R_platform };

const Names order_id_names = {
    "order_id", "order id", "order number", "order no", "order nr", "order #", "order", "order ref",
    "order reference", "numer zamówienia", "nr zamówienia", "id zamówienia", "zamówienie",
    "numer zamowienia", "číslo objednávky", "id objednávky", "objednávka", "číslo obj",
    "номер замовлення", "id замовлення", "замовлення", "№ замовлення"};
const Names customer_id_names = {
    "customer_id", "customer id", "customer number", "customer no", "client id", "customer", "id klienta",
    "numer klienta", "nr klienta", "klient", "id zákazníka", "číslo zákazníka", "zákazník",
    "id клієнта", "номер клієнта", "клієнт", "покупець"};
const Names email_names = {
    "email", "e-mail", "email address", "e-mail address", "customer email", "billing email", "mail",
    "adres e-mail", "adres email", "e-mail klienta", "emailová adresa", "e-mailová adresa",
    "електронна пошта", "ел пошта", "пошта"};
const Names phone_names = {
    "phone", "phone number", "telephone", "mobile", "billing phone", "shipping phone", "telefon",
    "nr telefonu", "numer telefonu", "tel", "telefon komórkowy", "telefonní číslo", "mobil",
    "телефон", "номер телефону", "моб телефон"};

struct Alias {
  int column;
  Names names;
};

const std::vector<Alias>& generic_aliases(RecordKind kind) {
  static const std::vector<Alias> orders = {
      {O_order_id, order_id_names},
      {O_customer_id, customer_id_names},
      {O_email, email_names},
      {O_phone, phone_names},
      {O_created_at, {"created_at", "created at", "created", "order date", "date created", "placed at",
                      "date", "data zamówienia", "data złożenia", "data utworzenia", "data",
                      "datum objednávky", "datum vytvoření", "datum", "дата замовлення",
                      "дата створення", "дата"}},
      {O_total, {"total", "order total", "grand total", "total amount", "amount", "kwota", "wartość",
                 "wartość brutto", "wartość zamówienia", "kwota brutto", "suma", "do zapłaty", "razem",
                 "celkem", "celková cena", "cena celkem", "částka", "сума", "сума замовлення",
                 "загальна сума", "разом"}},
      {O_currency, {"currency", "order currency", "waluta", "měna", "валюта"}},
      {O_payment_method, {"payment_method", "payment method", "payment", "payment type", "payment method title",
                          "gateway", "płatność", "metoda płatności", "forma płatności", "sposób płatności",
                          "rodzaj płatności", "platba", "způsob platby", "typ platby", "оплата",
                          "спосіб оплати", "метод оплати", "тип оплати"}},
      {O_status, {"status", "order status", "state", "stan", "status zamówienia", "stav", "stav objednávky",
                  "статус", "статус замовлення"}},
      {O_shipped_at, {"shipped_at", "shipped at", "shipped", "ship date", "shipping date", "fulfilled at",
                      "date shipped", "data wysyłki", "data nadania", "wysłano", "datum odeslání",
                      "odesláno", "datum expedice", "дата відправлення", "відправлено"}},
      {O_delivered_at, {"delivered_at", "delivered at", "delivered", "delivery date", "date delivered",
                        "data doręczenia", "data dostarczenia", "doręczono", "datum doručení", "doručeno",
                        "дата доставки", "доставлено", "дата отримання"}},
      {O_returned_at, {"returned_at", "returned at", "return date", "date returned", "data zwrotu",
                       "datum vrácení", "datum vratky", "дата повернення"}},
      {O_return_reason, {"return_reason", "return reason", "reason for return", "powód zwrotu",
                         "przyczyna zwrotu", "důvod vrácení", "důvod vratky", "причина повернення"}},
      {O_delivery_attempts, {"delivery_attempts", "delivery attempts", "attempts", "próby doręczenia",
                             "liczba prób doręczenia", "pokusy o doručení", "počet pokusů o doručení",
                             "спроби доставки", "кількість спроб доставки"}},
      {O_refunded, {"refunded", "refunded amount", "amount refunded", "refund", "refund amount", "zwrócono",
                    "kwota zwrotu", "zwrot kwoty", "vráceno", "vrácená částka", "částka vrácení",
                    "повернено", "сума повернення"}},
      {O_items, {"items", "quantity", "qty", "units", "item count", "number of items", "ilość",
                 "liczba sztuk", "ilość sztuk", "sztuk", "počet kusů", "množství", "počet", "ks",
                 "кількість", "кількість товарів", "шт"}},
      {O_ship_name, {"ship_name", "ship name", "shipping name", "recipient", "recipient name", "delivery name",
                     "odbiorca", "imię i nazwisko", "nazwa odbiorcy", "příjemce", "jméno a příjmení",
                     "jméno", "отримувач", "піб", "ім'я отримувача"}},
      {O_ship_company, {"ship_company", "ship company", "shipping company", "company", "firma", "nazwa firmy",
                        "společnost", "firma příjemce", "компанія", "назва компанії"}},
      {O_ship_street, {"ship_street", "ship street", "shipping street", "shipping address", "shipping address 1",
                       "address", "address 1", "street", "ulica", "adres", "adres dostawy", "ulice",
                       "adresa", "adresa doručení", "вулиця", "адреса", "адреса доставки"}},
      {O_ship_city, {"ship_city", "ship city", "shipping city", "city", "miasto", "miejscowość", "město",
                     "obec", "місто", "населений пункт"}},
      {O_ship_postcode, {"ship_postcode", "ship postcode", "shipping postcode", "shipping zip", "postcode",
                         "postal code", "zip", "zip code", "kod pocztowy", "psč", "поштовий індекс", "індекс"}},
      {O_ship_country, {"ship_country", "ship country", "shipping country", "country", "kraj", "państwo",
                        "země", "stát", "країна"}},
      {O_tags, {"tags", "tag", "labels", "tagi", "etykiety", "štítky", "tagy", "теги", "мітки"}},
  };
  static const std::vector<Alias> complaints = {
      {C_complaint_id, {"complaint_id", "complaint id", "complaint", "complaint number", "ticket id",
                        "ticket number", "ticket", "case id", "case number", "numer reklamacji",
                        "nr reklamacji", "id zgłoszenia", "numer zgłoszenia", "zgłoszenie", "reklamacja",
                        "číslo reklamace", "id reklamace", "reklamace", "číslo tiketu", "id požadavku",
                        "номер скарги", "id скарги", "скарга", "номер звернення", "звернення", "id"}},
      {C_order_id, order_id_names},
      {C_customer_id, customer_id_names},
      {C_email, email_names},
      {C_phone, phone_names},
      {C_received_at, {"received_at", "received at", "received", "created at", "created", "submitted at",
                       "opened at", "date", "data zgłoszenia", "data otrzymania", "otrzymano", "data",
                       "datum přijetí", "přijato", "datum", "дата звернення", "отримано", "дата"}},
      {C_channel, {"channel", "source", "via", "kanał", "źródło", "kanál", "zdroj", "канал", "джерело"}},
      {C_subject, {"subject", "title", "topic", "temat", "tytuł", "předmět", "název", "тема", "заголовок"}},
      {C_message, {"message", "body", "text", "content", "description", "treść", "wiadomość", "opis",
                   "zpráva", "text zprávy", "popis", "повідомлення", "текст", "опис"}},
      {C_kind, {"kind", "type", "category", "rodzaj", "typ", "kategoria", "druh", "kategorie", "тип",
                "категорія"}},
      {C_first_reply_at, {"first_reply_at", "first reply at", "first response at", "first reply", "replied at",
                          "answered at", "data odpowiedzi", "pierwsza odpowiedź", "odpowiedziano",
                          "datum odpovědi", "první odpověď", "дата відповіді", "перша відповідь"}},
      {C_status, {"status", "state", "stan", "stav", "статус"}},
      {C_lang, {"lang", "language", "locale", "język", "jazyk", "мова"}},
  };
  static const std::vector<Alias> disputes = {
      {D_dispute_id, {"dispute_id", "dispute id", "dispute", "chargeback id", "case id", "id sporu",
                      "číslo sporu", "номер спору", "id"}},
      {D_order_id, [] {
         Names n = {"order_id (metadata)", "order_number (metadata)", "order id (metadata)",
                    "order (metadata)"};
         n.insert(n.end(), order_id_names.begin(), order_id_names.end());
         return n;
       }()},
      {D_opened_at, {"opened_at", "opened at", "dispute created (utc)", "dispute created", "created (utc)",
                     "created at", "created", "date", "data", "datum", "дата"}},
      {D_amount, {"amount", "dispute amount", "kwota", "částka", "сума"}},
      {D_currency, {"currency", "dispute currency", "waluta", "měna", "валюта"}},
      {D_reason, {"reason", "dispute reason", "powód", "důvod", "причина"}},
      {D_status, {"status", "dispute status", "stan", "stav", "статус"}},
      {D_due_by, {"due_by", "due by (utc)", "due by", "evidence due by (utc)", "evidence due by",
                  "respond by", "termin", "termín", "термін"}},
  };
  static const std::vector<Alias> reviews = {
      {R_review_id, {"review_id", "review id", "opinion id", "id opinii", "numer opinii", "id recenze",
                     "id hodnocení", "id відгуку", "номер відгуку", "id"}},
      {R_order_id, order_id_names},
      {R_customer_id, customer_id_names},
      {R_email, email_names},
      {R_phone, phone_names},
      {R_rating, {"rating", "stars", "score", "ocena", "gwiazdki", "liczba gwiazdek", "hodnocení",
                  "počet hvězdiček", "hvězdičky", "оцінка", "рейтинг", "зірки"}},
      {R_text, {"text", "review", "review text", "comment", "content", "body", "treść", "opinia",
                "komentarz", "treść opinii", "recenze", "komentář", "text recenze", "відгук", "коментар",
                "текст"}},
      {R_posted_at, {"posted_at", "posted at", "posted", "published", "created at", "created", "date",
                     "data dodania", "data opinii", "data", "datum přidání", "datum", "дата публікації", "дата"}},
      {R_platform, {"platform", "source", "site", "platforma", "źródło", "serwis", "portál", "zdroj",
                    "платформа", "джерело", "сайт"}},
  };
  switch (kind) {
    case RecordKind::orders: return orders;
    case RecordKind::complaints: return complaints;
    case RecordKind::disputes: return disputes;
    case RecordKind::reviews: return reviews;
  }
  return orders;
}

// Preset columns, in order of preference: the first non-empty cell wins.
const std::vector<Alias>& preset_aliases(Preset p) {
  static const std::vector<Alias> none;
  static const std::vector<Alias> shopify = {
      {O_order_id, {"Name"}},
      {O_email, {"Email"}},
      {O_phone, {"Phone", "Shipping Phone", "Billing Phone"}},
      {O_created_at, {"Created at"}},
      {O_total, {"Total"}},
      {O_currency, {"Currency"}},
      {O_payment_method, {"Payment Method"}},
      {O_shipped_at, {"Fulfilled at"}},
      {O_refunded, {"Refunded Amount"}},
      {O_items, {"Lineitem quantity"}},
      {O_ship_name, {"Shipping Name"}},
      {O_ship_company, {"Shipping Company"}},
      {O_ship_street, {"Shipping Street", "Shipping Address1"}},
      {O_ship_city, {"Shipping City"}},
      {O_ship_postcode, {"Shipping Zip"}},
      {O_ship_country, {"Shipping Country"}},
      {O_tags, {"Tags"}},
  };
  static const std::vector<Alias> woocommerce = {
      {O_order_id, {"Order Number", "Order ID", "Order No"}},
      {O_customer_id, {"Customer User", "Customer ID", "Customer User ID"}},
      {O_email, {"Billing Email", "Customer Email", "Billing Email Address"}},
      {O_phone, {"Billing Phone", "Shipping Phone", "Customer Phone"}},
      {O_created_at, {"Order Date", "Date Created", "Order Created"}},
      {O_total, {"Order Total", "Order Total Amount", "Order Amount"}},
      {O_currency, {"Order Currency", "Currency"}},
      {O_payment_method, {"Payment Method Title", "Payment Method", "Payment Gateway"}},
      {O_status, {"Order Status", "Status"}},
      {O_shipped_at, {"Completed Date", "Date Completed", "Order Completed Date"}},
      {O_refunded, {"Order Refund Amount", "Refund Amount", "Refunded", "Order Refunds"}},
      {O_items, {"Quantity", "Qty", "Item Quantity", "Total Items", "Quantity (- Refund)"}},
      {O_ship_name, {"Shipping Full Name", "Shipping Name"}},
      {O_ship_company, {"Shipping Company"}},
      {O_ship_street, {"Shipping Address 1", "Shipping Address", "Shipping Address Line 1"}},
      {O_ship_city, {"Shipping City"}},
      {O_ship_postcode, {"Shipping Postcode", "Shipping Zip"}},
      {O_ship_country, {"Shipping Country", "Shipping Country Code"}},
      {O_tags, {"Order Notes Tags", "Tags"}},
  };
  static const std::vector<Alias> stripe = {
      {D_dispute_id, {"id", "Dispute ID"}},
      {D_order_id, {"order_id (metadata)", "order_number (metadata)", "Order ID (metadata)",
                    "order (metadata)", "Order Number (metadata)"}},
      {D_opened_at, {"Dispute Created (UTC)", "Created (UTC)", "Created"}},
      {D_amount, {"Dispute Amount", "Amount"}},
      {D_currency, {"Dispute Currency", "Currency"}},
      {D_reason, {"Reason", "Dispute Reason"}},
      {D_status, {"Status", "Dispute Status"}},
      {D_due_by, {"Due By (UTC)", "Evidence Due By (UTC)", "Due By"}},
  };
  switch (p) {
    case Preset::shopify: return shopify;
    case Preset::woocommerce: return woocommerce;
    case Preset::stripe: return stripe;
    case Preset::none: return none;
  }
  return none;
}

std::string_view strip_hash(std::string_view s) {
  s = trim(s);
  while (!s.empty() && s.front() == '#') s.remove_prefix(1);
  return trim(s);
}

bool has_word(std::string_view folded, std::string_view word) {
  for (std::size_t at = folded.find(word); at != std::string_view::npos; at = folded.find(word, at + 1)) {
    const bool start = at == 0 || folded[at - 1] == ' ';
    const bool end = at + word.size() == folded.size() || folded[at + word.size()] == ' ';
    if (start && end) return true;
  }
  return false;
}

struct SvHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

enum class Unknown { other, reject, keep };

}  // namespace

Preset preset_from_name(const std::string& name, RecordKind kind) {
  Preset p = Preset::none;
  if (name.empty()) return p;
  if (name == "shopify") p = Preset::shopify;
  else if (name == "woocommerce") p = Preset::woocommerce;
  else if (name == "stripe") p = Preset::stripe;
  else throw Error(ErrorKind::usage, fmt::format("--preset {}: unknown preset; use shopify, woocommerce or stripe", name));
  const bool fits = (p == Preset::stripe) == (kind == RecordKind::disputes) &&
                    (p == Preset::stripe || kind == RecordKind::orders);
  if (!fits) {
    throw Error(ErrorKind::usage,
                fmt::format("--preset {} is for {} exports, not {}", name,
                            p == Preset::stripe ? "disputes" : "orders", to_string(kind)));
  }
  return p;
}

struct RowParser::Impl {
  RowSettings s;
  char decimal = '.';
  std::string country;
  TimeParser times;
  const std::vector<std::string_view>& names;
  std::vector<std::string> header;
  std::vector<std::string> folded;
  struct Binding {
    std::array<int, 3> cols{-1, -1, -1};
    bool utc = false;
  };
  std::vector<Binding> bind;
  // Per column: value mapping from --map, the built-in normalizer and what to
  // do with an unknown value; results cached by the raw cell.
  struct ValueCol {
    const std::map<std::string, std::string>* user = nullptr;
    std::string_view (*norm)(std::string_view) = nullptr;
    Unknown unknown = Unknown::keep;
    std::unordered_map<std::string, std::string, SvHash, std::equal_to<>> cache;
  };
  std::vector<ValueCol> values;
  int shop_fulfillment = -1, shop_cancelled = -1;
  int woo_first = -1, woo_last = -1;
  std::string tmp, why_tmp;

  Impl(const RowSettings& st, const Fields& hdr, char delimiter)
      : s(st),
        times(st.config ? st.config->zone : nullptr),
        names(canonical_columns(st.kind)) {
    decimal = s.decimal ? s.decimal : (delimiter == ';' ? ',' : '.');
    if (s.config) country = country_code_for_zone(s.config->timezone);
    for (auto h : hdr) {
      header.emplace_back(trim(h));
      folded.push_back(fold(header.back()));
    }
    bind.resize(names.size());
    values.resize(names.size());
    std::vector<bool> used(header.size(), false);
    const MapFile::KindMap* km = s.map ? s.map->find(s.kind) : nullptr;

    auto find = [&](std::string_view name, bool exact_first) -> int {
      if (exact_first) {
        for (std::size_t i = 0; i < header.size(); ++i)
          if (header[i] == name) return static_cast<int>(i);
      }
      const std::string f = fold(name);
      for (std::size_t i = 0; i < header.size(); ++i)
        if (!used[i] && folded[i] == f) return static_cast<int>(i);
      return -1;
    };
    std::vector<bool> bound(names.size(), false);
    // 1. --map names columns explicitly.
    if (km) {
      for (const auto& [canon, col] : km->columns) {
        const auto idx = static_cast<std::size_t>(
            std::find(names.begin(), names.end(), canon) - names.begin());
        const int at = find(col.header, true);
        if (at < 0) {
          throw Error(ErrorKind::input,
                      fmt::format("{}:{}: column \"{}\" (for {}) is not in the header of {}; the header "
                                  "has: {}",
                                  s.map->path, col.line, col.header, canon, s.file_name,
                                  fmt::join(header, ", ")));
        }
        bind[idx].cols[0] = at;
        used[static_cast<std::size_t>(at)] = true;
        bound[idx] = true;
      }
    }
    // 2. The preset's columns, with fallbacks.
    for (const auto& a : preset_aliases(s.preset)) {
      const auto idx = static_cast<std::size_t>(a.column);
      if (bound[idx]) continue;
      std::size_t k = 0;
      for (auto n : a.names) {
        const int at = find(n, true);
        if (at >= 0 && k < 3) {
          bind[idx].cols[k++] = at;
          used[static_cast<std::size_t>(at)] = true;
        }
      }
      bound[idx] = k > 0;
    }
    if (s.preset == Preset::shopify) {
      shop_fulfillment = find("Fulfillment Status", true);
      shop_cancelled = find("Cancelled at", true);
      bound[O_status] = true;  // derived from the two above
    }
    if (s.preset == Preset::woocommerce && !bound[O_ship_name]) {
      woo_first = find("Shipping First Name", true);
      woo_last = find("Shipping Last Name", true);
      bound[O_ship_name] = woo_first >= 0 || woo_last >= 0;
    }
    // 3. Common header names in four languages.
    for (const auto& a : generic_aliases(s.kind)) {
      const auto idx = static_cast<std::size_t>(a.column);
      if (bound[idx]) continue;
      for (auto n : a.names) {
        const int at = find(n, false);
        if (at >= 0) {
          bind[idx].cols[0] = at;
          used[static_cast<std::size_t>(at)] = true;
          bound[idx] = true;
          break;
        }
      }
    }
    for (auto& b : bind) {
      for (int c : b.cols)
        if (c >= 0 && has_word(folded[static_cast<std::size_t>(c)], "utc")) b.utc = true;
    }
    // Required columns.
    for (auto req : required()) {
      const auto idx = static_cast<std::size_t>(
          std::find(names.begin(), names.end(), req) - names.begin());
      if (bound[idx] && (bind[idx].cols[0] >= 0 || idx == O_status)) continue;
      std::string hint;
      const auto has = [&](std::string_view h) { return std::find(header.begin(), header.end(), h) != header.end(); };
      if (s.preset == Preset::none && has("Lineitem quantity")) hint = " (this looks like a Shopify export: add --preset shopify)";
      else if (s.preset == Preset::none && has("Dispute Amount")) hint = " (this looks like a Stripe export: add --preset stripe)";
      else if (s.preset == Preset::none && has("Order Status") && has("Order Total")) hint = " (this looks like a WooCommerce export: add --preset woocommerce)";
      throw Error(ErrorKind::input,
                  fmt::format("{}: no column for `{}`, which {} need{}; the header has: {}. Name it in a "
                              "--map file: [{}.columns] {} = \"<header in the file>\"",
                              s.file_name, req, to_string(s.kind), hint, fmt::join(header, ", "),
                              to_string(s.kind), req));
    }
    // Values.
    auto setup = [&](int col, std::string_view (*norm)(std::string_view), Unknown u) {
      values[static_cast<std::size_t>(col)].norm = norm;
      values[static_cast<std::size_t>(col)].unknown = u;
    };
    switch (s.kind) {
      case RecordKind::orders:
        setup(O_payment_method, normalize_payment, Unknown::other);
        setup(O_status, normalize_order_status, Unknown::reject);
        break;
      case RecordKind::complaints:
        setup(C_channel, normalize_channel, Unknown::other);
        setup(C_status, normalize_complaint_status, Unknown::keep);
        setup(C_lang, normalize_lang, Unknown::keep);
        setup(C_kind, nullptr, Unknown::keep);
        break;
      case RecordKind::disputes:
        setup(D_reason, normalize_dispute_reason, Unknown::keep);
        setup(D_status, normalize_dispute_status, Unknown::keep);
        break;
      case RecordKind::reviews:
        setup(R_platform, nullptr, Unknown::keep);
        break;
    }
    if (km) {
      for (const auto& [canon, table] : km->values) {
        const auto idx = static_cast<std::size_t>(
            std::find(names.begin(), names.end(), canon) - names.begin());
        values[idx].user = &table;
      }
    }
  }

  std::vector<std::string_view> required() const {
    switch (s.kind) {
      case RecordKind::orders: return {"order_id", "created_at", "total"};
      case RecordKind::complaints: return {"complaint_id", "received_at"};
      case RecordKind::disputes: return {"dispute_id", "opened_at"};
      case RecordKind::reviews: return {"review_id", "rating", "posted_at"};
    }
    return {};
  }

  std::string_view cell(const Fields& f, int c) const {
    for (int col : bind[static_cast<std::size_t>(c)].cols) {
      if (col < 0) break;
      if (static_cast<std::size_t>(col) < f.size()) {
        const auto v = trim(f[static_cast<std::size_t>(col)]);
        if (!v.empty()) return v;
      }
    }
    return {};
  }

  bool has_value_map(int c) const { return values[static_cast<std::size_t>(c)].user || values[static_cast<std::size_t>(c)].norm; }

  // Text, through the --map value table when there is one.
  void text(const Fields& f, int c, std::string& out) {
    const auto v = cell(f, c);
    const auto& vc = values[static_cast<std::size_t>(c)];
    if (vc.user && !v.empty()) {
      if (auto it = vc.user->find(fold(v)); it != vc.user->end()) {
        out = it->second;
        return;
      }
    }
    out.assign(v.data(), v.size());
  }

  // An enumerated value: --map first, then the built-in synonyms.
  bool value(const Fields& f, int c, std::string& out, std::string& why) {
    const auto v = cell(f, c);
    if (v.empty()) {
      out.clear();
      return true;
    }
    auto& vc = values[static_cast<std::size_t>(c)];
    if (auto it = vc.cache.find(v); it != vc.cache.end()) {
      if (!it->second.empty() && it->second[0] == '\x01') {
        why = it->second.substr(1);
        return false;
      }
      out = it->second;
      return true;
    }
    std::string result;
    const std::string fv = fold(v);
    if (vc.user) {
      if (auto it = vc.user->find(fv); it != vc.user->end()) result = it->second;
    }
    if (result.empty() && vc.norm) result = std::string(vc.norm(fv));
    if (result.empty()) {
      switch (vc.unknown) {
        case Unknown::other: result = "other"; break;
        case Unknown::keep:
          result = fv;
          std::replace(result.begin(), result.end(), ' ', '_');
          break;
        case Unknown::reject:
          result = fmt::format("\x01{}: unknown value \"{}\"; use one of {}, or map it in a --map file "
                               "([{}.values.{}] \"{}\" = \"...\")",
                               names[static_cast<std::size_t>(c)], v,
                               fmt::join(*canonical_values(s.kind, names[static_cast<std::size_t>(c)]), ", "),
                               to_string(s.kind), names[static_cast<std::size_t>(c)], v);
          break;
      }
    }
    if (vc.cache.size() < 4096) vc.cache.emplace(std::string(v), result);
    if (!result.empty() && result[0] == '\x01') {
      why = result.substr(1);
      return false;
    }
    out = std::move(result);
    return true;
  }

  bool time(const Fields& f, int c, OptTime& out, std::string& why) {
    const auto v = cell(f, c);
    if (v.empty()) {
      out.reset();
      return true;
    }
    Timestamp t = 0;
    if (!times.parse(v, bind[static_cast<std::size_t>(c)].utc, t, why_tmp)) {
      why = fmt::format("{}: {}", names[static_cast<std::size_t>(c)], why_tmp);
      return false;
    }
    out = t;
    return true;
  }

  bool required_time(const Fields& f, int c, Timestamp& out, std::string& why) {
    OptTime t;
    if (!time(f, c, t, why)) return false;
    if (!t) {
      why = fmt::format("{} is empty", names[static_cast<std::size_t>(c)]);
      return false;
    }
    out = *t;
    return true;
  }

  bool id(const Fields& f, int c, std::string& out, std::string& why, bool required) {
    const auto v = strip_hash(cell(f, c));
    if (v.empty() && required) {
      why = fmt::format("{} is empty", names[static_cast<std::size_t>(c)]);
      return false;
    }
    out.assign(v.data(), v.size());
    return true;
  }

  bool money(const Fields& f, int c, std::optional<std::int64_t>& out, std::string& currency, std::string& why) {
    const auto v = cell(f, c);
    if (v.empty()) {
      out.reset();
      return true;
    }
    std::int64_t minor = 0;
    if (!parse_money(v, decimal, minor, currency, why_tmp)) {
      why = fmt::format("{}: {}", names[static_cast<std::size_t>(c)], why_tmp);
      return false;
    }
    out = minor;
    return true;
  }

  bool count(const Fields& f, int c, std::optional<std::int64_t>& out, std::string& why) {
    const auto v = cell(f, c);
    if (v.empty()) {
      out.reset();
      return true;
    }
    std::int64_t n = 0;
    if (!parse_count(v, decimal, n, why_tmp) || n < 0) {
      why = fmt::format("{}: {}", names[static_cast<std::size_t>(c)],
                        why_tmp.empty() ? fmt::format("'{}' is negative", v) : why_tmp);
      why_tmp.clear();
      return false;
    }
    out = n;
    return true;
  }

  // Only a three-letter code is kept: the currency is shown in warnings and
  // profiles, so free text here would carry whatever the cell held.
  bool currency(const Fields& f, int c, const std::string& from_sign, std::string& out, std::string& why) {
    const auto v = cell(f, c);
    if (!v.empty()) out = currency_code(v);
    else if (!from_sign.empty()) out = from_sign;
    else out = s.config ? s.config->currency : "";
    const bool code = out.size() == 3 && std::all_of(out.begin(), out.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!code && !v.empty()) {
      why = fmt::format("{}: '{}' is not a currency; use a three-letter code such as PLN, EUR or CZK",
                        names[static_cast<std::size_t>(c)], v);
      return false;
    }
    return true;
  }

  void email(const Fields& f, int c, std::string& out) { normalize_email(cell(f, c), out); }
  void phone(const Fields& f, int c, std::string& out) { normalize_phone(cell(f, c), country, out); }
};

RowParser::RowParser(const RowSettings& settings, const Fields& header, char delimiter)
    : impl_(std::make_unique<Impl>(settings, header, delimiter)), width_(header.size()) {}

RowParser::~RowParser() = default;

bool RowParser::folds_line_items() const {
  return impl_->s.preset == Preset::shopify || impl_->s.preset == Preset::woocommerce;
}

std::vector<std::string> RowParser::describe_binding() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < impl_->names.size(); ++i) {
    std::vector<std::string> from;
    for (int c : impl_->bind[i].cols)
      if (c >= 0) from.push_back(fmt::format("\"{}\"", impl_->header[static_cast<std::size_t>(c)]));
    if (!from.empty()) out.push_back(fmt::format("{} <- {}", impl_->names[i], fmt::join(from, " | ")));
  }
  return out;
}

std::string_view RowParser::order_key(const Fields& f) const { return strip_hash(impl_->cell(f, O_order_id)); }

bool RowParser::line_items(const Fields& f, std::int64_t& items, std::string& why) {
  std::optional<std::int64_t> n;
  if (!impl_->count(f, O_items, n, why)) return false;
  items = n.value_or(0);
  return true;
}

bool RowParser::parse(const Fields& f, Order& o, std::string& why) {
  auto& m = *impl_;
  if (!m.id(f, O_order_id, o.order_id, why, true)) return false;
  m.text(f, O_customer_id, o.customer_id);
  if (m.s.preset == Preset::woocommerce && o.customer_id == "0") o.customer_id.clear();  // a guest
  m.email(f, O_email, o.email);
  m.phone(f, O_phone, o.phone);
  if (!m.required_time(f, O_created_at, o.created_at, why)) return false;
  std::optional<std::int64_t> total;
  std::string sign;
  if (!m.money(f, O_total, total, sign, why)) return false;
  if (!total) {
    why = "total is empty";
    return false;
  }
  o.total.minor = *total;
  if (!m.currency(f, O_currency, sign, o.total.currency, why)) return false;
  if (!m.value(f, O_payment_method, o.payment_method, why)) return false;
  if (!m.time(f, O_shipped_at, o.shipped_at, why)) return false;
  if (m.s.preset == Preset::shopify) {
    const auto cancelled = m.shop_cancelled >= 0 && static_cast<std::size_t>(m.shop_cancelled) < f.size()
                               ? trim(f[static_cast<std::size_t>(m.shop_cancelled)])
                               : std::string_view{};
    const auto fulfil = m.shop_fulfillment >= 0 && static_cast<std::size_t>(m.shop_fulfillment) < f.size()
                            ? fold(f[static_cast<std::size_t>(m.shop_fulfillment)])
                            : std::string{};
    if (!cancelled.empty()) o.status = "cancelled";
    else if (fulfil == "fulfilled" || fulfil == "partial" || fulfil == "partially fulfilled") o.status = "shipped";
    else if (fulfil == "restocked") o.status = "returned";
    else o.status = "pending";
  } else {
    // WooCommerce marks an order completed when it is sent, not when it arrives.
    const auto raw = m.s.preset == Preset::woocommerce ? fold(m.cell(f, O_status)) : std::string();
    if (raw == "completed" || raw == "wc completed") o.status = "shipped";
    else if (!m.value(f, O_status, o.status, why)) return false;
  }
  if (!m.time(f, O_delivered_at, o.delivered_at, why)) return false;
  if (!m.time(f, O_returned_at, o.returned_at, why)) return false;
  m.text(f, O_return_reason, o.return_reason);
  if (!m.count(f, O_delivery_attempts, o.delivery_attempts, why)) return false;
  std::string refund_sign;
  if (!m.money(f, O_refunded, o.refunded, refund_sign, why)) return false;
  if (!m.count(f, O_items, o.items, why)) return false;
  if (m.woo_first >= 0 || m.woo_last >= 0) {
    auto part = [&](int c) {
      return c >= 0 && static_cast<std::size_t>(c) < f.size() ? trim(f[static_cast<std::size_t>(c)])
                                                               : std::string_view{};
    };
    const auto a = part(m.woo_first), b = part(m.woo_last);
    o.ship_name.assign(a.data(), a.size());
    if (!a.empty() && !b.empty()) o.ship_name += ' ';
    o.ship_name.append(b.data(), b.size());
  } else {
    m.text(f, O_ship_name, o.ship_name);
  }
  m.text(f, O_ship_company, o.ship_company);
  m.text(f, O_ship_street, o.ship_street);
  m.text(f, O_ship_city, o.ship_city);
  m.text(f, O_ship_postcode, o.ship_postcode);
  m.text(f, O_ship_country, o.ship_country);
  m.text(f, O_tags, o.tags);
  return true;
}

bool RowParser::parse(const Fields& f, Complaint& c, std::string& why) {
  auto& m = *impl_;
  if (!m.id(f, C_complaint_id, c.complaint_id, why, true)) return false;
  m.id(f, C_order_id, c.order_id, why, false);
  m.text(f, C_customer_id, c.customer_id);
  m.email(f, C_email, c.email);
  m.phone(f, C_phone, c.phone);
  if (!m.required_time(f, C_received_at, c.received_at, why)) return false;
  if (!m.value(f, C_channel, c.channel, why)) return false;
  m.text(f, C_subject, c.subject);
  m.text(f, C_message, c.message);
  if (!m.value(f, C_kind, c.kind, why)) return false;
  if (!m.time(f, C_first_reply_at, c.first_reply_at, why)) return false;
  if (!m.value(f, C_status, c.status, why)) return false;
  if (!m.value(f, C_lang, c.lang, why)) return false;
  return true;
}

bool RowParser::parse(const Fields& f, Dispute& d, std::string& why) {
  auto& m = *impl_;
  if (!m.id(f, D_dispute_id, d.dispute_id, why, true)) return false;
  m.id(f, D_order_id, d.order_id, why, false);
  if (!m.required_time(f, D_opened_at, d.opened_at, why)) return false;
  std::optional<std::int64_t> amount;
  std::string sign;
  if (!m.money(f, D_amount, amount, sign, why)) return false;
  if (amount) {
    Money money;
    money.minor = *amount;
    if (!m.currency(f, D_currency, sign, money.currency, why)) return false;
    d.amount = std::move(money);
  } else {
    d.amount.reset();
  }
  if (!m.value(f, D_reason, d.reason, why)) return false;
  if (!m.value(f, D_status, d.status, why)) return false;
  if (!m.time(f, D_due_by, d.due_by, why)) return false;
  return true;
}

bool RowParser::parse(const Fields& f, Review& r, std::string& why) {
  auto& m = *impl_;
  if (!m.id(f, R_review_id, r.review_id, why, true)) return false;
  m.id(f, R_order_id, r.order_id, why, false);
  m.text(f, R_customer_id, r.customer_id);
  m.email(f, R_email, r.email);
  m.phone(f, R_phone, r.phone);
  const auto v = m.cell(f, R_rating);
  if (v.empty()) {
    why = "rating is empty";
    return false;
  }
  // "4", "4.0", "4/5", "4 stars", or stars spelled out as ★★★★☆.
  std::int64_t stars = 0;
  if (v.substr(0, 3) == "\xE2\x98\x85") {
    for (std::size_t i = 0; i + 2 < v.size(); i += 3)
      if (v.substr(i, 3) == "\xE2\x98\x85") ++stars;
  } else {
    std::size_t n = 0;
    while (n < v.size() && ((v[n] >= '0' && v[n] <= '9') || v[n] == '.' || v[n] == ',')) ++n;
    std::string ignored;
    if (n == 0 || !parse_count(v.substr(0, n), m.decimal, stars, ignored)) stars = 0;
  }
  if (stars < 1 || stars > 5) {
    why = fmt::format("rating: '{}' is not a whole number of stars from 1 to 5", v);
    return false;
  }
  r.rating = static_cast<int>(stars);
  m.text(f, R_text, r.text);
  if (!m.required_time(f, R_posted_at, r.posted_at, why)) return false;
  if (!m.value(f, R_platform, r.platform, why)) return false;
  return true;
}

}  // namespace triage::input
