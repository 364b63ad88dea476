-- The pacer's one row is rewritten for every request the fleet sends. Logged, each reservation's commit waited
-- for a disk flush while holding the row, and a store busy writing (a month of articles arriving, a vacuum)
-- made every process queue behind it. Nothing in it outlives a crash usefully: the next request starts a new pace.
ALTER TABLE request_pacer SET UNLOGGED;
