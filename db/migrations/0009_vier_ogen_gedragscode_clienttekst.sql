CREATE TABLE "gedragscode_acceptaties" (
	"aanbieder_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"versie" integer NOT NULL,
	"geaccepteerd_door" text NOT NULL,
	"geaccepteerd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gedragscode_acceptaties_aanbieder_id_gemeente_id_versie_pk" PRIMARY KEY("aanbieder_id","gemeente_id","versie")
);
--> statement-breakpoint
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
CREATE TABLE "gedragscodes" (
	"gemeente_id" text NOT NULL,
	"versie" integer NOT NULL,
	"tekst" text NOT NULL,
	"gepubliceerd_door" text NOT NULL,
	"gepubliceerd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gedragscodes_gemeente_id_versie_pk" PRIMARY KEY("gemeente_id","versie")
);
--> statement-breakpoint
ALTER TABLE "contracten" ADD COLUMN "geregistreerd_op" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "gebruikers" ADD COLUMN "personeelsnummer" text;--> statement-breakpoint
ALTER TABLE "hulpvragen" ADD COLUMN "client_tekst" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "keuzes" ADD COLUMN "bevestigd_door" text;--> statement-breakpoint
ALTER TABLE "keuzes" ADD COLUMN "bevestigd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "tweede_beoordelaar" text;--> statement-breakpoint
ALTER TABLE "gedragscode_acceptaties" ADD CONSTRAINT "gedragscode_acceptaties_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gedragscode_meldingen" ADD CONSTRAINT "gedragscode_meldingen_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gedragscode_meldingen" ADD CONSTRAINT "gedragscode_meldingen_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gedragscodes" ADD CONSTRAINT "gedragscodes_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gedragscode_meldingen_aanbieder_idx" ON "gedragscode_meldingen" USING btree ("aanbieder_id");--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_tweede_beoordelaar_gebruikers_id_fk" FOREIGN KEY ("tweede_beoordelaar") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;