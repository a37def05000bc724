CREATE TABLE "gedragscode_meldingen" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"versie" integer NOT NULL,
	"omschrijving" text NOT NULL,
	"gemeld_door" text NOT NULL,
	"gemeld_op" timestamp with time zone DEFAULT now() NOT NULL,
	"reactie" text,
	"reactie_door" text,
	"reactie_op" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "gedragscode_meldingen" ADD CONSTRAINT "gedragscode_meldingen_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gedragscode_meldingen" ADD CONSTRAINT "gedragscode_meldingen_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gedragscode_meldingen_aanbieder_idx" ON "gedragscode_meldingen" USING btree ("aanbieder_id");