CREATE TABLE "collectieve_overnames" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"van_aanbieder_id" text NOT NULL,
	"naar_aanbieder_id" text NOT NULL,
	"aantal_medewerkers" integer NOT NULL,
	"voorwaarden" text NOT NULL,
	"datum" date NOT NULL,
	"vastgelegd_door" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personeelsbestanden" (
	"aanbieder_id" text NOT NULL,
	"jaar" integer NOT NULL,
	"koppen" integer NOT NULL,
	"fte" numeric(8, 1) NOT NULL,
	"bijgewerkt_door" text NOT NULL,
	"bijgewerkt_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personeelsbestanden_aanbieder_id_jaar_pk" PRIMARY KEY("aanbieder_id","jaar")
);
--> statement-breakpoint
ALTER TABLE "aanbiedingen" ADD COLUMN "overname_aantal" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD COLUMN "aantal_medewerkers" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD COLUMN "opvolging" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD COLUMN "opvolging_notitie" text;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD COLUMN "opvolging_door" text;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD COLUMN "opvolging_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "collectieve_overnames" ADD CONSTRAINT "collectieve_overnames_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectieve_overnames" ADD CONSTRAINT "collectieve_overnames_van_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("van_aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectieve_overnames" ADD CONSTRAINT "collectieve_overnames_naar_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("naar_aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personeelsbestanden" ADD CONSTRAINT "personeelsbestanden_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collectieve_overnames_van_idx" ON "collectieve_overnames" USING btree ("van_aanbieder_id");--> statement-breakpoint
CREATE INDEX "collectieve_overnames_naar_idx" ON "collectieve_overnames" USING btree ("naar_aanbieder_id");