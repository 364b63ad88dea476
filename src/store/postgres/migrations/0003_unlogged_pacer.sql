-- The pacer's one row is rewritten for every request the fleet sends. Logged, each reservation's commit waited
-- for a disk flush while holding the row, so a store busy writing (articles arriving, a vacuum) could hold
-- every process's next request behind it. Nothing in it is worth keeping through a crash: the next request
-- starts a new pace.
ALTER TABLE request_pacer SET UNLOGGED;
