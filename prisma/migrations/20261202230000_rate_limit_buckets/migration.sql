-- One rate-limit budget per caller across every server instance (README: "Scale-out"). Each instance
-- spends from its own view of a bucket and, every sync, adds what it spent here in one statement and
-- reads the pooled balance back. UNLOGGED: counters need no crash safety or replication (a restart
-- empties the table, which gives everyone a full bucket), and skipping the WAL keeps syncs cheap.
CREATE UNLOGGED TABLE "rate_limit_bucket" (
  "identity" TEXT PRIMARY KEY,
  "tokens" DOUBLE PRECISION NOT NULL,
  -- Milliseconds since the epoch, by the database's clock: the one clock every instance shares.
  "updated_ms" DOUBLE PRECISION NOT NULL
);
