// Tests for opening the database: permissions, migrations, version checks, locking.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Statement.h>

#include <filesystem>

#include "triage/core/error.hpp"
#include "triage/store/db.hpp"
#include "triage/store/schema.hpp"

using namespace triage;

namespace {

std::string temp_db(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("triage-db-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto p = dir / name;
  std::filesystem::remove(p);
  std::filesystem::remove(p.string() + "-wal");
  std::filesystem::remove(p.string() + "-shm");
  return p.string();
}

int version_of(SQLite::Database& db) {
  SQLite::Statement q(db, "PRAGMA user_version");
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace

TEST_CASE("open creates a private, migrated WAL database") {
  const auto path = temp_db("fresh.db");
  auto cfg = Config::defaults();
  {
    auto db = store::open(path, cfg);
    CHECK(version_of(*db) == store::schema_version());
    SQLite::Statement q(*db, "PRAGMA journal_mode");
    q.executeStep();
    CHECK(q.getColumn(0).getString() == "wal");
  }
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  // Opening again is a no-op migration.
  auto db = store::open(path, cfg);
  CHECK(version_of(*db) == store::schema_version());
}

TEST_CASE("open refuses a database from a newer triage") {
  const auto path = temp_db("newer.db");
  auto cfg = Config::defaults();
  {
    auto db = store::open(path, cfg);
    db->exec("PRAGMA user_version = 999");
  }
  try {
    store::open(path, cfg);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::runtime);
    CHECK(std::string(e.what()).find("newer") != std::string::npos);
  }
}

TEST_CASE("read-only open of a missing database says what to do") {
  const auto path = temp_db("missing.db");
  CHECK_THROWS_AS(store::open(path, Config::defaults(), store::OpenMode::read_only), Error);
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a write lock held past the busy timeout is Error(locked)") {
  const auto path = temp_db("locked.db");
  auto cfg = Config::defaults();
  cfg.busy_timeout_ms = 100;
  auto holder = store::open(path, cfg);
  holder->exec("BEGIN IMMEDIATE");
  auto other = store::open(path, cfg);
  try {
    store::with_write_transaction(*other, [] {});
    FAIL("expected a lock error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::locked);
    CHECK(std::string(e.what()).find("locked by another run") != std::string::npos);
  }
  holder->exec("ROLLBACK");
  int calls = 0;
  store::with_write_transaction(*other, [&] { ++calls; });
  CHECK(calls == 1);
}

TEST_CASE("with_write_transaction rolls back when the body throws") {
  const auto path = temp_db("rollback.db");
  auto db = store::open(path, Config::defaults());
  CHECK_THROWS(store::with_write_transaction(*db, [&] {
    db->exec("INSERT INTO customers(id, key) VALUES (1, 'x')");
    throw std::runtime_error("boom");
  }));
  SQLite::Statement q(*db, "SELECT count(*) FROM customers");
  q.executeStep();
  CHECK(q.getColumn(0).getInt() == 0);
}

TEST_CASE("migration 3 keeps every order, its rowid and the covering index; order_id stays unique") {
  const auto path = temp_db("v2.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto& steps = store::migrations();
    REQUIRE(steps.size() >= 3);
    raw.exec(std::string(steps[0]));
    raw.exec(std::string(steps[1]));
    raw.exec("PRAGMA user_version = 2");
    raw.exec("INSERT INTO customers(id, key) VALUES (7, 'K-7')");
    raw.exec("INSERT INTO orders(rowid, order_id, customer, created_at, total, currency, status, tags, row_hash) "
             "VALUES (41, 'A-1', 7, 100, 1999, 'PLN', 'delivered', 'x;y', 5), "
             "(42, 'A-2', 7, 200, 500, 'EUR', 'returned', NULL, 6)");
  }
  auto db = store::open(path, Config::defaults());
  CHECK(version_of(*db) == store::schema_version());
  SQLite::Statement q(*db, "SELECT rowid, order_id, customer, total, currency, status, tags, row_hash FROM orders "
                           "ORDER BY rowid");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt64() == 41);
  CHECK(q.getColumn(1).getString() == "A-1");
  CHECK(q.getColumn(2).getInt64() == 7);
  CHECK(q.getColumn(3).getInt64() == 1999);
  CHECK(q.getColumn(6).getString() == "x;y");
  CHECK(q.getColumn(7).getInt64() == 5);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt64() == 42);
  CHECK(q.getColumn(5).getString() == "returned");
  CHECK(q.getColumn(6).isNull());
  CHECK_FALSE(q.executeStep());
  SQLite::Statement idx(*db, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
                             "AND tbl_name = 'orders' ORDER BY name)");
  REQUIRE(idx.executeStep());
  CHECK(idx.getColumn(0).getString() == "orders_customer,orders_order_id");
  CHECK_THROWS(db->exec("INSERT INTO orders(order_id, created_at, total, currency, row_hash) "
                        "VALUES ('A-1', 1, 1, 'PLN', 1)"));
}
