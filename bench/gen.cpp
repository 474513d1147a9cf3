// The benchmark's data generator: a seeded, deterministic and streaming writer
// of a shop's exports (orders, complaints, disputes, reviews) with realistic
// shapes. Every record is a pure function of (seed, index), so a complaint can
// refer to any order by regenerating it, and memory stays constant.
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cinttypes>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "gen_text.hpp"

namespace bench {
namespace {

// ---------------------------------------------------------------- randomness

std::uint64_t mix(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// splitmix64: tiny, fast, and the same on every platform (std distributions are not).
struct Rng {
  std::uint64_t s;
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
      : s(mix(mix(seed ^ (stream * 0xD1B54A32D192ED03ULL)) ^ index)) {}
  std::uint64_t next() { return mix(s += 0x9E3779B97F4A7C15ULL); }
  double uni() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  std::int64_t range(std::int64_t lo, std::int64_t hi) {  // inclusive
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(double p) { return uni() < p; }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[below(N)];
  }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[below(N)];
  }
  // Index drawn with the given relative weights.
  template <std::size_t N>
  int weighted(const std::array<double, N>& w) {
    double total = 0;
    for (double x : w) total += x;
    double u = uni() * total;
    for (std::size_t i = 0; i < N; ++i) {
      if (u < w[i]) return static_cast<int>(i);
      u -= w[i];
    }
    return static_cast<int>(N - 1);
  }
};

// Streams keep the draws of each record kind independent.
enum Stream : std::uint64_t { st_customer = 1, st_order, st_dispute, st_review, st_complaint, st_delta };

// ---------------------------------------------------------------- time

// Times are local wall-clock seconds (Europe/Warsaw) since 1970; the files
// carry them without a zone, as shops' exports do.
using Time = std::int64_t;
constexpr Time kHour = 3600, kDay = 86400;
constexpr Time kNone = INT64_MIN;

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

// Central European summer time: from the last Sunday of March to the last
// Sunday of October (the switch hours are never generated, see day_time).
bool summer_time(Time t) {
  int y;
  unsigned m, d;
  civil_from_days(t / kDay, y, m, d);
  if (m < 3 || m > 10) return false;
  if (m > 3 && m < 10) return true;
  const std::int64_t last = days_from_civil(y, m, 31);
  const std::int64_t last_sunday = last - ((last + 4) % 7);  // 1970-01-01 was a Thursday
  const std::int64_t day = t / kDay;
  return m == 3 ? day >= last_sunday : day < last_sunday;
}

// A time of day shops see orders and messages at: mostly daytime and evening,
// never between 02:00 and 04:00, when the clock changes.
Time day_time(Rng& r) {
  static constexpr std::array<double, 24> w = {2, 1, 0, 0, 0.5, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 10, 9, 6, 4};
  return r.weighted(w) * kHour + r.range(0, 3599);
}

// ---------------------------------------------------------------- output

// Buffered CSV writer: quotes a field only when it needs it (RFC 4180).
class Csv {
 public:
  explicit Csv(const std::string& path) : path_(path) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
    buf_.reserve(kFlush + 64 * 1024);
  }
  ~Csv() { close(); }
  Csv(const Csv&) = delete;
  Csv& operator=(const Csv&) = delete;

  void close() {
    if (!f_) return;
    flush();
    if (std::fclose(f_) != 0) std::fprintf(stderr, "%s: write failed\n", path_.c_str());
    f_ = nullptr;
  }
  void header(sv line) {
    buf_.append(line);
    buf_.push_back('\n');
  }
  Csv& s(sv v) {
    sep();
    if (v.find_first_of(",\"\n\r") == sv::npos) {
      buf_.append(v);
    } else {
      buf_.push_back('"');
      for (char c : v) {
        if (c == '"') buf_.push_back('"');
        buf_.push_back(c);
      }
      buf_.push_back('"');
    }
    return *this;
  }
  Csv& empty() {
    sep();
    return *this;
  }
  Csv& n(std::int64_t v) {
    sep();
    char tmp[24];
    const int k = std::snprintf(tmp, sizeof tmp, "%" PRId64, v);
    buf_.append(tmp, static_cast<std::size_t>(k));
    return *this;
  }
  Csv& money(std::int64_t minor) {
    sep();
    append_money(buf_, minor);
    return *this;
  }
  // A local time, or an empty cell; with_zone adds the UTC offset as Shopify does.
  Csv& t(Time v, bool with_zone = false) {
    sep();
    if (v != kNone) append_time(buf_, v, with_zone);
    return *this;
  }
  void end() {
    buf_.push_back('\n');
    first_ = true;
    if (buf_.size() >= kFlush) flush();
  }
  std::uint64_t rows = 0;

  static void append_money(std::string& out, std::int64_t minor) {
    char tmp[32];
    const int k = std::snprintf(tmp, sizeof tmp, "%" PRId64 ".%02d", minor / 100, static_cast<int>(minor % 100));
    out.append(tmp, static_cast<std::size_t>(k));
  }
  static void append_time(std::string& out, Time v, bool with_zone) {
    int y;
    unsigned m, d;
    civil_from_days(v / kDay, y, m, d);
    const auto sec = static_cast<unsigned>(v % kDay);
    char tmp[40];
    const int k = std::snprintf(tmp, sizeof tmp, "%04d-%02u-%02u %02u:%02u:%02u", y, m, d, sec / 3600, sec / 60 % 60, sec % 60);
    out.append(tmp, static_cast<std::size_t>(k));
    if (with_zone) out.append(summer_time(v) ? " +0200" : " +0100");
  }

 private:
  void sep() {
    if (!first_) buf_.push_back(',');
    first_ = false;
  }
  void flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
      throw std::runtime_error(path_ + ": write failed");
    buf_.clear();
  }
  static constexpr std::size_t kFlush = 1 << 20;
  std::string path_;
  std::FILE* f_ = nullptr;
  std::string buf_;
  bool first_ = true;
};

void append_num(std::string& out, std::uint64_t v, int width = 0) {
  char tmp[24];
  const int k = std::snprintf(tmp, sizeof tmp, "%0*" PRIu64, width, v);
  out.append(tmp, static_cast<std::size_t>(k));
}

// Replaces {o} with the order number.
void append_filled(std::string& out, sv text, sv order) {
  for (;;) {
    const auto at = text.find("{o}");
    if (at == sv::npos) break;
    out.append(text.substr(0, at));
    out.append(order.empty() ? sv("z tego tygodnia") : order);
    text.remove_prefix(at + 3);
  }
  out.append(text);
}

// Polish and Czech typed on a phone without diacritics: "wystawie negatywa".
void strip_diacritics(std::string& s) {
  static constexpr std::array<std::pair<sv, char>, 36> table = {{
      {"ą", 'a'}, {"ć", 'c'}, {"ę", 'e'}, {"ł", 'l'}, {"ń", 'n'}, {"ó", 'o'}, {"ś", 's'}, {"ź", 'z'}, {"ż", 'z'},
      {"Ą", 'A'}, {"Ć", 'C'}, {"Ę", 'E'}, {"Ł", 'L'}, {"Ń", 'N'}, {"Ó", 'O'}, {"Ś", 'S'}, {"Ź", 'Z'}, {"Ż", 'Z'},
      {"á", 'a'}, {"č", 'c'}, {"ď", 'd'}, {"é", 'e'}, {"ě", 'e'}, {"í", 'i'}, {"ň", 'n'}, {"ř", 'r'}, {"š", 's'},
      {"ť", 't'}, {"ú", 'u'}, {"ů", 'u'}, {"ý", 'y'}, {"ž", 'z'}, {"Č", 'C'}, {"Ř", 'R'}, {"Š", 'S'}, {"Ž", 'Z'},
  }};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      for (const auto& [from, to] : table) {
        if (s.compare(i, from.size(), from) == 0) {
          out.push_back(to);
          i += from.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out.push_back(s[i++]);
  }
  s.swap(out);
}

// ---------------------------------------------------------------- the shop

struct Config {
  std::uint64_t seed = 42;
  std::uint64_t orders = 1000000;
  std::uint64_t customers = 0;   // default: 30% of orders
  std::uint64_t complaints = 0;  // default: 10 per 100 orders
  std::uint64_t delta = 0;       // complaints in complaints-delta.csv
  bool shopify = false;
  bool orders_only = false;
  std::string out;
  Time end = days_from_civil(2026, 11, 20) * kDay + 22 * kHour;  // the last export's time
  Time span = 730 * kDay;                                          // two years of history
};

enum Persona : int { normal, vip, ghost, indecisive, competitor, aggressor, gimme };

struct Customer {
  std::uint64_t index = 0;
  Lang lang = pl;
  sv country;
  Persona persona = normal;
  std::string name, email, phone, street, city, postcode, company, id;
};

enum Status : int { pending, shipped, delivered, returned, refused, lost, cancelled };
constexpr std::array<sv, 7> status_name = {"pending", "shipped", "delivered", "returned", "refused", "lost", "cancelled"};
enum Payment : int { card, blik, cod, transfer, paypal, other_payment };
constexpr std::array<sv, 6> payment_name = {"card", "blik", "cod", "transfer", "paypal", "other"};
constexpr std::array<sv, 4> cod_spelled = {"Cash on Delivery", "za pobraniem", "dobírka", "накладений платіж"};
constexpr std::array<sv, 6> shopify_payment = {"Shopify Payments", "BLIK", "Cash on Delivery (COD)", "Bank Deposit",
                                               "PayPal Express Checkout", "Manual"};

struct Line {
  int product;
  int qty;
  std::int64_t price;  // minor units
};

struct Order {
  std::uint64_t index = 0;
  std::uint64_t customer = 0;
  Time created = 0, shipped = kNone, delivered = kNone, returned = kNone;
  Status status = pending;
  Payment payment = card;
  bool cod_spelled_out = false;
  int items = 0;
  int attempts = 0;
  std::int64_t subtotal = 0, shipping = 0, total = 0, refunded = 0;
  std::array<Line, 3> lines{};
  int nlines = 0;
  int return_reason = -1;
  int tag = -1;
  bool has_dispute = false, has_review = false;
};

class Shop {
 public:
  explicit Shop(const Config& c) : cfg_(c) {}

  void customer(std::uint64_t c, Customer& out) const {
    Rng r(cfg_.seed, st_customer, c);
    out.index = c;
    const double u = r.uni();
    out.lang = u < 0.62 ? pl : u < 0.76 ? cs : u < 0.90 ? uk : en;
    const double p = r.uni();
    out.persona = p < 0.03 ? vip : p < 0.055 ? ghost : p < 0.085 ? indecisive : p < 0.088 ? competitor
                : p < 0.098 ? aggressor : p < 0.118 ? gimme : normal;
    const bool female = r.chance(0.6);
    const Name* first;
    const Surname* last;
    sv domain, street;
    const City* city;
    switch (out.lang) {
      case pl:
        first = female ? &r.pick(pl_female) : &r.pick(pl_male);
        last = &r.pick(pl_surnames);
        domain = r.pick(pl_mail), street = r.pick(pl_streets), city = &r.pick(pl_cities), out.country = "PL";
        break;
      case cs:
        first = female ? &r.pick(cs_female) : &r.pick(cs_male);
        last = &r.pick(cs_surnames);
        domain = r.pick(cs_mail), street = r.pick(cs_streets), city = &r.pick(cs_cities), out.country = "CZ";
        break;
      case uk:
        first = female ? &r.pick(uk_female) : &r.pick(uk_male);
        last = &r.pick(uk_surnames);
        domain = r.pick(uk_mail), street = r.pick(uk_streets), city = &r.pick(uk_cities), out.country = "UA";
        break;
      default:
        first = female ? &r.pick(en_female) : &r.pick(en_male);
        last = &r.pick(en_surnames);
        domain = r.pick(en_mail), street = r.pick(en_streets), city = &r.pick(en_cities);
        out.country = city->name == "Dublin" ? "IE" : "GB";
        break;
    }
    const sv surname = female ? last->female : last->male;
    const sv surname_latin = female ? last->female_latin : last->male_latin;
    out.name.assign(first->shown).append(" ").append(surname);
    // The customer's number makes every e-mail and phone unique, so that two
    // generated customers never merge by accident.
    out.email.clear();
    switch (r.below(3)) {
      case 0: out.email.append(first->latin).append(".").append(surname_latin); break;
      case 1: out.email.append(first->latin.substr(0, 1)).append(surname_latin); break;
      default: out.email.append(first->latin).append("_").append(surname_latin); break;
    }
    append_num(out.email, c);
    out.email.append("@").append(domain);
    out.phone.clear();
    if (r.chance(0.7)) {
      const std::uint64_t digits = (c * 7919 + 12345) % 100000000;
      char tmp[40];
      const unsigned a = static_cast<unsigned>(digits / 1000000), b = static_cast<unsigned>(digits / 1000 % 1000),
                     d = static_cast<unsigned>(digits % 1000);
      switch (out.lang) {
        case pl:
          if (r.chance(0.5)) std::snprintf(tmp, sizeof tmp, "+48 5%02u %03u %03u", a, b, d);
          else std::snprintf(tmp, sizeof tmp, "5%02u%03u%03u", a, b, d);
          break;
        case cs: std::snprintf(tmp, sizeof tmp, "+420 7%02u %03u %03u", a, b, d); break;
        case uk:
          std::snprintf(tmp, sizeof tmp, "+380 6%u %03u %04u", static_cast<unsigned>(digits / 10000000),
                        static_cast<unsigned>(digits / 10000 % 1000), static_cast<unsigned>(digits % 10000));
          break;
        default: std::snprintf(tmp, sizeof tmp, "+44 77%02u %06u", a, static_cast<unsigned>(digits % 1000000)); break;
      }
      out.phone = tmp;
    }
    out.street.assign(street).append(" ");
    append_num(out.street, static_cast<std::uint64_t>(r.range(1, 180)));
    if (r.chance(0.55)) {
      out.street.append("/");
      append_num(out.street, static_cast<std::uint64_t>(r.range(1, 90)));
    }
    out.city.assign(city->name);
    out.postcode.assign(city->postcode_prefix);
    char pc[16];
    switch (out.lang) {
      case pl: std::snprintf(pc, sizeof pc, "%u-%03u", static_cast<unsigned>(r.below(10)), static_cast<unsigned>(r.below(1000))); break;
      case cs: std::snprintf(pc, sizeof pc, "%02u %02u", static_cast<unsigned>(r.below(100)), static_cast<unsigned>(r.below(100))); break;
      case uk: std::snprintf(pc, sizeof pc, "%04u", static_cast<unsigned>(r.below(10000))); break;
      default: std::snprintf(pc, sizeof pc, "%u %u%c%c", static_cast<unsigned>(r.range(1, 20)), static_cast<unsigned>(r.below(10)),
                             'A' + static_cast<char>(r.below(26)), 'A' + static_cast<char>(r.below(26))); break;
    }
    out.postcode.append(pc);
    out.company.clear();
    if (r.chance(0.08)) out.company.assign(r.pick(companies));
    out.id.assign("K-");
    append_num(out.id, c + 1, 7);
  }

  // Several orders per customer with a skewed distribution: most customers
  // order once or twice, a regular tenth many times, a few very often.
  std::uint64_t pick_customer(Rng& r) const {
    const double u = r.uni();
    const std::uint64_t n = cfg_.customers;
    if (u < 0.10) return r.below(std::max<std::uint64_t>(1, n / 100));
    if (u < 0.45) return r.below(std::max<std::uint64_t>(1, n * 15 / 100));
    return r.below(n);
  }

  void order(std::uint64_t i, Order& o) const {
    Rng r(cfg_.seed, st_order, i);
    o = Order{};
    o.index = i;
    o.customer = pick_customer(r);
    const Persona persona = persona_of(o.customer);
    // Orders come in id order, spread evenly over the history.
    const Time start = cfg_.end - cfg_.span;
    const Time day = start / kDay + static_cast<Time>((static_cast<double>(i) + 0.5) * (cfg_.span / kDay) / static_cast<double>(cfg_.orders));
    o.created = day * kDay + day_time(r);
    if (o.created > cfg_.end) o.created = cfg_.end - r.range(60, 3600);

    // Basket: up to three lines.
    static constexpr std::array<std::int64_t, 12> prices = {3900, 4990, 5900, 8999, 12900, 14900,
                                                            18900, 24900, 28900, 34990, 49900, 89900};
    static constexpr std::array<double, 5> nlines_w = {0, 62, 28, 10, 0};
    o.nlines = r.weighted(nlines_w);
    for (int k = 0; k < o.nlines; ++k) {
      auto& l = o.lines[static_cast<std::size_t>(k)];
      l.product = static_cast<int>(r.below(products.size()));
      l.price = prices[static_cast<std::size_t>(l.product + static_cast<int>(r.below(3))) % prices.size()];
      static constexpr std::array<double, 7> qty_w = {0, 78, 14, 4, 2, 1, 1};
      l.qty = r.weighted(qty_w);
      if (persona == vip && r.chance(0.5)) l.qty += 2;
      o.items += l.qty;
      o.subtotal += l.price * l.qty;
    }
    o.shipping = o.subtotal >= 20000 ? 0 : 1499;
    o.total = o.subtotal + o.shipping;

    static constexpr std::array<double, 6> pay_w = {32, 22, 18, 10, 15, 3};
    o.payment = static_cast<Payment>(r.weighted(pay_w));
    if (persona == ghost && r.chance(0.8)) o.payment = cod;
    o.cod_spelled_out = o.payment == cod && r.chance(0.1);

    // Status by age, then by the customer's habits.
    const Time age = cfg_.end - o.created;
    if (age < kDay) {
      static constexpr std::array<double, 7> w = {65, 25, 5, 0, 0, 0, 5};
      o.status = static_cast<Status>(r.weighted(w));
    } else if (age < 5 * kDay) {
      static constexpr std::array<double, 7> w = {3, 45, 48, 0, 0, 0, 2};
      o.status = static_cast<Status>(r.weighted(w));
    } else {
      static constexpr std::array<double, 7> w = {0.2, 1.2, 86.5, 6, 1.5, 0.6, 3};
      o.status = static_cast<Status>(r.weighted(w));
      const double u = r.uni();
      if (persona == indecisive && u < 0.6) o.status = returned;
      if (persona == competitor && u < 0.97) o.status = returned;
      if (persona == ghost && o.payment == cod && u < 0.6) o.status = refused;
      if (persona == vip && o.status == returned && u < 0.7) o.status = delivered;
    }
    if (o.status != pending && o.status != cancelled) {
      o.shipped = o.created + r.range(2 * kHour, 3 * kDay);
      if (o.shipped > cfg_.end) o.status = pending, o.shipped = kNone;
    }
    if (o.status == delivered || o.status == returned) {
      o.delivered = o.shipped + r.range(18 * kHour, 5 * kDay);
      if (o.delivered > cfg_.end) o.status = shipped, o.delivered = kNone;
    }
    if (o.status == returned) {
      o.returned = o.delivered + r.range(2 * kDay, 25 * kDay);
      if (o.returned > cfg_.end) o.status = delivered, o.returned = kNone;
    }
    if (o.status == refused) {
      o.returned = o.shipped + r.range(7 * kDay, 12 * kDay);
      if (o.returned > cfg_.end) o.status = shipped, o.returned = kNone;
    }
    if (o.shipped != kNone) {
      static constexpr std::array<double, 4> att_w = {0, 88, 9, 3};
      o.attempts = o.status == refused ? static_cast<int>(r.range(2, 3)) : r.weighted(att_w);
    }
    if (o.status == returned) {
      o.refunded = r.chance(0.9) ? o.total : o.total / 2;
      o.return_reason = static_cast<int>(r.below(return_reasons.size()));
    } else if (o.status == lost && r.chance(0.3)) {
      o.refunded = o.total;
    } else if (o.status == delivered && r.chance(0.02)) {
      o.refunded = o.total / 5;
    }
    if (r.chance(0.08)) o.tag = static_cast<int>(r.below(order_tags.size()));
    o.has_dispute = o.status != pending && o.status != cancelled && r.chance(0.01);
    o.has_review = o.status != pending && o.status != cancelled && r.chance(persona == aggressor ? 0.6 : 0.05);
  }

  Persona persona_of(std::uint64_t c) const {
    // Same draws as customer(), without building the strings.
    Rng r(cfg_.seed, st_customer, c);
    r.uni();
    const double p = r.uni();
    return p < 0.03 ? vip : p < 0.055 ? ghost : p < 0.085 ? indecisive : p < 0.088 ? competitor
         : p < 0.098 ? aggressor : p < 0.118 ? gimme : normal;
  }

  void order_id(std::uint64_t i, std::string& out) const {
    out.clear();
    if (cfg_.shopify) {
      out.push_back('#');
      append_num(out, 1001 + i);
    } else {
      out.append("ZM-");
      append_num(out, i + 1, 7);
    }
  }

  struct Dispute {
    Time opened;
    int reason;
    int status;
  };
  static constexpr std::array<sv, 8> dispute_reasons = {"fraudulent", "product_not_received", "product_unacceptable",
                                                        "duplicate",  "subscription_canceled", "credit_not_processed",
                                                        "unrecognized", "general"};
  static constexpr std::array<sv, 7> dispute_statuses = {"needs_response", "under_review", "warning_needs_response",
                                                         "won", "lost", "charge_refunded", "warning_closed"};
  Dispute dispute(const Order& o) const {
    Rng r(cfg_.seed, st_dispute, o.index);
    Dispute d{};
    const Time base = o.shipped != kNone ? o.shipped : o.created;
    d.opened = std::min(base + r.range(3 * kDay, 45 * kDay), cfg_.end - r.range(kHour, 6 * kHour));
    if (d.opened <= o.created) d.opened = o.created + kHour;
    static constexpr std::array<double, 8> reason_w = {25, 30, 20, 3, 4, 10, 5, 3};
    d.reason = r.weighted(reason_w);
    if (cfg_.end - d.opened < 21 * kDay) {
      static constexpr std::array<double, 7> w = {60, 30, 10, 0, 0, 0, 0};
      d.status = r.weighted(w);
    } else {
      static constexpr std::array<double, 7> w = {0, 4, 0, 45, 40, 9, 2};
      d.status = r.weighted(w);
    }
    return d;
  }

  const Config& cfg() const { return cfg_; }

 private:
  const Config& cfg_;
};

// ---------------------------------------------------------------- files

constexpr sv orders_header =
    "order_id,customer_id,email,phone,created_at,total,currency,payment_method,status,shipped_at,delivered_at,"
    "returned_at,return_reason,delivery_attempts,refunded,items,ship_name,ship_company,ship_street,ship_city,"
    "ship_postcode,ship_country,tags";

constexpr sv shopify_header =
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
    "Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,"
    "Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
    "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,"
    "Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,"
    "Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,"
    "Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,"
    "Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
    "Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

void write_order(Csv& f, const Order& o, const Customer& c, std::string& id) {
  f.s(id).s(c.id).s(c.email).s(c.phone).t(o.created).money(o.total).s("PLN");
  if (o.cod_spelled_out) f.s(cod_spelled[static_cast<std::size_t>(c.lang)]);
  else f.s(payment_name[static_cast<std::size_t>(o.payment)]);
  f.s(status_name[static_cast<std::size_t>(o.status)]).t(o.shipped).t(o.delivered).t(o.returned);
  if (o.return_reason >= 0) f.s(return_reasons[static_cast<std::size_t>(o.return_reason)]);
  else f.empty();
  if (o.attempts > 0) f.n(o.attempts);
  else f.empty();
  f.money(o.refunded).n(o.items).s(c.name).s(c.company).s(c.street).s(c.city).s(c.postcode).s(c.country);
  if (o.tag >= 0) f.s(order_tags[static_cast<std::size_t>(o.tag)]);
  else f.empty();
  f.end();
}

// Shopify: one row per line item; the order's fields on the first row only.
void write_shopify(Csv& f, const Order& o, const Customer& c, std::string& id, std::string& tmp) {
  for (int k = 0; k < o.nlines; ++k) {
    const Line& l = o.lines[static_cast<std::size_t>(k)];
    const bool first = k == 0;
    const bool fulfilled = o.status != pending && o.status != cancelled;
    f.s(id).s(c.email);
    if (first) {
      sv financial = o.payment == cod && !fulfilled ? "pending" : "paid";
      if (o.refunded > 0) financial = o.refunded >= o.total ? "refunded" : "partially_refunded";
      if (o.status == cancelled) financial = "voided";
      f.s(financial);
      if (financial == "pending" || financial == "voided") f.empty();
      else f.t(o.created + 15, true);
      f.s(fulfilled ? "fulfilled" : "unfulfilled").t(o.shipped, true).s("no").s("PLN").money(o.subtotal).money(o.shipping)
          .money(0).money(o.total).empty().money(0).s("InPost Kurier").t(o.created, true);
    } else {
      for (int e = 0; e < 14; ++e) f.empty();
    }
    f.n(l.qty).s(products[static_cast<std::size_t>(l.product)]).money(l.price).empty();
    tmp.assign("LN-");
    append_num(tmp, static_cast<std::uint64_t>(l.product) * 1000 + static_cast<std::uint64_t>(l.price / 100));
    f.s(tmp).s("true").s("true").s(fulfilled ? "fulfilled" : "pending");
    if (first) {
      f.s(c.name).s(c.street).s(c.street).empty().s(c.company).s(c.city).s(c.postcode).empty().s(c.country).s(c.phone);
      f.s(c.name).s(c.street).s(c.street).empty().s(c.company).s(c.city).s(c.postcode).empty().s(c.country).s(c.phone);
      f.empty().empty().t(o.status == cancelled ? o.created + 6 * kHour : kNone, true)
          .s(shopify_payment[static_cast<std::size_t>(o.payment)]).empty().money(o.refunded).s("Pracownia Lniana")
          .money(0).empty().empty().empty();
      tmp.clear();
      append_num(tmp, 5873120000ULL + o.index);
      f.s(tmp);
      if (o.tag >= 0) f.s(order_tags[static_cast<std::size_t>(o.tag)]);
      else f.empty();
      f.s("Low").s("web");
    } else {
      for (int e = 0; e < 26; ++e) f.empty();  // Billing, Shipping, Notes .. Refunded Amount
      f.s("Pracownia Lniana");
      for (int e = 0; e < 8; ++e) f.empty();   // Outstanding Balance .. Source
    }
    f.empty();                                  // Lineitem discount
    for (int e = 0; e < 10; ++e) f.empty();     // Tax 1..5
    if (first) f.s(c.phone);
    else f.empty();
    for (int e = 0; e < 8; ++e) f.empty();      // Receipt Number .. Payment References
    f.end();
  }
}

constexpr sv complaints_header =
    "complaint_id,order_id,email,received_at,channel,subject,message,kind,first_reply_at,status,lang";

class ComplaintWriter {
 public:
  ComplaintWriter(const Shop& shop) : shop_(shop) {}

  // delta: a complaint of the nightly export that arrives after every other one.
  void write(Csv& f, std::uint64_t k, bool delta) {
    const Config& cfg = shop_.cfg();
    Rng r(cfg.seed, delta ? st_delta : st_complaint, k);
    std::uint64_t i;
    if (delta && r.chance(0.7)) i = cfg.orders - 1 - r.below(std::max<std::uint64_t>(1, cfg.orders / 20));
    else i = r.below(cfg.orders);
    shop_.order(i, o_);
    shop_.customer(o_.customer, c_);
    const Persona p = c_.persona;

    // What the complaint is about, given what happened to the order.
    std::array<double, s_count> w{};
    w[s_question] = 6, w[s_invoice] = 5, w[s_violence] = 0.15, w[s_subscription] = 1.5;
    switch (o_.status) {
      case pending: w[s_cod] = 12, w[s_question] += 10, w[s_demanding] = 3, w[s_freebie] = 2; break;
      case shipped:
        w[s_not_received] = 45, w[s_lost_tracking] = 15, w[s_demanding] = 6, w[s_freebie] = 5, w[s_review_threat] = 4,
        w[s_wrong_address] = 5;
        break;
      case lost: w[s_not_received] = 40, w[s_lost_tracking] = 40, w[s_review_threat] = 5; break;
      case refused: w[s_wrong_address] = 30, w[s_cod] = 10, w[s_not_received] = 15, w[s_demanding] = 10; break;
      case returned: w[s_refund] = 40, w[s_return] = 25, w[s_pretext] = 4, w[s_review_threat] = 4; break;
      case cancelled: w[s_refund] = 20, w[s_question] += 5; break;
      case delivered:
        w[s_defect] = 25, w[s_return] = 20, w[s_late_return] = 5, w[s_delivered_not_received] = 7,
        w[s_review_threat] = 5, w[s_review_remove] = 1.5, w[s_freebie] = 5, w[s_refuse_return] = 3,
        w[s_demanding] = 2, w[s_pretext] = 1, w[s_wrong_address] = 1;
        break;
    }
    if (p == gimme) w[s_freebie] += 25, w[s_review_threat] += 10;
    if (p == competitor) w[s_pretext] += 40;
    if (p == indecisive) w[s_return] += 20;
    if (o_.has_dispute) w[s_chargeback] += 60;
    Situation s = static_cast<Situation>(r.weighted(w));
    // A chargeback is about an order with a dispute: find one nearby.
    if (!delta && s != s_chargeback && r.chance(0.012)) {
      for (std::uint64_t tries = 0; tries < 2000; ++tries) {
        const std::uint64_t j = r.below(cfg.orders);
        shop_.order(j, tmp_order_);
        if (tmp_order_.has_dispute) {
          o_ = tmp_order_;
          i = j;
          shop_.customer(o_.customer, c_);
          s = s_chargeback;
          break;
        }
      }
    }

    // When it was received.
    Time received;
    const Time shipped = o_.shipped != kNone ? o_.shipped : o_.created + kDay;
    const Time delivered = o_.delivered != kNone ? o_.delivered : shipped + 2 * kDay;
    switch (s) {
      case s_not_received: received = shipped + r.range(4 * kDay, 20 * kDay); break;
      case s_lost_tracking: received = shipped + r.range(8 * kDay, 25 * kDay); break;
      case s_delivered_not_received: received = delivered + r.range(2 * kHour, 3 * kDay); break;
      case s_wrong_address: received = shipped + r.range(3 * kDay, 12 * kDay); break;
      case s_defect: received = delivered + r.range(5 * kDay, 400 * kDay); break;
      case s_return: received = delivered + r.range(kDay, 14 * kDay); break;
      case s_late_return: received = delivered + r.range(20 * kDay, 120 * kDay); break;
      case s_refund: received = (o_.returned != kNone ? o_.returned : delivered) + r.range(5 * kDay, 20 * kDay); break;
      case s_chargeback: received = shop_.dispute(o_).opened + r.range(kHour, 10 * kDay); break;
      case s_freebie:
      case s_pretext: received = delivered + r.range(kHour, 2 * kDay); break;
      case s_cod: received = o_.created + r.range(10 * 60, kDay); break;
      case s_subscription: received = o_.created + r.range(25 * kDay, 35 * kDay); break;
      default: received = o_.created + r.range(kHour, 30 * kDay); break;
    }
    received = received / kDay * kDay + day_time(r);
    if (s == s_chargeback) received = std::max(received, shop_.dispute(o_).opened + kHour);
    if (delta) {
      received = cfg.end + kHour + static_cast<Time>((static_cast<double>(k - cfg.complaints) + r.uni()) * 9 * kHour /
                                                      static_cast<double>(cfg.delta));
    } else {
      if (received > cfg.end) received = cfg.end - r.range(10 * 60, 12 * kHour);
      if (received < o_.created + 10 * 60) received = o_.created + 10 * 60;
    }

    id_.assign("C-");
    append_num(id_, k + 1, 7);
    f.s(id_);
    // Order number: usually given, sometimes left out, now and then mistyped.
    const double u = r.uni();
    shop_.order_id(i, order_);
    bool no_order = false;
    if (u < 0.04) no_order = true, order_.clear();
    else if (u < 0.05) order_.append("9");  // an order that does not exist
    else if (cfg.shopify && r.chance(0.4)) order_.erase(0, 1);  // "1001" for "#1001"
    f.s(order_);
    if (!no_order && r.chance(0.05)) f.empty();
    else if (r.chance(0.03)) {
      tmp_.assign(c_.email);
      for (std::size_t q = 0; q < tmp_.size() && tmp_[q] != '@'; ++q)
        if (q == 0 || tmp_[q - 1] == '.') tmp_[q] = static_cast<char>(std::toupper(static_cast<unsigned char>(tmp_[q])));
      f.s(tmp_);
    } else {
      f.s(c_.email);
    }
    f.t(received);
    static constexpr std::array<sv, 8> channels = {"email", "facebook", "instagram", "phone", "chat", "marketplace", "sms", "other"};
    static constexpr std::array<double, 8> channel_w = {55, 10, 5, 8, 10, 7, 3, 2};
    f.s(channels[static_cast<std::size_t>(r.weighted(channel_w))]);

    const Lang lang = r.chance(0.95) ? c_.lang : en;
    const Texts& t = texts[static_cast<std::size_t>(s)];
    const sv order_text = no_order ? sv() : sv(order_);
    subject_.clear();
    append_filled(subject_, r.pick(t.subjects[lang]), order_text);
    // 1-6 sentences: greeting, context, what happened, closing.
    msg_.clear();
    if (r.chance(0.7)) {
      msg_.append(r.pick(greetings[lang]));
      msg_.append(r.chance(0.4) ? "\n" : " ");
    }
    static constexpr std::array<double, 3> ctx_w = {45, 40, 15};
    const int ctx = r.weighted(ctx_w);
    const int core_first = static_cast<int>(r.below(4));
    for (int q = 0; q < ctx; ++q) {
      append_filled(msg_, context[lang][r.below(8)], order_text);
      msg_.push_back(' ');
    }
    append_filled(msg_, t.cores[lang][static_cast<std::size_t>(core_first)], order_text);
    if (r.chance(0.25)) {
      msg_.push_back(' ');
      append_filled(msg_, t.cores[lang][static_cast<std::size_t>((core_first + 1 + static_cast<int>(r.below(3))) % 4)], order_text);
    }
    if (r.chance(0.6)) {
      msg_.push_back(' ');
      msg_.append(r.pick(closings[lang]));
    }
    if ((lang == pl || lang == cs) && r.chance(0.12)) {
      strip_diacritics(subject_);
      strip_diacritics(msg_);
    }
    f.s(subject_).s(msg_);
    if (situation_kind[static_cast<std::size_t>(s)].empty() || !r.chance(0.08)) f.empty();
    else f.s(situation_kind[static_cast<std::size_t>(s)]);

    // Most of the history is closed; the last days are still open.
    sv status;
    Time reply = kNone;
    if (delta) {
      status = "open";
    } else if (cfg.end - received < 3 * kDay) {
      status = r.chance(0.8) ? "open" : "closed";
    } else {
      const double v = r.uni();
      status = v < 0.92 ? "closed" : v < 0.98 ? "resolved" : "open";
    }
    if (status != "open") reply = received + r.range(20 * 60, 30 * kHour);
    else if (!delta && r.chance(0.25)) reply = received + r.range(kHour, 5 * kHour);
    if (reply != kNone && reply > cfg.end) reply = status == "open" ? kNone : std::max(received, cfg.end);
    f.t(reply).s(status);
    if (r.chance(0.65)) f.s(lang_code[lang]);
    else f.empty();
    f.end();
  }

 private:
  const Shop& shop_;
  Order o_, tmp_order_;
  Customer c_;
  std::string id_, order_, subject_, msg_, tmp_;
};

struct Counts {
  std::uint64_t orders = 0, rows = 0, disputes = 0, reviews = 0, complaints = 0, delta = 0;
};

Counts generate(const Config& cfg) {
  Shop shop(cfg);
  Counts n;
  const std::string dir = cfg.out + "/";
  {
    Csv orders(dir + (cfg.shopify ? "shopify-orders.csv" : "orders.csv"));
    orders.header(cfg.shopify ? shopify_header : orders_header);
    std::unique_ptr<Csv> disputes, reviews;
    if (!cfg.orders_only) {
      disputes = std::make_unique<Csv>(dir + "disputes.csv");
      disputes->header("dispute_id,order_id,opened_at,amount,currency,reason,status");
      reviews = std::make_unique<Csv>(dir + "reviews.csv");
      reviews->header("review_id,order_id,email,rating,text,posted_at,platform");
    }
    Order o;
    Customer c;
    std::string id, tmp;
    for (std::uint64_t i = 0; i < cfg.orders; ++i) {
      shop.order(i, o);
      shop.customer(o.customer, c);
      shop.order_id(i, id);
      if (cfg.shopify) write_shopify(orders, o, c, id, tmp);
      else write_order(orders, o, c, id);
      n.rows += cfg.shopify ? static_cast<std::uint64_t>(o.nlines) : 1;
      ++n.orders;
      if (cfg.orders_only) continue;
      if (o.has_dispute) {
        const auto d = shop.dispute(o);
        Rng r(cfg.seed, st_dispute, i ^ 0xABCDEFULL);
        static constexpr char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        tmp.assign("du_1");
        for (int q = 0; q < 23; ++q) tmp.push_back(alnum[r.below(62)]);
        disputes->s(tmp).s(id).t(d.opened).money(o.total).s("PLN");
        disputes->s(Shop::dispute_reasons[static_cast<std::size_t>(d.reason)]);
        disputes->s(Shop::dispute_statuses[static_cast<std::size_t>(d.status)]).end();
        ++n.disputes;
      }
      if (o.has_review) {
        Rng r(cfg.seed, st_review, i);
        const Time base = o.delivered != kNone ? o.delivered : o.shipped != kNone ? o.shipped : o.created;
        Time posted = base + r.range(kDay, 20 * kDay);
        posted = posted / kDay * kDay + day_time(r);
        if (posted > cfg.end) posted = cfg.end - r.range(60, 6 * kHour);
        if (posted <= o.created) posted = o.created + kHour;
        static constexpr std::array<double, 6> rating_w = {0, 9, 5, 8, 20, 58};
        int rating = c.persona == aggressor ? static_cast<int>(r.range(1, 2)) : r.weighted(rating_w);
        if (o.status == lost || o.status == refused) rating = std::min(rating, 2);
        tmp.assign("R-");
        append_num(tmp, n.reviews + 1, 7);
        reviews->s(tmp).s(id).s(c.email).n(rating);
        const int text = rating >= 4 ? static_cast<int>(r.below(2)) : rating == 3 ? 4 : 2 + static_cast<int>(r.below(2));
        reviews->s(review_texts[static_cast<std::size_t>(c.lang)][static_cast<std::size_t>(text)]);
        static constexpr std::array<sv, 4> platforms = {"google", "ceneo", "heureka", "trustpilot"};
        reviews->t(posted).s(c.lang == cs ? platforms[2] : c.lang == pl ? platforms[r.below(2)] : r.chance(0.5) ? platforms[0] : platforms[3]);
        reviews->end();
        ++n.reviews;
      }
    }
  }
  if (cfg.orders_only) return n;
  ComplaintWriter cw(shop);
  {
    Csv complaints(dir + "complaints.csv");
    complaints.header(complaints_header);
    for (std::uint64_t k = 0; k < cfg.complaints; ++k) cw.write(complaints, k, false), ++n.complaints;
  }
  if (cfg.delta > 0) {
    Csv delta(dir + "complaints-delta.csv");
    delta.header(complaints_header);
    for (std::uint64_t k = cfg.complaints; k < cfg.complaints + cfg.delta; ++k) cw.write(delta, k, true), ++n.delta;
  }
  return n;
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "triage_bench_gen: %s\n"
               "usage: triage_bench_gen --out DIR [--seed N] [--orders N] [--customers N] [--complaints N]\n"
               "                        [--delta N] [--shopify] [--orders-only]\n"
               "Writes orders.csv (or shopify-orders.csv), complaints.csv, disputes.csv, reviews.csv\n"
               "and, with --delta N, complaints-delta.csv: N new open complaints received after the rest.\n",
               why);
  std::exit(2);
}

std::uint64_t number(const char* opt, const char* v) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long x = std::strtoull(v, &end, 10);
  if (errno != 0 || end == v || *end != '\0') usage((std::string(opt) + " needs a whole number").c_str());
  return x;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  Config cfg;
  bool customers_given = false, complaints_given = false;
  for (int a = 1; a < argc; ++a) {
    const std::string_view opt = argv[a];
    auto value = [&]() -> const char* {
      if (a + 1 >= argc) usage((std::string(opt) + " needs a value").c_str());
      return argv[++a];
    };
    if (opt == "--seed") cfg.seed = number(argv[a], value());
    else if (opt == "--orders") cfg.orders = number(argv[a], value());
    else if (opt == "--customers") cfg.customers = number(argv[a], value()), customers_given = true;
    else if (opt == "--complaints") cfg.complaints = number(argv[a], value()), complaints_given = true;
    else if (opt == "--delta") cfg.delta = number(argv[a], value());
    else if (opt == "--out") cfg.out = value();
    else if (opt == "--shopify") cfg.shopify = true;
    else if (opt == "--orders-only") cfg.orders_only = true;
    else if (opt == "--help" || opt == "-h") usage("a deterministic generator of a shop's exports");
    else usage((std::string("unknown option ") + argv[a]).c_str());
  }
  if (cfg.out.empty()) usage("--out DIR is required");
  if (cfg.orders == 0) usage("--orders must be at least 1");
  if (!customers_given) cfg.customers = std::max<std::uint64_t>(1, cfg.orders * 3 / 10);
  if (!complaints_given) cfg.complaints = cfg.orders / 10;
  if (cfg.customers == 0) usage("--customers must be at least 1");
  ::mkdir(cfg.out.c_str(), 0755);
  try {
    const auto t0 = std::chrono::steady_clock::now();
    const Counts n = generate(cfg);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr,
                 "triage_bench_gen: %llu orders (%llu rows), %llu complaints, %llu new in the delta, %llu disputes, "
                 "%llu reviews in %s/ in %.1f s\n",
                 static_cast<unsigned long long>(n.orders), static_cast<unsigned long long>(n.rows),
                 static_cast<unsigned long long>(n.complaints), static_cast<unsigned long long>(n.delta),
                 static_cast<unsigned long long>(n.disputes), static_cast<unsigned long long>(n.reviews),
                 cfg.out.c_str(), s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "triage_bench_gen: %s\n", e.what());
    return 1;
  }
  return 0;
}
