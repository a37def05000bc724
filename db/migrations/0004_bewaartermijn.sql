ALTER TABLE "regelboeken" ADD COLUMN "bewaartermijn_maanden" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "gepseudonimiseerd_op" timestamp with time zone;