// One complaint's facts from its customer's history, cut at the moment the
// complaint was received so that a decision replays the same way later.
#include "triage/facts/builder.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <limits>

namespace triage::facts {

namespace {

bool is_open_dispute(std::string_view status) {
  return status == "needs_response" || status == "under_review" || status == "warning_needs_response" ||
         status == "warning_under_review";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Disputes that count for `order`, taken from the customer's history.
const store::DisputeRow* latest_dispute(const std::vector<store::DisputeRow>& disputes, const std::string* order_id,
                                        Timestamp cut, bool open_only) {
  const store::DisputeRow* best = nullptr;
  for (const auto& d : disputes) {
    if (d.opened_at > cut) continue;
    if (order_id && d.order_id != *order_id) continue;
    if (open_only && !is_open_dispute(d.status)) continue;
    if (!best || d.opened_at >= best->opened_at) best = &d;
  }
  return best;
}

}  // namespace

void Notes::clear() {
  order.clear();
  customer.clear();
  dispute.clear();
  review.clear();
  unconverted.clear();
  kind_kept = false;
}

std::string_view known_kind(const store::ComplaintRow& c) {
  return c.kind.empty() ? std::string_view(c.inferred_kind) : std::string_view(c.kind);
}

std::string complaint_text(const store::ComplaintRow& c) {
  if (c.subject.empty()) return c.message;
  if (c.message.empty()) return c.subject;
  std::string out;
  out.reserve(c.subject.size() + 1 + c.message.size());
  out += c.subject;
  out += '\n';
  out += c.message;
  return out;
}

std::vector<std::string> split_tags(std::string_view tags) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    if (i == tags.size() || tags[i] == ',' || tags[i] == ';') {
      const auto t = trim(tags.substr(start, i - start));
      if (!t.empty()) out.emplace_back(t);
      start = i + 1;
    }
  }
  return out;
}

Builder::Builder(const Config& config) : config_(config) {}

std::optional<double> Builder::to_shop(std::int64_t minor, const std::string& currency) {
  const double major = static_cast<double>(minor) / 100.0;
  if (currency.empty() || currency == config_.currency) return major;
  const auto it = config_.rates.find(currency);
  if (it == config_.rates.end()) {
    unconverted_.insert(currency);
    return std::nullopt;
  }
  return major * it->second;
}

std::string Builder::unconverted_warning() const {
  if (unconverted_.empty()) return {};
  return fmt::format(
      "orders in {} are left out of customer.ltv, customer.avg_order and order amounts: no exchange rate; "
      "add one under [rates] in triage.toml (e.g. {} = 4.30)",
      fmt::join(unconverted_, ", "), *unconverted_.begin());
}

void Builder::build(const BuildInput& in, FactSet& out, Notes* notes) {
  Notes scratch;
  Notes& n = notes ? *notes : scratch;
  n.clear();
  out.clear();
  out.currency = config_.currency;

  const auto& h = *in.history;
  const auto& c = h.complaints[in.index];
  const Timestamp cut = c.received_at;

  // The complaint itself.
  out.set_text(FactId::complaint_id, c.complaint_id);
  if (!c.kind.empty()) {
    out.set_text(FactId::complaint_kind, c.kind);
  } else if (in.kinds == KindSource::keep_inferred && !c.inferred_by.empty() && c.inferred_by == in.version &&
             !c.inferred_kind.empty()) {
    out.set_text(FactId::complaint_kind, c.inferred_kind);
    n.kind_kept = true;
  }
  out.set_text(FactId::complaint_channel, c.channel);
  out.set_text(FactId::complaint_text, complaint_text(c));
  out.set_number(FactId::complaint_age, static_cast<double>(in.now - c.received_at));
  out.set_bool(FactId::complaint_answered, c.first_reply_at.has_value());
  out.set_text(FactId::complaint_lang, c.lang);
  out.set_number(FactId::complaint_received_at, static_cast<double>(c.received_at));
  out.set_number(FactId::now, static_cast<double>(in.now));

  // The complaint's order, when it existed at the time.
  const store::OrderRow* order = in.order;
  if (!order) {
    n.order = c.order_id.empty() ? "the complaint names no order"
                                 : fmt::format("order {} is not in the database", c.order_id);
  } else if (order->created_at > cut) {
    n.order = fmt::format("order {} was created after the complaint", order->order_id);
    order = nullptr;
  }
  if (order) {
    const auto& o = *order;
    out.set_text(FactId::order_id, o.order_id);
    if (auto v = to_shop(o.total, o.currency)) out.set_number(FactId::order_total, *v);
    else n.unconverted = o.currency;
    out.set_text(FactId::order_currency, o.currency.empty() ? config_.currency : o.currency);
    out.set_text(FactId::order_payment, o.payment);
    out.set_text(FactId::order_status, o.status);
    if (o.items) out.set_number(FactId::order_items, static_cast<double>(*o.items));
    if (o.delivery_attempts) out.set_number(FactId::order_delivery_attempts, static_cast<double>(*o.delivery_attempts));
    if (o.shipped_at && *o.shipped_at <= cut)
      out.set_number(FactId::order_since_shipped, static_cast<double>(cut - *o.shipped_at));
    if (o.delivered_at && *o.delivered_at <= cut)
      out.set_number(FactId::order_since_delivered, static_cast<double>(cut - *o.delivered_at));
    out.set_bool(FactId::order_business, !trim(o.ship_company).empty());
    if (o.refunded) {
      if (auto v = to_shop(*o.refunded, o.currency)) out.set_number(FactId::order_refunded, *v);
    }
    out.set_bool(FactId::order_returned, o.status == "returned" || (o.returned_at && *o.returned_at <= cut));
    out.tags = split_tags(o.tags);
  }

  // The customer, from everything dated up to the complaint.
  if (!h.customer) {
    n.customer = "the complaint names no customer (no id, e-mail or phone, and no known order)";
  } else {
    out.set_text(FactId::customer_key, h.key);
    int orders = 0, returns = 0, refused = 0, settled = 0, averaged = 0, complaints = 0, compensation = 0,
        disputes = 0, negative = 0;
    double ltv = 0, totals = 0;
    Timestamp first = std::numeric_limits<Timestamp>::max();
    for (const auto& o : h.orders) {
      if (o.created_at > cut || o.status == "cancelled") continue;
      ++orders;
      if (o.created_at < first) first = o.created_at;
      if (o.status == "returned") ++returns;
      if (o.status == "refused") ++refused;
      if (o.status != "pending") ++settled;
      if (auto v = to_shop(o.total, o.currency)) {
        totals += *v;
        ++averaged;
      }
      if (o.status == "shipped" || o.status == "delivered" || o.status == "lost") {
        if (auto v = to_shop(o.total - o.refunded.value_or(0), o.currency)) ltv += *v;
      }
    }
    for (const auto& e : h.complaints) {
      if (e.received_at >= cut) continue;
      ++complaints;
      if (known_kind(e) == "compensation") ++compensation;
    }
    for (const auto& d : h.disputes)
      if (d.opened_at <= cut) ++disputes;
    const store::ReviewRow* latest = nullptr;
    for (const auto& r : h.reviews) {
      if (r.posted_at > cut) continue;
      if (r.rating >= 1 && r.rating <= 2) ++negative;
      if (!latest || r.posted_at >= latest->posted_at) latest = &r;
    }
    out.set_number(FactId::customer_orders, orders);
    out.set_number(FactId::customer_ltv, ltv);
    if (averaged > 0) out.set_number(FactId::customer_avg_order, totals / averaged);
    out.set_number(FactId::customer_returns, returns);
    if (settled > 0) out.set_number(FactId::customer_return_rate, static_cast<double>(returns) / settled);
    out.set_number(FactId::customer_refused, refused);
    out.set_number(FactId::customer_complaints, complaints);
    out.set_number(FactId::customer_disputes, disputes);
    out.set_number(FactId::customer_negative_reviews, negative);
    out.set_number(FactId::customer_compensation_requests, compensation);
    if (orders > 0) out.set_number(FactId::customer_since_first_order, static_cast<double>(cut - first));
    if (latest) {
      out.set_number(FactId::review_rating, latest->rating);
      out.set_number(FactId::review_since_posted, static_cast<double>(cut - latest->posted_at));
    } else {
      n.review = "no review by the customer before the complaint";
    }
  }
  if (n.review.empty() && !h.customer) n.review = n.customer;

  // The dispute: the order's latest, else (no order) the customer's latest open one.
  const store::DisputeRow* dispute = nullptr;
  if (order) {
    dispute = in.order_disputes ? latest_dispute(*in.order_disputes, nullptr, cut, false)
                                : latest_dispute(h.disputes, &order->order_id, cut, false);
    if (!dispute) n.dispute = fmt::format("no dispute on order {} opened before the complaint", order->order_id);
  } else {
    dispute = latest_dispute(h.disputes, nullptr, cut, true);
    if (!dispute) n.dispute = "no order, and no open dispute of the customer before the complaint";
  }
  if (dispute) {
    out.set_bool(FactId::dispute_open, is_open_dispute(dispute->status));
    out.set_text(FactId::dispute_reason, dispute->reason);
    out.set_text(FactId::dispute_status, dispute->status);
    out.set_number(FactId::dispute_since_opened, static_cast<double>(cut - dispute->opened_at));
  }
}

std::string missing_reason(FactId id, const Notes& n) {
  using enum FactId;
  switch (id) {
    case complaint_kind: return "not given in the import, and no classify rule matched";
    case complaint_channel: return "the import gave no channel";
    case complaint_lang: return "the import gave no language";
    case complaint_text: return "the complaint has no subject or message";
    case order_id:
    case order_total:
    case order_currency:
    case order_payment:
    case order_status:
    case order_items:
    case order_delivery_attempts:
    case order_since_shipped:
    case order_since_delivered:
    case order_business:
    case order_refunded:
    case order_returned:
      if (!n.order.empty()) return n.order;
      switch (id) {
        case order_since_shipped: return "no shipping date before the complaint";
        case order_since_delivered: return "no delivery date before the complaint";
        case order_total: return fmt::format("no exchange rate for {} under [rates] in triage.toml", n.unconverted);
        case order_refunded: return n.unconverted.empty() ? "the export gave no refunded amount"
                                                          : fmt::format("no exchange rate for {}", n.unconverted);
        case order_items: return "the export gave no units";
        case order_delivery_attempts: return "the export gave no delivery attempts";
        case order_payment: return "the export gave no payment method";
        case order_status: return "the export gave no status";
        default: return "not in the export";
      }
    case customer_avg_order:
    case customer_since_first_order:
      if (!n.customer.empty()) return n.customer;
      return "no orders (not cancelled) before the complaint";
    case customer_return_rate:
      if (!n.customer.empty()) return n.customer;
      return "no orders shipped before the complaint (all pending or cancelled)";
    case customer_key:
    case customer_orders:
    case customer_ltv:
    case customer_returns:
    case customer_refused:
    case customer_complaints:
    case customer_disputes:
    case customer_negative_reviews:
    case customer_compensation_requests:
    case customer_segment:
      return n.customer.empty() ? "not known" : n.customer;
    case dispute_open:
    case dispute_reason:
    case dispute_status:
    case dispute_since_opened:
      if (!n.dispute.empty()) return n.dispute;
      return "the export gave no value";
    case review_rating:
    case review_since_posted:
      return n.review.empty() ? "not known" : n.review;
    default:
      return "not known";
  }
}

}  // namespace triage::facts
