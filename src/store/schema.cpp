// The schema's migrations, oldest first. Never edit a released migration:
// add a new one, so that older databases move forward step by step.
#include "triage/store/schema.hpp"

namespace triage::store {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> steps = {
      // 1: the first schema.
      R"sql(
-- A customer is everything that shares an identifier (customer_id, e-mail,
-- normalized phone). `identities` maps each identifier to its customer;
-- when one record links two customers they are merged into the older one.
CREATE TABLE customers (
  id   INTEGER PRIMARY KEY,
  key  TEXT NOT NULL            -- shown to people: customer_id, else e-mail, else phone
);
CREATE TABLE identities (
  ident    TEXT PRIMARY KEY,    -- 'id:C123', 'email:ann@example.com', 'phone:+48600100200'
  customer INTEGER NOT NULL REFERENCES customers(id)
) WITHOUT ROWID;
CREATE INDEX identities_customer ON identities(customer);

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  file        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  rows_read   INTEGER NOT NULL DEFAULT 0,
  rows_new    INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE orders (
  order_id      TEXT PRIMARY KEY,
  customer      INTEGER REFERENCES customers(id),
  customer_id   TEXT,
  email         TEXT,
  phone         TEXT,
  created_at    INTEGER NOT NULL,
  total         INTEGER NOT NULL,
  currency      TEXT NOT NULL,
  payment_method TEXT,
  status        TEXT,
  shipped_at    INTEGER,
  delivered_at  INTEGER,
  returned_at   INTEGER,
  return_reason TEXT,
  delivery_attempts INTEGER,
  refunded      INTEGER,
  items         INTEGER,
  ship_name     TEXT,
  ship_company  TEXT,
  ship_street   TEXT,
  ship_city     TEXT,
  ship_postcode TEXT,
  ship_country  TEXT,
  tags          TEXT,
  row_hash      INTEGER NOT NULL,   -- of the canonical fields: an unchanged row is not rewritten
  import_id     INTEGER
);
CREATE INDEX orders_customer ON orders(customer, created_at);

CREATE TABLE complaints (
  complaint_id  TEXT PRIMARY KEY,
  order_id      TEXT,
  customer      INTEGER REFERENCES customers(id),  -- NULL: take the order's customer
  customer_id   TEXT,
  email         TEXT,
  phone         TEXT,
  received_at   INTEGER NOT NULL,
  channel       TEXT,
  subject       TEXT,
  message       TEXT,
  kind          TEXT,              -- as imported; NULL/empty: inferred by the policies
  inferred_kind TEXT,              -- the classify stage's answer ...
  inferred_by   TEXT,              -- ... under this policy version
  first_reply_at INTEGER,
  status        TEXT,
  lang          TEXT,
  row_hash      INTEGER NOT NULL,
  import_id     INTEGER
);
CREATE INDEX complaints_customer ON complaints(customer, received_at);
CREATE INDEX complaints_order ON complaints(order_id);
CREATE INDEX complaints_received ON complaints(received_at);
CREATE INDEX complaints_open ON complaints(complaint_id)
  WHERE status IS NULL OR status NOT IN ('closed', 'resolved');

CREATE TABLE disputes (
  dispute_id TEXT PRIMARY KEY,
  order_id   TEXT,
  opened_at  INTEGER NOT NULL,
  amount     INTEGER,
  currency   TEXT,
  reason     TEXT,
  status     TEXT,
  due_by     INTEGER,
  row_hash   INTEGER NOT NULL,
  import_id  INTEGER
);
CREATE INDEX disputes_order ON disputes(order_id, opened_at);

CREATE TABLE reviews (
  review_id   TEXT PRIMARY KEY,
  order_id    TEXT,
  customer    INTEGER REFERENCES customers(id),  -- NULL: take the order's customer
  customer_id TEXT,
  email       TEXT,
  phone       TEXT,
  rating      INTEGER NOT NULL,
  text        TEXT,
  posted_at   INTEGER NOT NULL,
  platform    TEXT,
  row_hash    INTEGER NOT NULL,
  import_id   INTEGER
);
CREATE INDEX reviews_customer ON reviews(customer, posted_at);
CREATE INDEX reviews_order ON reviews(order_id);

-- Every decision ever made; never updated, only added to.
CREATE TABLE decisions (
  id             INTEGER PRIMARY KEY,
  complaint_id   TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  decided_at     INTEGER NOT NULL,   -- the run's clock (--now or the system clock)
  kind           TEXT,
  segment        TEXT,
  action         TEXT NOT NULL,
  rule           TEXT,               -- NULL when no rule matched
  priority       INTEGER,
  tags           TEXT,               -- ';'-joined
  reply_by       INTEGER,
  overdue        INTEGER NOT NULL,
  lang           TEXT,
  why            TEXT,
  evidence       TEXT,               -- JSON
  also_matched   TEXT                -- JSON array of rule ids
);
CREATE INDEX decisions_complaint ON decisions(complaint_id, policy_version);
CREATE INDEX decisions_version ON decisions(policy_version, complaint_id);
)sql",
      // 2: `run` reads each customer's orders for their facts (counts, LTV,
      // dates) from this index alone, without visiting the table row by row.
      R"sql(
DROP INDEX orders_customer;
CREATE INDEX orders_customer ON orders(customer, created_at, status, total, currency, refunded, order_id);
)sql",
      // 3: order_id is kept unique by an ordinary unique index instead of the
      // table's PRIMARY KEY, so that a first import into an empty table can
      // drop it and append rows to one B-tree only, building the index with one
      // sort at the end. Rowids, columns and the covering index stay as they were.
      // The table is written out again in full: SQLite cannot drop a primary
      // key in place, and a released migration is never edited.
      R"sql(
CREATE TABLE orders_v3 (
  order_id      TEXT NOT NULL,
  customer      INTEGER REFERENCES customers(id),
  customer_id   TEXT,
  email         TEXT,
  phone         TEXT,
  created_at    INTEGER NOT NULL,
  total         INTEGER NOT NULL,
  currency      TEXT NOT NULL,
  payment_method TEXT,
  status        TEXT,
  shipped_at    INTEGER,
  delivered_at  INTEGER,
  returned_at   INTEGER,
  return_reason TEXT,
  delivery_attempts INTEGER,
  refunded      INTEGER,
  items         INTEGER,
  ship_name     TEXT,
  ship_company  TEXT,
  ship_street   TEXT,
  ship_city     TEXT,
  ship_postcode TEXT,
  ship_country  TEXT,
  tags          TEXT,
  row_hash      INTEGER NOT NULL,   -- of the canonical fields: an unchanged row is not rewritten
  import_id     INTEGER
);
INSERT INTO orders_v3(rowid, order_id, customer, customer_id, email, phone, created_at, total, currency,
  payment_method, status, shipped_at, delivered_at, returned_at, return_reason, delivery_attempts, refunded,
  items, ship_name, ship_company, ship_street, ship_city, ship_postcode, ship_country, tags, row_hash, import_id)
SELECT rowid, order_id, customer, customer_id, email, phone, created_at, total, currency,
  payment_method, status, shipped_at, delivered_at, returned_at, return_reason, delivery_attempts, refunded,
  items, ship_name, ship_company, ship_street, ship_city, ship_postcode, ship_country, tags, row_hash, import_id
FROM orders;
DROP TABLE orders;
ALTER TABLE orders_v3 RENAME TO orders;
CREATE UNIQUE INDEX orders_order_id ON orders(order_id);
CREATE INDEX orders_customer ON orders(customer, created_at, status, total, currency, refunded, order_id);
)sql",
      // 4: `run` picks the complaints to decide, and reads a customer's earlier
      // complaints, from this index alone instead of the table with its message
      // text; it starts with complaints_customer's columns, which it replaces.
      R"sql(
DROP INDEX complaints_customer;
CREATE INDEX complaints_triage ON complaints(customer, received_at, status, kind, inferred_by, complaint_id, order_id);
)sql",
  };
  return steps;
}

int schema_version() { return static_cast<int>(migrations().size()); }

}  // namespace triage::store
