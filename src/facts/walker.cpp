// The per-customer walk over the selected complaints.
#include "triage/facts/walker.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
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

namespace {

// One complaint of a loaded group to visit, with its order as read.
struct Item {
  std::size_t index = 0;  // in the history's complaints
  Role role = Role::decide;
  bool fresh = false;
  bool has_order = false;
  bool own_order = false;  // the order is the customer's own: its disputes are in the history
  store::OrderRow order;
  std::vector<store::DisputeRow> other_disputes;
};

// One customer's history and the complaints of it to visit.
struct Unit {
  std::size_t seq = 0;  // in walk order
  std::int64_t customer = 0;
  store::CustomerHistory history;
  std::vector<Item> items;
};

// Units handed from the reading thread to the deciding one, in order, with a
// bound on how many wait (memory), and the reader's error passed on.
class UnitQueue {
 public:
  // False when the reader should stop (the consumer gave up).
  bool push(std::unique_ptr<Unit> u) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [this] { return queue_.size() < kMax || closed_; });
    if (closed_) return false;
    queue_.push_back(std::move(u));
    ready_.notify_one();
    return true;
  }
  // Null at the end (after the reader's last unit or its error).
  std::unique_ptr<Unit> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return !queue_.empty() || ended_; });
    if (queue_.empty()) return nullptr;
    auto u = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return u;
  }
  void end(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    ended_ = true;
    if (!error_) error_ = std::move(error);
    ready_.notify_all();
  }
  // Stops the reader and every consumer: nothing more is handed over.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ended_ = true;
    queue_.clear();
    room_.notify_all();
    ready_.notify_all();
  }
  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  static constexpr std::size_t kMax = 256;
  std::deque<std::unique_ptr<Unit>> queue_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  bool ended_ = false, closed_ = false;
  std::exception_ptr error_;
};

}  // namespace

std::size_t Walker::walk(const WalkOptions& o, const Visitor& visit) {
  reader_.set_bulk_threshold(o.bulk_from);
  const auto targets = reader_.select(o.selection, o.version, o.complaint_id);
  if (o.selection == store::Selection::one && targets.empty()) {
    throw Error(ErrorKind::usage, fmt::format("no complaint '{}' in the database; check the id (as in the "
                                              "complaints export), or import the complaints first",
                                              terminal_safe(o.complaint_id)));
  }

  // Reading (SQLite) runs on a thread of its own, a few customers ahead of
  // building the facts and deciding, which run here: the visitor sees the
  // complaints in the same order as a single-threaded walk would show them.
  UnitQueue queue;
  std::size_t units = 0;
  const auto read_all = [&] {
    std::vector<std::pair<std::int64_t, bool>> group;  // rowid, decide
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
      auto unit = std::make_unique<Unit>();
      unit->customer = customer;
      auto& history = unit->history;
      reader_.load(customer, targets[i].rowid, history);

      for (std::size_t k = 0; k < history.complaints.size(); ++k) {
        const auto& c = history.complaints[k];
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
        auto& item = unit->items.emplace_back();
        item.index = k;
        item.role = role;
        item.fresh = fresh;
        // The complaint's order: usually among the customer's own. The
        // customer's own orders carry only what their facts need, so the
        // complaint's order is read whole; its disputes are in the history
        // unless it belongs to someone else.
        if (!c.order_id.empty()) {
          const std::string_view wanted = bare(c.order_id);
          const auto own = std::find_if(history.orders.begin(), history.orders.end(),
                                        [&](const store::OrderRow& h) { return bare(h.order_id) == wanted; });
          if (own != history.orders.end()) {
            item.has_order = reader_.read_order(own->rowid, item.order);
            item.own_order = true;
          } else {
            item.has_order = reader_.find_order(c.order_id, item.order, &item.other_disputes);
          }
        }
      }
      i = j;
      if (unit->items.empty()) continue;
      unit->seq = units++;
      if (!queue.push(std::move(unit))) return;
    }
  };
  std::thread reader([&] {
    try {
      read_all();
      queue.end(nullptr);
    } catch (...) {
      queue.end(std::current_exception());
    }
  });
  // Whatever happens here, the reader stops and is joined before the walk returns.
  struct Join {
    UnitQueue& queue;
    std::thread& thread;
    ~Join() {
      queue.close();
      if (thread.joinable()) thread.join();
    }
  } join{queue, reader};

  std::atomic<std::size_t> decided{0};
  std::mutex failure;
  std::exception_ptr error;
  const auto decide_all = [&](Builder& builder) {
    FactSet facts;
    Notes notes;
    try {
      while (auto unit = queue.pop()) {
        auto& history = unit->history;
        for (std::size_t n = 0; n < unit->items.size(); ++n) {
          auto& item = unit->items[n];
          auto& c = history.complaints[item.index];
          BuildInput in;
          in.history = &history;
          in.index = item.index;
          in.order = item.has_order ? &item.order : nullptr;
          in.order_disputes = item.has_order && !item.own_order ? &item.other_disputes : nullptr;
          in.now = o.now;
          in.version = o.version;
          in.kinds = o.kinds;
          builder.build(in, facts, &notes);
          const store::OrderRow* known = facts[FactId::order_id].missing ? nullptr : in.order;
          const Subject subject{c,          history, known, item.role, item.fresh, notes,
                                unit->seq, n + 1 == unit->items.size()};
          std::string kind = visit(subject, facts);
          if (item.role == Role::decide) ++decided;
          if (item.fresh) {
            c.inferred_kind = std::move(kind);
            c.inferred_by = o.version;
          }
        }
      }
    } catch (...) {
      {
        std::lock_guard lock(failure);
        if (!error) error = std::current_exception();
      }
      queue.close();
      if (o.on_abort) o.on_abort();
    }
  };
  // Each extra decider has a builder of its own, merged at the end.
  const unsigned extra = o.deciders > 1 ? o.deciders - 1 : 0;
  std::vector<Builder> builders(extra, Builder(builder_));
  std::vector<std::thread> threads;
  {
    struct JoinAll {
      std::vector<std::thread>& threads;
      ~JoinAll() {
        for (auto& t : threads)
          if (t.joinable()) t.join();
      }
    } join_all{threads};
    for (unsigned k = 0; k < extra; ++k) threads.emplace_back(decide_all, std::ref(builders[k]));
    decide_all(builder_);
  }
  for (const auto& b : builders) builder_.merge(b);
  if (error) std::rethrow_exception(error);
  if (auto e = queue.error()) std::rethrow_exception(e);
  return decided.load();
}

}  // namespace triage::facts
