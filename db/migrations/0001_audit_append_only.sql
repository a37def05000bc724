-- The audit trail is append-only for everyone, the application included.
CREATE OR REPLACE FUNCTION audit_log_weiger_wijziging() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_geen_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_weiger_wijziging();
--> statement-breakpoint
CREATE TRIGGER audit_log_geen_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_weiger_wijziging();
