-- Flyway callback, run on every connection Flyway opens: a migration waiting for a lock fails
-- after ${lockTimeout} instead of queueing every other query behind its lock request, and a
-- runaway statement is cancelled after ${statementTimeout} (both set by InvoiceMigrations.Builder).
SET lock_timeout = '${lockTimeout}';
SET statement_timeout = '${statementTimeout}';
