// Opens the SQLite file: created 0600 before SQLite touches it, WAL, foreign
// keys, the configured busy timeout, and the migrations applied in one
// transaction keyed by PRAGMA user_version.
#include "triage/store/db.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/core.h>

#include <cerrno>
#include <cstring>

#include "triage/core/error.hpp"
#include "triage/store/schema.hpp"

namespace triage::store {

namespace {

bool is_busy_code(int code) {
  const int primary = code & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

[[noreturn]] void throw_locked(const std::string& path) {
  throw Error(ErrorKind::locked,
              fmt::format("{}: the database is locked by another run; try again later "
                          "(or raise busy_timeout in triage.toml)",
                          path));
}

// SQLite creates the -wal and -shm files with the main file's permissions, so
// creating the main file 0600 ourselves keeps all three private.
void create_private(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw Error(ErrorKind::runtime, fmt::format("{}: cannot create the database: {}; check the "
                                                "directory exists and is writable",
                                                path, std::strerror(errno)));
  }
  ::close(fd);
}

int user_version(SQLite::Database& db) {
  SQLite::Statement q(db, "PRAGMA user_version");
  q.executeStep();
  return q.getColumn(0).getInt();
}

void check_not_newer(const std::string& path, int found) {
  if (found > schema_version()) {
    throw Error(ErrorKind::runtime,
                fmt::format("{}: the database has schema version {}, newer than this triage "
                            "understands ({}); upgrade triage, or use another --db",
                            path, found, schema_version()));
  }
}

void migrate(SQLite::Database& db, const std::string& path) {
  if (user_version(db) == schema_version()) return;
  with_write_transaction(db, [&] {
    // Another run may have migrated while we waited for the lock.
    const int from = user_version(db);
    check_not_newer(path, from);
    const auto& steps = migrations();
    for (int v = from; v < schema_version(); ++v) {
      db.exec(std::string(steps[static_cast<std::size_t>(v)]));
    }
    db.exec(fmt::format("PRAGMA user_version = {}", schema_version()));
  });
}

}  // namespace

namespace detail {

void begin_immediate(SQLite::Database& db) {
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    if (is_busy_code(e.getErrorCode())) throw_locked(db.getFilename());
    throw;
  }
}

void commit(SQLite::Database& db) { db.exec("COMMIT"); }

void rollback_quietly(SQLite::Database& db) noexcept {
  try {
    if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
  } catch (...) {
    // The original error matters more than a failed rollback; SQLite rolls
    // back on close anyway.
  }
}

void rethrow_mapped(SQLite::Database& db) {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    if (is_busy_code(e.getErrorCode())) throw_locked(db.getFilename());
    const int primary = e.getErrorCode() & 0xff;
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR) {
      // Typically a full disk, a quota or a file size limit; the transaction
      // is rolled back, so nothing was changed.
      throw Error(ErrorKind::runtime,
                  fmt::format("{}: cannot write the database: {}; nothing was changed. Free some disk "
                              "space (or check quotas and file size limits) and run it again",
                              db.getFilename(), e.what()));
    }
    throw;
  }
}

bool use_rollback_journal(SQLite::Database& db) noexcept {
  try {
    SQLite::Statement q(db, "PRAGMA journal_mode = DELETE");
    if (!q.executeStep() || q.getColumn(0).getString() != "delete") return false;
    q.reset();
    // NORMAL is safe with WAL only; a rollback journal needs its syncs.
    db.exec("PRAGMA synchronous = FULL");
    return true;
  } catch (...) {
    return false;
  }
}

void restore_wal(SQLite::Database& db) noexcept {
  try {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
  } catch (...) {
    // Another connection got in first; the next open switches back to WAL.
  }
}

}  // namespace detail

std::unique_ptr<SQLite::Database> open(const std::string& path, const Config& config,
                                       OpenMode mode, bool one_thread) {
  if (mode == OpenMode::scratch) {
    auto db = std::make_unique<SQLite::Database>(
        ":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | (one_thread ? SQLite::OPEN_NOMUTEX : 0));
    migrate(*db, ":memory:");
    return db;
  }
  if (mode == OpenMode::read_write) {
    create_private(path);
  } else if (::access(path.c_str(), F_OK) != 0) {
    throw Error(ErrorKind::usage,
                fmt::format("{}: no database here; import an export first "
                            "(triage import orders FILE), or point --db / $TRIAGE_DB at it",
                            path));
  }
  std::unique_ptr<SQLite::Database> db;
  try {
    int flags = mode == OpenMode::read_write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
    // SQLite then skips the mutex it otherwise takes on every bind and step.
    if (one_thread) flags |= SQLite::OPEN_NOMUTEX;
    db = std::make_unique<SQLite::Database>(path, flags, config.busy_timeout_ms);
    // Reading the schema is the first real access: a file that is not SQLite fails here.
    const int found = user_version(*db);
    check_not_newer(path, found);
    if (mode == OpenMode::read_write) {
      db->exec("PRAGMA journal_mode = WAL");
      // In WAL mode NORMAL never corrupts; a power cut may lose the last commit only.
      db->exec("PRAGMA synchronous = NORMAL");
    } else if (found < schema_version()) {
      throw Error(ErrorKind::runtime,
                  fmt::format("{}: the database has schema version {}, older than this triage "
                              "({}); run any `triage import` to migrate it",
                              path, found, schema_version()));
    }
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA cache_size = -32768");  // 32 MiB: fast imports, well under the memory bound
    if (mode == OpenMode::read_write) migrate(*db, path);
  } catch (const SQLite::Exception& e) {
    if (is_busy_code(e.getErrorCode())) throw_locked(path);
    throw Error(ErrorKind::runtime, fmt::format("{}: cannot open the database: {}", path, e.what()));
  }
  return db;
}

}  // namespace triage::store
