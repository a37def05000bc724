-- Before this migration the server created the table itself at start: keep such a table.
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea"
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "socket_io_attachments_created_idx" ON "socket_io_attachments" USING btree ("created_at");
