-- Undo of V18 client search trigrams: drops the trigger on clients, the windows' table and V18's
-- functions.
--
-- Locks:   DROP TRIGGER takes ACCESS EXCLUSIVE on clients for an instant, DROP TABLE on
--          client_search_trigrams; lock_timeout bounds each wait. Every statement can run again.
-- Hazard:  from here on this release's client search fails (its table is gone): run the release
--          before V18 with it, whose search reads clients alone.
-- Dropping what the migration created is what an undo is for (squawk keeps the rule for db/migration).
-- squawk-ignore-file ban-drop-table

DROP TRIGGER IF EXISTS clients_search_trigrams ON clients;
DROP FUNCTION IF EXISTS public.keep_client_search_trigrams();
DROP PROCEDURE IF EXISTS public.backfill_client_search_trigrams(integer);
DROP TABLE IF EXISTS public.client_search_trigrams;
DROP FUNCTION IF EXISTS public.search_windows(text);
