// Opening the database: created 0600 (it holds personal data), WAL mode,
// the configured busy timeout, and the schema migrated forward.
#pragma once

#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>

#include "triage/core/config.hpp"

namespace triage::store {

// scratch: a private in-memory database with the current schema (path is
// ignored), for dry runs against a database that does not exist yet.
enum class OpenMode { read_write, read_only, scratch };

// Opens (creating when needed in read_write mode) and migrates the database.
// Throws Error(locked) when another run holds it past the busy timeout,
// Error(runtime) when it cannot be opened or is newer than this binary.
// one_thread: the connection (and its statements) is only ever used by one
// thread at a time, so SQLite need not lock it on every call.
std::unique_ptr<SQLite::Database> open(const std::string& path, const Config& config,
                                       OpenMode mode = OpenMode::read_write, bool one_thread = false);

// Runs fn inside BEGIN IMMEDIATE ... COMMIT, rolling back on any exception;
// maps SQLITE_BUSY past the timeout to Error(locked).
template <class Fn>
void with_write_transaction(SQLite::Database& db, Fn&& fn);

namespace detail {
// BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout),
// so that two runs never deadlock halfway through.
void begin_immediate(SQLite::Database& db);
void commit(SQLite::Database& db);
void rollback_quietly(SQLite::Database& db) noexcept;
// Rethrows the current exception, turning SQLITE_BUSY/LOCKED into Error(locked).
[[noreturn]] void rethrow_mapped(SQLite::Database& db);
// For a write that adds far more pages than the file holds (a first import
// into an empty table): switches a WAL database to a rollback journal, which
// writes the new pages once where WAL writes them twice (the log, then the
// checkpoint). Still all or nothing: after a crash the journal rolls back.
// Returns false, changing nothing, when another connection has the file open.
// Call outside a transaction; restore_wal() afterwards.
bool use_rollback_journal(SQLite::Database& db) noexcept;
void restore_wal(SQLite::Database& db) noexcept;
}  // namespace detail

template <class Fn>
void with_write_transaction(SQLite::Database& db, Fn&& fn) {
  detail::begin_immediate(db);
  try {
    fn();
    detail::commit(db);
  } catch (...) {
    detail::rollback_quietly(db);
    detail::rethrow_mapped(db);
  }
}

}  // namespace triage::store
