CREATE TABLE "aanbieder_uitnodigingen" (
	"id" text PRIMARY KEY NOT NULL,
	"aanbieder_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"geldig_tot" timestamp with time zone NOT NULL,
	"aangemaakt_door" text NOT NULL,
	"gebruikt_op" timestamp with time zone,
	"gebruiker_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aanbieder_uitnodigingen_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "limieten" (
	"sleutel" text PRIMARY KEY NOT NULL,
	"punten" integer NOT NULL,
	"verloopt" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "aanbieder_uitnodigingen" ADD CONSTRAINT "aanbieder_uitnodigingen_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbieder_uitnodigingen" ADD CONSTRAINT "aanbieder_uitnodigingen_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbieder_uitnodigingen" ADD CONSTRAINT "aanbieder_uitnodigingen_aangemaakt_door_gebruikers_id_fk" FOREIGN KEY ("aangemaakt_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbieder_uitnodigingen" ADD CONSTRAINT "aanbieder_uitnodigingen_gebruiker_id_gebruikers_id_fk" FOREIGN KEY ("gebruiker_id") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;