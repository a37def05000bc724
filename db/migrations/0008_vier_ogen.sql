ALTER TABLE "keuzes" ADD COLUMN "bevestigd_door" text;--> statement-breakpoint
ALTER TABLE "keuzes" ADD COLUMN "bevestigd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "tweede_beoordelaar" text;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_tweede_beoordelaar_gebruikers_id_fk" FOREIGN KEY ("tweede_beoordelaar") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;