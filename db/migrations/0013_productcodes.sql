CREATE TABLE "productcode_tarieven" (
	"id" text PRIMARY KEY NOT NULL,
	"productcode_id" text NOT NULL,
	"tarief_per_eenheid_cent" integer NOT NULL,
	"geldig_vanaf" date NOT NULL,
	"reden" text NOT NULL,
	"vastgesteld_door" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "productcodes" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"code" text NOT NULL,
	"productcategorie" text NOT NULL,
	"omschrijving" text NOT NULL,
	"uitvoeringsvariant" text NOT NULL,
	"eenheid" text NOT NULL,
	"frequentie" text NOT NULL,
	"actief" boolean DEFAULT true NOT NULL,
	"aangemaakt_door" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contracten" ADD COLUMN "productcodes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "productcode_tarieven" ADD CONSTRAINT "productcode_tarieven_productcode_id_productcodes_id_fk" FOREIGN KEY ("productcode_id") REFERENCES "public"."productcodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productcode_tarieven" ADD CONSTRAINT "productcode_tarieven_vastgesteld_door_gebruikers_id_fk" FOREIGN KEY ("vastgesteld_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productcodes" ADD CONSTRAINT "productcodes_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productcodes" ADD CONSTRAINT "productcodes_aangemaakt_door_gebruikers_id_fk" FOREIGN KEY ("aangemaakt_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "productcode_tarieven_lookup_idx" ON "productcode_tarieven" USING btree ("productcode_id","geldig_vanaf");--> statement-breakpoint
CREATE UNIQUE INDEX "productcodes_gemeente_code_idx" ON "productcodes" USING btree ("gemeente_id","code");