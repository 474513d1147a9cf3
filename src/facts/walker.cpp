// The per-customer walk over the selected complaints.
#include "triage/facts/walker.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"

namespace triage::facts {

namespace {

bool unclassified(const store::ComplaintRow& c, const std::string& version) {
  return c.kind.empty() && c.inferred_by != version;
}

std::string_view bare(std::string_view id) {
  while (!id.empty() && id.front() == '#') id.remove_prefix(1);
  return id;
}

}  // namespace

Walker::Walker(SQLite::Database& db, const Config& config) : reader_(db), builder_(config) {}

std::size_t Walker::walk(const WalkOptions& o, const Visitor& visit) {
  const auto targets = reader_.select(o.selection, o.version, o.complaint_id);
  if (o.selection == store::Selection::one && targets.empty()) {
    throw Error(ErrorKind::usage, fmt::format("no complaint '{}' in the database; check the id (as in the "
                                              "complaints export), or import the complaints first",
                                              terminal_safe(o.complaint_id)));
  }

  store::CustomerHistory history;
  FactSet facts;
  Notes notes;
  store::OrderRow the_order;
  std::vector<store::DisputeRow> other_disputes;
  std::vector<std::pair<std::int64_t, bool>> group;  // rowid, decide
  std::size_t decided = 0;

  for (std::size_t i = 0; i < targets.size();) {
    const std::int64_t customer = targets[i].customer;
    std::size_t j = i + 1;
    if (customer != 0)
      while (j < targets.size() && targets[j].customer == customer) ++j;
    group.clear();
    Timestamp last_decided = 0;
    bool any_decided = false;
    for (std::size_t k = i; k < j; ++k) {
      group.emplace_back(targets[k].rowid, targets[k].decide);
      if (targets[k].decide) {
        last_decided = std::max(last_decided, targets[k].received_at);
        any_decided = true;
      }
    }
    std::sort(group.begin(), group.end());
    reader_.load(customer, targets[i].rowid, history);

    for (std::size_t k = 0; k < history.complaints.size(); ++k) {
      auto& c = history.complaints[k];
      const auto it = std::lower_bound(group.begin(), group.end(), std::make_pair(c.rowid, false));
      const bool selected = it != group.end() && it->first == c.rowid;
      const bool fresh = unclassified(c, o.version);
      Role role;
      if (selected) {
        role = it->second ? Role::decide : Role::classify;
      } else if (fresh && any_decided && c.received_at < last_decided) {
        // Not selected, but a later complaint counts its kind.
        role = Role::classify;
      } else {
        continue;
      }

      // The complaint's order: usually among the customer's own.
      const store::OrderRow* order = nullptr;
      const std::vector<store::DisputeRow>* order_disputes = nullptr;
      // The customer's own orders carry only what their facts need, so the
      // complaint's order is read whole; its disputes are in the history
      // unless it belongs to someone else.
      if (!c.order_id.empty()) {
        const std::string_view wanted = bare(c.order_id);
        const auto own = std::find_if(history.orders.begin(), history.orders.end(),
                                      [&](const store::OrderRow& h) { return bare(h.order_id) == wanted; });
        if (own != history.orders.end()) {
          if (reader_.read_order(own->rowid, the_order)) order = &the_order;
        } else if (reader_.find_order(c.order_id, the_order, &other_disputes)) {
          order = &the_order;
          order_disputes = &other_disputes;
        }
      }

      BuildInput in;
      in.history = &history;
      in.index = k;
      in.order = order;
      in.order_disputes = order_disputes;
      in.now = o.now;
      in.version = o.version;
      in.kinds = o.kinds;
      builder_.build(in, facts, &notes);
      const store::OrderRow* known = facts[FactId::order_id].missing ? nullptr : order;
      const Subject subject{c, history, known, role, fresh, notes};
      std::string kind = visit(subject, facts);
      if (role == Role::decide) ++decided;
      if (fresh) {
        c.inferred_kind = std::move(kind);
        c.inferred_by = o.version;
      }
    }
    i = j;
  }
  return decided;
}

}  // namespace triage::facts
