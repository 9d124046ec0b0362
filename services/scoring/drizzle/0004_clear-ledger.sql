-- Before issue 7 nothing wrote points (the ledger held test rows only), and its entries now
-- need a kind, a period and a source. TRUNCATE, not DELETE: forced row-level security would
-- hide every row from the owner's DELETE on a server where the owner is not a superuser.
TRUNCATE "scoring"."points_ledger";
