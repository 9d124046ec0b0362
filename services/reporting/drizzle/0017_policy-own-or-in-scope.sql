ALTER POLICY "own_or_department" ON "reporting"."monthly_reports" RENAME TO "own_or_in_scope";
