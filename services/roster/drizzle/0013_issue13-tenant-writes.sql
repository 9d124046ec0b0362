CREATE POLICY "transfer_inserts" ON "roster"."transfers" AS RESTRICTIVE FOR INSERT TO public WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
-- The receiving county decides a transfer from its own transaction: the policies let either
-- county update the row, so this keeps the row's two counties as they were created; neither
-- side can move a transfer to a third county.
CREATE FUNCTION "roster"."transfer_tenants_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.to_tenant_id IS DISTINCT FROM OLD.to_tenant_id THEN
    RAISE EXCEPTION 'a transfer keeps its origin''s and its receiver''s county' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "transfer_tenants_fixed" BEFORE UPDATE ON "roster"."transfers"
  FOR EACH ROW EXECUTE FUNCTION "roster"."transfer_tenants_fixed"();
