CREATE TABLE "iwmo_berichten" (
	"id" text PRIMARY KEY NOT NULL,
	"toewijzing_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"soort" text NOT NULL,
	"richting" text NOT NULL,
	"bericht_identificatie" text NOT NULL,
	"dagtekening" date NOT NULL,
	"antwoord_op" text,
	"retourcodes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"xml" text NOT NULL,
	"door" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "iwmo_status" text DEFAULT 'nieuw' NOT NULL;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "zorg_gestart_op" date;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "zorg_gestopt_op" date;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "stop_reden" text;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "beschikking_nummer" text;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "beschikking_datum" date;--> statement-breakpoint
ALTER TABLE "iwmo_berichten" ADD CONSTRAINT "iwmo_berichten_toewijzing_id_toewijzingen_id_fk" FOREIGN KEY ("toewijzing_id") REFERENCES "public"."toewijzingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iwmo_berichten" ADD CONSTRAINT "iwmo_berichten_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iwmo_berichten" ADD CONSTRAINT "iwmo_berichten_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iwmo_berichten" ADD CONSTRAINT "iwmo_berichten_door_gebruikers_id_fk" FOREIGN KEY ("door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iwmo_berichten_toewijzing_idx" ON "iwmo_berichten" USING btree ("toewijzing_id","created_at");--> statement-breakpoint
CREATE INDEX "iwmo_berichten_identificatie_idx" ON "iwmo_berichten" USING btree ("gemeente_id","bericht_identificatie");