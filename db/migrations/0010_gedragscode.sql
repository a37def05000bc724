CREATE TABLE "gedragscode_acceptaties" (
	"aanbieder_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"versie" integer NOT NULL,
	"geaccepteerd_door" text NOT NULL,
	"geaccepteerd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gedragscode_acceptaties_aanbieder_id_gemeente_id_versie_pk" PRIMARY KEY("aanbieder_id","gemeente_id","versie")
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
ALTER TABLE "gedragscode_acceptaties" ADD CONSTRAINT "gedragscode_acceptaties_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gedragscodes" ADD CONSTRAINT "gedragscodes_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;