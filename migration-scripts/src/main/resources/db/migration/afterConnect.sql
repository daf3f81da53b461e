-- Flyway callback, run on every connection Flyway opens: a migration waiting for a table lock
-- fails after ${lockTimeout} instead of queueing every other query behind its lock request.
SET lock_timeout = '${lockTimeout}';
