// triage import: streams one export through the CSV reader and the row parser
// into the store, in one write transaction, with rejects written verbatim
// beside the input and a one-line summary on stderr.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Statement.h>
#include <fmt/core.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>
#include <vector>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/input/csv.hpp"
#include "triage/input/encoding.hpp"
#include "triage/input/mapfile.hpp"
#include "triage/input/rows.hpp"
#include "triage/store/db.hpp"
#include "triage/store/upsert.hpp"

namespace triage::cli {

namespace {

using namespace triage::input;

RecordKind kind_from(const std::string& s) {
  for (auto k : {RecordKind::orders, RecordKind::complaints, RecordKind::disputes, RecordKind::reviews})
    if (s == to_string(k)) return k;
  throw Error(ErrorKind::usage, fmt::format("unknown kind '{}'; use orders, complaints, disputes or reviews", s));
}

// Ids found unchanged in this file, as 64-bit hashes in an open-addressing
// table (rows written by this import are recognized by their import_id), so
// that a repeated unchanged row still counts as a duplicate.
class SeenIds {
 public:
  bool contains(std::string_view id) const {
    if (slots_.empty()) return false;
    const std::uint64_t h = hash(id);
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) return false;
    }
  }
  void insert(std::string_view id) {
    const std::uint64_t h = hash(id);
    if ((count_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == h) return;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++count_;
        return;
      }
    }
  }

 private:
  static std::uint64_t hash(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    h ^= h >> 29;
    return h | 1;  // 0 marks an empty slot
  }
  void grow() {
    std::vector<std::uint64_t> old(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    old.swap(slots_);
    for (const auto h : old) {
      if (h == 0) continue;
      std::size_t i = h & (slots_.size() - 1);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = h;
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

// Rejected records, verbatim, each followed by its line number and the reason.
class RejectsWriter {
 public:
  RejectsWriter(std::string path, char delimiter, std::string header)
      : path_(std::move(path)), delim_(delimiter), header_(std::move(header)) {}
  ~RejectsWriter() {
    if (out_ && out_ != stderr) std::fclose(out_);
  }
  void write(std::string_view raw, std::int64_t line, const std::string& reason) {
    if (!out_) open();
    used_ = true;
    std::string quoted = "\"";
    for (const char c : reason) {
      quoted.push_back(c);
      if (c == '"') quoted.push_back('"');
    }
    quoted.push_back('"');
    fmt::print(out_, "{}{}{}{}{}\n", raw, delim_, line, delim_, quoted);
  }
  bool used() const { return used_; }
  const std::string& path() const { return path_; }
  void close() {
    if (out_ && out_ != stderr) {
      if (std::fclose(out_) != 0) throw Error(ErrorKind::runtime, fmt::format("{}: cannot write", path_));
    }
    out_ = nullptr;
  }

 private:
  void open() {
    if (path_.empty()) {
      out_ = stderr;
    } else {
      const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      if (fd < 0 || !(out_ = ::fdopen(fd, "w"))) {
        throw Error(ErrorKind::runtime, fmt::format("{}: cannot write the rejects file: {}; use --rejects PATH",
                                                    path_, std::strerror(errno)));
      }
    }
    fmt::print(out_, "{}{}line{}reason\n", header_, delim_, delim_);
  }
  std::string path_;
  char delim_;
  std::string header_;
  std::FILE* out_ = nullptr;
  bool used_ = false;
};

// A typed record and what the upsert needs of it besides, both made on the reading thread.
template <class Rec>
struct Item {
  Rec rec;
  store::Prepared prep;
};

// Records handed from the reading thread to the writing one, in batches
// that go round and round: their strings keep their capacity, so a row costs
// no allocation, and at most kBatches * kPerBatch records are in flight.
template <class Rec>
class RecordPipe {
 public:
  struct Cancelled {};
  RecordPipe() : batches_(kBatches) {
    for (std::size_t i = 0; i < kBatches; ++i) {
      batches_[i].items.resize(kPerBatch);
      free_.push_back(i);
    }
  }
  // Reading side: fill slot(), then push() it; close() at the end or on error.
  Rec& slot() {
    if (!cur_) acquire();
    return batches_[*cur_].items[batches_[*cur_].n];
  }
  void push() {
    if (++batches_[*cur_].n == kPerBatch) hand_over();
  }
  void close(std::exception_ptr error) {
    if (cur_) hand_over();
    std::lock_guard<std::mutex> lock(m_);
    error_ = std::move(error);
    done_ = true;
    filled_.notify_one();
  }
  // Writing side: fn(record) for every record in order, then the reading
  // side's error, if any, is rethrown. On the writing side's own error, call
  // cancel() so that the reading side stops.
  template <class Fn, class Done>
  void drain(Fn&& fn, Done&& batch_done) {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock<std::mutex> lock(m_);
        filled_.wait(lock, [&] { return !full_.empty() || done_; });
        if (full_.empty()) break;
        i = full_.front();
        full_.pop_front();
      }
      auto& b = batches_[i];
      for (std::size_t k = 0; k < b.n; ++k) fn(b.items[k]);
      batch_done();  // before the reading side may refill the batch
      b.n = 0;
      {
        std::lock_guard<std::mutex> lock(m_);
        free_.push_back(i);
      }
      emptied_.notify_one();
    }
    if (error_) std::rethrow_exception(error_);
  }
  void cancel() {
    std::lock_guard<std::mutex> lock(m_);
    cancelled_ = true;
    emptied_.notify_one();
  }

 private:
  static constexpr std::size_t kBatches = 8, kPerBatch = 256;
  struct Batch {
    std::vector<Rec> items;
    std::size_t n = 0;
  };
  void acquire() {
    std::unique_lock<std::mutex> lock(m_);
    emptied_.wait(lock, [&] { return !free_.empty() || cancelled_; });
    if (cancelled_) throw Cancelled{};
    cur_ = free_.front();
    free_.pop_front();
  }
  void hand_over() {
    {
      std::lock_guard<std::mutex> lock(m_);
      full_.push_back(*cur_);
    }
    cur_.reset();
    filled_.notify_one();
  }
  std::vector<Batch> batches_;
  std::optional<std::size_t> cur_;  // the batch being filled (reading side only)
  std::mutex m_;
  std::condition_variable filled_, emptied_;
  std::deque<std::size_t> free_, full_;
  std::exception_ptr error_;
  bool done_ = false, cancelled_ = false;
};

struct Counts {
  std::int64_t read = 0, inserted = 0, updated = 0, unchanged = 0, duplicates = 0, rejected = 0, folded = 0,
               cp1250_rows = 0;
};

class Progress {
 public:
  Progress(bool enabled, std::string name, std::uint64_t size)
      : enabled_(enabled), name_(std::move(name)), size_(size), start_(std::chrono::steady_clock::now()) {}
  void tick(std::int64_t rows, std::uint64_t bytes) {
    if (!enabled_ || (rows & 0xffff) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::milliseconds(500)) return;
    if (size_ > 0) fmt::print(stderr, "\r{}: {} rows, {}%   ", name_, rows, bytes * 100 / size_);
    else fmt::print(stderr, "\r{}: {} rows   ", name_, rows);
    shown_ = true;
  }
  void clear() {
    if (shown_) fmt::print(stderr, "\r{:{}}\r", "", name_.size() + 40);
    shown_ = false;
  }

 private:
  bool enabled_;
  std::string name_;
  std::uint64_t size_;
  std::chrono::steady_clock::time_point start_;
  bool shown_ = false;
};

}  // namespace

int run_import(const GlobalOptions& g, const ImportOptions& o) {
  const RecordKind kind = kind_from(o.kind);
  const Preset preset = preset_from_name(o.preset, kind);
  std::optional<MapFile> map;
  if (!o.map_path.empty()) map = MapFile::load(o.map_path);
  char delimiter = 0;
  if (o.delimiter == "tab" || o.delimiter == "\t") delimiter = '\t';
  else if (o.delimiter == "," || o.delimiter == ";") delimiter = o.delimiter[0];
  else if (o.delimiter != "auto") throw Error(ErrorKind::usage, fmt::format("--delimiter {}: use auto, ',', ';' or tab", o.delimiter));

  const bool from_stdin = o.file == "-";
  const std::string name = from_stdin ? "stdin" : o.file;
  int fd = 0;
  std::uint64_t size = 0;
  if (!from_stdin) {
    fd = ::open(o.file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw Error(ErrorKind::input, fmt::format("{}: cannot open: {}", o.file, std::strerror(errno)));
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<std::uint64_t>(st.st_size);
  }
  struct FdCloser {
    int fd;
    ~FdCloser() {
      if (fd > 0) ::close(fd);
    }
  } closer{fd};

  FdSource raw(fd, name);
  DecodingSource text(raw, o.encoding, name);
  CsvReader csv(text, delimiter);
  CsvRecord rec;
  if (!csv.next(rec)) {
    throw Error(ErrorKind::input, fmt::format("{}: the file is empty (no header line); nothing imported", name));
  }
  if (!rec.error.empty()) throw Error(ErrorKind::input, fmt::format("{}:{}: header: {}", name, rec.line, rec.error));
  std::string header_raw(rec.raw);
  std::string header_store;
  Fields header = rec.fields;
  if (!valid_utf8(rec.raw)) {
    // Only under auto detection can a later header be non-UTF-8: read it as Windows-1250.
    header.clear();
    std::vector<std::size_t> ends;
    for (auto f : rec.fields) {
      append_cp1250_as_utf8(f, header_store);
      ends.push_back(header_store.size());
    }
    std::size_t from = 0;
    for (auto e : ends) header.emplace_back(header_store.data() + from, e - from), from = e;
  }
  RowSettings settings;
  settings.kind = kind;
  settings.preset = preset;
  settings.map = map ? &*map : nullptr;
  settings.decimal = o.decimal.empty() ? 0 : o.decimal[0];
  settings.config = &g.config;
  settings.file_name = name;
  RowParser parser(settings, header, csv.delimiter());

  // The database: a dry run against a database that does not exist yet uses a scratch copy.
  const bool scratch = o.dry_run && !std::filesystem::exists(g.db_path);
  auto db = store::open(g.db_path, g.config, scratch ? store::OpenMode::scratch : store::OpenMode::read_write,
                        /*one_thread=*/true);

  const std::string rejects_path =
      !o.rejects_path.empty() ? o.rejects_path : (from_stdin ? std::string() : o.file + ".rejects.csv");
  RejectsWriter rejects(o.rejects_path == "-" ? std::string() : rejects_path, csv.delimiter(), header_raw);
  Counts n;
  const bool quiet = g.verbosity == Verbosity::quiet;
  Progress progress(!quiet && ::isatty(2), name, size);
  int dry_shown = 0;

  auto reject = [&](const CsvRecord& r, const std::string& why) {
    ++n.rejected;
    if (o.strict) {
      throw Error(ErrorKind::input, fmt::format("{}:{}: {}; nothing imported (--strict)", name, r.line, why));
    }
    if (o.dry_run) {
      if (!quiet && dry_shown++ < 20) fmt::print(stderr, "{}:{}: {}\n", name, r.line, terminal_safe(why));
      return;
    }
    rejects.write(r.raw, r.line, why);
  };

  // Our writes keep customers and their rows consistent by construction; the
  // per-row foreign key lookups would only slow a large import down.
  db->exec("PRAGMA foreign_keys = OFF");
  bool rollback_journal = false;
  // Not under --strict: switching the journal mode rewrites the file's header,
  // and a refused strict import must leave the file byte for byte as it was.
  if (!o.dry_run && !o.strict && !scratch) {
    bool empty = false;
    {
      SQLite::Statement q(*db, fmt::format("SELECT NOT EXISTS (SELECT 1 FROM {})", o.kind));
      empty = q.executeStep() && q.getColumn(0).getInt() != 0;
    }
    if (empty) rollback_journal = store::detail::use_rollback_journal(*db);
  }
  struct WalBack {
    SQLite::Database& db;
    bool on;
    ~WalBack() {
      if (on) store::detail::restore_wal(db);
    }
  } wal_back{*db, rollback_journal};
  const auto started = static_cast<std::int64_t>(std::time(nullptr));
  store::detail::begin_immediate(*db);
  try {
    std::int64_t import_id = 1;
    {
      SQLite::Statement q(*db, "SELECT coalesce(max(id), 0) + 1 FROM imports");
      q.executeStep();
      import_id = q.getColumn(0).getInt64();
    }
    store::Upserter up(*db, import_id);
    SeenIds seen;
    // An import that outgrows what the table held goes on in bulk mode.
    std::int64_t rows_before = 0;
    {
      SQLite::Statement q(*db, fmt::format("SELECT count(*) FROM {}", o.kind));
      q.executeStep();
      rows_before = q.getColumn(0).getInt64();
    }
    const std::int64_t bulk_after = std::max<std::int64_t>(20000, rows_before);
    bool bulk = false;
    // A first import of orders into an empty table is bulk from its first row,
    // with customers resolved in memory on the reading thread; not when many
    // identifiers are known already (a small import would pay for rebuilding
    // their index).
    store::IdentityResolver* offline = nullptr;
    if (kind == RecordKind::orders && rows_before == 0) {
      SQLite::Statement q(*db, "SELECT count(*) FROM identities");
      q.executeStep();
      if (q.getColumn(0).getInt64() <= 100000) {
        q.reset();
        up.start_bulk(kind, true);
        bulk = true;
        if (up.identities().start_offline()) offline = &up.identities();
      }
    }
    auto count = [&](store::Outcome out, std::string_view id) {
      if (out == store::Outcome::duplicate || seen.contains(id)) {
        ++n.duplicates;
        return;
      }
      switch (out) {
        case store::Outcome::inserted:
          if (++n.inserted > bulk_after && !bulk) {
            up.start_bulk(kind, rows_before == 0);
            bulk = true;
          }
          break;
        case store::Outcome::updated: ++n.updated; break;
        case store::Outcome::unchanged:
          ++n.unchanged;
          seen.insert(id);
          break;
        case store::Outcome::duplicate: break;
      }
    };
    const bool folds = kind == RecordKind::orders && parser.folds_line_items();

    // The reading thread: CSV records, rejects, typing, folding and (offline)
    // customers; it never touches the database.
    auto resolve_here = [&](store::Prepared& prep) {
      if (!offline) return;
      if (!offline->resolve_offline(prep.ids, prep.customer)) {
        offline = nullptr;  // from here on the writing thread resolves, from the database
        return;
      }
      prep.resolved = true;
      if (offline->writes_due()) {
        prep.writes = std::make_unique<store::IdentityWrites>();
        offline->take_writes(*prep.writes);
      }
    };
    auto read_rows = [&](auto& pipe) {
      using Rec = decltype(pipe.slot().rec);
      std::string why, fallback;
      Fields fields;
      Rec pending;
      bool has_pending = false;
      auto flush = [&] {
        if (!has_pending) return;
        auto& item = pipe.slot();
        std::swap(item.rec, pending);
        store::prepare(item.rec, item.prep, offline);
        resolve_here(item.prep);
        pipe.push();
        has_pending = false;
      };
      while (csv.next(rec)) {
        ++n.read;
        progress.tick(n.read, text.raw_bytes());
        if (!rec.error.empty()) {
          reject(rec, rec.error);
          continue;
        }
        if (rec.fields.size() != parser.width()) {
          reject(rec, fmt::format("the row has {} fields, the header has {}", rec.fields.size(), parser.width()));
          continue;
        }
        const Fields* f = &rec.fields;
        if (text.utf8_check() != Utf8Check::none && !valid_utf8(rec.raw)) {
          if (text.utf8_check() == Utf8Check::reject) {
            reject(rec, "not valid UTF-8 (read as UTF-8 because of --encoding utf-8)");
            continue;
          }
          // The start of the file was UTF-8 but this row is not: an export that is
          // Windows-1250 after all, with a plain-ASCII beginning.
          fallback.clear();
          std::vector<std::size_t> ends;
          for (auto v : rec.fields) {
            append_cp1250_as_utf8(v, fallback);
            ends.push_back(fallback.size());
          }
          fields.clear();
          std::size_t from = 0;
          for (auto e : ends) fields.emplace_back(fallback.data() + from, e - from), from = e;
          f = &fields;
          ++n.cp1250_rows;
        }
        why.clear();
        if constexpr (std::is_same_v<Rec, Order>) {
          if (folds) {
            if (has_pending && parser.order_key(*f) == pending.order_id) {
              std::int64_t items = 0;
              if (!parser.line_items(*f, items, why)) {
                reject(rec, why);
                continue;
              }
              pending.items = pending.items.value_or(0) + items;
              ++n.folded;
              continue;
            }
            flush();
            if (!parser.parse(*f, pending, why)) {
              reject(rec, why);
              continue;
            }
            has_pending = true;
            continue;
          }
        }
        auto& item = pipe.slot();
        if (!parser.parse(*f, item.rec, why)) {
          reject(rec, why);
          continue;
        }
        store::prepare(item.rec, item.prep, offline);
        resolve_here(item.prep);
        pipe.push();
      }
      flush();
    };
    // This thread writes what the reading thread hands over, in file order.
    auto write_rows = [&](auto& pipe, auto id_of) {
      std::thread reader([&] {
        try {
          read_rows(pipe);
          pipe.close(nullptr);
        } catch (const typename std::remove_reference_t<decltype(pipe)>::Cancelled&) {
          pipe.close(nullptr);
        } catch (...) {
          pipe.close(std::current_exception());
        }
      });
      try {
        pipe.drain([&](const auto& item) { count(up.put(item.rec, item.prep), id_of(item.rec)); },
                   [&] { up.flush_rows(); });
      } catch (...) {
        pipe.cancel();
        reader.join();
        throw;
      }
      reader.join();
    };
    switch (kind) {
      case RecordKind::orders: {
        RecordPipe<Item<Order>> pipe;
        write_rows(pipe, [](const Order& r) -> const std::string& { return r.order_id; });
        break;
      }
      case RecordKind::complaints: {
        RecordPipe<Item<Complaint>> pipe;
        write_rows(pipe, [](const Complaint& r) -> const std::string& { return r.complaint_id; });
        break;
      }
      case RecordKind::disputes: {
        RecordPipe<Item<Dispute>> pipe;
        write_rows(pipe, [](const Dispute& r) -> const std::string& { return r.dispute_id; });
        break;
      }
      case RecordKind::reviews: {
        RecordPipe<Item<Review>> pipe;
        write_rows(pipe, [](const Review& r) -> const std::string& { return r.review_id; });
        break;
      }
    }
    const std::int64_t replaced = up.finish();
    n.inserted -= replaced;
    n.duplicates += replaced;
    progress.clear();

    // One imports row per import that changed something or brought a file not
    // seen before: re-importing identical bytes that change nothing writes
    // nothing at all, so the database does not grow.
    const std::string sha = text.sha256_hex();
    bool known = false;
    {
      SQLite::Statement q(*db, "SELECT 1 FROM imports WHERE kind = ? AND sha256 = ? LIMIT 1");
      q.bind(1, o.kind);
      q.bind(2, sha);
      known = q.executeStep();
    }
    if (!known || n.inserted > 0 || n.updated > 0 || n.duplicates > 0) {
      SQLite::Statement ins(*db,
                            "INSERT INTO imports(id, kind, file, sha256, started_at, finished_at, rows_read, "
                            "rows_new, rows_updated, rows_unchanged, rows_rejected, rows_duplicate) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
      ins.bind(1, import_id);
      ins.bind(2, o.kind);
      ins.bind(3, o.file);
      ins.bind(4, sha);
      ins.bind(5, started);
      ins.bind(6, static_cast<std::int64_t>(std::time(nullptr)));
      ins.bind(7, n.read);
      ins.bind(8, n.inserted);
      ins.bind(9, n.updated);
      ins.bind(10, n.unchanged);
      ins.bind(11, n.rejected);
      ins.bind(12, n.duplicates);
      ins.exec();
    }
    if (o.dry_run) {
      store::detail::rollback_quietly(*db);
    } else {
      rejects.close();
      store::detail::commit(*db);
    }
  } catch (...) {
    progress.clear();
    store::detail::rollback_quietly(*db);
    store::detail::rethrow_mapped(*db);
  }

  // A clean import leaves no stale rejects file from an earlier run beside the input.
  if (!o.dry_run && !rejects.used() && o.rejects_path.empty() && !from_stdin) {
    std::error_code ec;
    std::filesystem::remove(rejects_path, ec);
  }

  if (!quiet) {
    std::string line = fmt::format("{}: {} read, {} new, {} updated", name, n.read, n.inserted, n.updated);
    if (n.unchanged) line += fmt::format(", {} unchanged", n.unchanged);
    if (n.duplicates) line += fmt::format(", {} duplicate{}", n.duplicates, n.duplicates == 1 ? "" : "s");
    if (n.folded) line += fmt::format(", {} line-item rows folded", n.folded);
    if (n.cp1250_rows) line += fmt::format(", {} rows read as Windows-1250", n.cp1250_rows);
    line += fmt::format(", {} rejected", n.rejected);
    if (n.rejected && !o.dry_run) {
      line += rejects.path().empty() ? " (see above)" : fmt::format(" (see {})", rejects.path());
    }
    if (o.dry_run) line += " (dry run: nothing written)";
    fmt::print(stderr, "{}\n", line);
  }
  return exit_ok;
}

}  // namespace triage::cli
