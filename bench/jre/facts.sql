-- The facts of every complaint, as PRODUCT.md §5 defines them (and as
-- src/facts/builder.cpp builds them), computed set-wise for the
-- json-rules-engine reference: `sqlite3 -json triage.db < facts.sql`.
-- Run it after `triage run --all`, so that every complaint's inferred kind is
-- stored (customer.compensation_requests counts earlier complaints by kind).
-- Only the facts the default pack reads are computed. Not timed by the bench.

-- Each complaint's customer: its own, else its order's.
CREATE TEMP TABLE cx AS
SELECT c.rowid AS rid,
       COALESCE(c.customer, (SELECT o.customer FROM orders o
                             WHERE o.order_id IN (c.order_id, ltrim(c.order_id, '#'), '#' || c.order_id)
                               AND o.customer IS NOT NULL LIMIT 1)) AS cust,
       c.received_at AS at,
       CASE WHEN COALESCE(c.kind, '') <> '' THEN c.kind ELSE c.inferred_kind END AS known_kind,
       (SELECT o.rowid FROM orders o
        WHERE o.order_id IN (c.order_id, ltrim(c.order_id, '#'), '#' || ltrim(c.order_id, '#'))
        LIMIT 1) AS order_rid
FROM complaints c;
CREATE INDEX temp.cx_cust ON cx(cust, at);

-- Each review's customer, likewise.
CREATE TEMP TABLE rx AS
SELECT COALESCE(r.customer, (SELECT o.customer FROM orders o
                             WHERE o.order_id IN (r.order_id, ltrim(r.order_id, '#'), '#' || r.order_id)
                               AND o.customer IS NOT NULL LIMIT 1)) AS cust,
       r.posted_at AS at, r.rating AS rating
FROM reviews r;
CREATE INDEX temp.rx_cust ON rx(cust, at);

-- The customer's orders known when the complaint was received.
CREATE TEMP TABLE ox AS
SELECT cx.rid AS rid,
       sum(COALESCE(o.status, '') <> 'cancelled') AS orders,
       sum(o.status = 'returned') AS returns,
       sum(o.status = 'refused') AS refused,
       sum(COALESCE(o.status, '') NOT IN ('cancelled', 'pending')) AS settled,
       sum(CASE WHEN o.status IN ('shipped', 'delivered', 'lost') AND COALESCE(o.currency, '') IN ('', 'PLN')
                THEN o.total - COALESCE(o.refunded, 0) ELSE 0 END) / 100.0 AS ltv
FROM cx JOIN orders o ON o.customer = cx.cust AND o.created_at <= cx.at
GROUP BY cx.rid;

-- Earlier complaints of the same customer.
CREATE TEMP TABLE kx AS
SELECT cx.rid AS rid, count(*) AS complaints, sum(e.known_kind = 'compensation') AS compensation
FROM cx JOIN cx e ON e.cust = cx.cust AND e.at < cx.at
GROUP BY cx.rid;

-- Reviews posted before the complaint: the count of 1-2 stars and the latest rating.
CREATE TEMP TABLE vx AS
SELECT cx.rid AS rid,
       sum(v.rating BETWEEN 1 AND 2) AS negative,
       (SELECT v2.rating FROM rx v2 WHERE v2.cust = cx.cust AND v2.at <= cx.at
        ORDER BY v2.at DESC LIMIT 1) AS rating
FROM cx JOIN rx v ON v.cust = cx.cust AND v.at <= cx.at
GROUP BY cx.rid;

SELECT c.complaint_id AS id,
       NULLIF(c.kind, '') AS kind,
       CASE WHEN COALESCE(c.subject, '') = '' THEN NULLIF(c.message, '')
            WHEN COALESCE(c.message, '') = '' THEN c.subject
            ELSE c.subject || char(10) || c.message END AS text,
       o.order_id AS order_id,
       NULLIF(o.status, '') AS order_status,
       NULLIF(o.payment_method, '') AS order_payment,
       CASE WHEN COALESCE(o.currency, '') IN ('', 'PLN') THEN o.total / 100.0 END AS order_total,
       o.items AS order_items,
       o.delivery_attempts AS order_delivery_attempts,
       CASE WHEN o.shipped_at <= c.received_at THEN c.received_at - o.shipped_at END AS order_since_shipped,
       CASE WHEN o.delivered_at <= c.received_at THEN c.received_at - o.delivered_at END AS order_since_delivered,
       CASE WHEN o.order_id IS NOT NULL THEN trim(COALESCE(o.ship_company, '')) <> '' END AS order_business,
       CASE WHEN COALESCE(o.currency, '') IN ('', 'PLN') THEN o.refunded / 100.0 END AS order_refunded,
       CASE WHEN o.order_id IS NOT NULL
            THEN COALESCE(o.status, '') = 'returned' OR COALESCE(o.returned_at <= c.received_at, 0) END AS order_returned,
       o.tags AS order_tags,
       cx.cust AS customer,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(ox.orders, 0) END AS customer_orders,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(ox.returns, 0) END AS customer_returns,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(ox.refused, 0) END AS customer_refused,
       CASE WHEN ox.settled > 0 THEN 1.0 * ox.returns / ox.settled END AS customer_return_rate,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(ox.ltv, 0) END AS customer_ltv,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(kx.complaints, 0) END AS customer_complaints,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(kx.compensation, 0) END AS customer_compensation_requests,
       CASE WHEN cx.cust IS NOT NULL THEN COALESCE(vx.negative, 0) END AS customer_negative_reviews,
       CASE WHEN cx.cust IS NOT NULL THEN vx.rating END AS review_rating,
       -- The dispute: the order's latest, else (no order) the customer's latest open one.
       (SELECT d.status IN ('needs_response', 'under_review', 'warning_needs_response', 'warning_under_review')
        FROM disputes d
        WHERE o.order_id IS NOT NULL AND d.order_id IN (o.order_id, '#' || o.order_id)
          AND d.opened_at <= c.received_at
        ORDER BY d.opened_at DESC, d.dispute_id DESC LIMIT 1) AS order_dispute_open,
       (SELECT 1 FROM orders o2 JOIN disputes d ON d.order_id IN (o2.order_id, '#' || o2.order_id)
        WHERE o.order_id IS NULL AND o2.customer = cx.cust AND d.opened_at <= c.received_at
          AND d.status IN ('needs_response', 'under_review', 'warning_needs_response', 'warning_under_review')
        LIMIT 1) AS customer_dispute_open
FROM complaints c
JOIN cx ON cx.rid = c.rowid
LEFT JOIN orders o ON o.rowid = cx.order_rid AND o.created_at <= c.received_at
LEFT JOIN ox ON ox.rid = c.rowid
LEFT JOIN kx ON kx.rid = c.rowid
LEFT JOIN vx ON vx.rid = c.rowid
ORDER BY c.rowid;
