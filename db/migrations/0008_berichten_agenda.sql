CREATE TABLE "agendas" (
	"eigenaar" text PRIMARY KEY NOT NULL,
	"sleutel_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agendas_sleutel_hash_unique" UNIQUE("sleutel_hash")
);
--> statement-breakpoint
CREATE TABLE "berichten" (
	"id" text PRIMARY KEY NOT NULL,
	"soort" text NOT NULL,
	"aan" text NOT NULL,
	"onderwerp" text NOT NULL,
	"tekst" text NOT NULL,
	"html" text NOT NULL,
	"geheim" text,
	"afmeld_url" text,
	"gemeente_id" text,
	"hulpvraag_id" text,
	"sleutel" text,
	"status" text DEFAULT 'wachtend' NOT NULL,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"volgende_poging_op" timestamp with time zone DEFAULT now() NOT NULL,
	"laatste_fout" text,
	"verzonden_op" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "berichten_sleutel_unique" UNIQUE("sleutel")
);
--> statement-breakpoint
ALTER TABLE "aanbieders" ADD COLUMN "mailvoorkeur" text DEFAULT 'elk' NOT NULL;--> statement-breakpoint
CREATE INDEX "berichten_wachtend_idx" ON "berichten" USING btree ("status","volgende_poging_op");--> statement-breakpoint
CREATE INDEX "berichten_gemeente_idx" ON "berichten" USING btree ("gemeente_id","created_at");