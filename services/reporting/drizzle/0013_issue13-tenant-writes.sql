CREATE POLICY "checkin_inserts" ON "reporting"."checkins" AS RESTRICTIVE FOR INSERT TO public WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
-- The destination county updates a check-in (accept, return, refuse) from its own
-- transaction: the policies let either county update the row, so this keeps the row's two
-- counties as they were created; neither side can move a check-in to a third county.
CREATE FUNCTION "reporting"."checkin_tenants_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.dest_tenant_id IS DISTINCT FROM OLD.dest_tenant_id THEN
    RAISE EXCEPTION 'a check-in keeps its member''s and its destination''s county' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "checkin_tenants_fixed" BEFORE UPDATE ON "reporting"."checkins"
  FOR EACH ROW EXECUTE FUNCTION "reporting"."checkin_tenants_fixed"();
