CREATE TABLE "resultaatchecks" (
	"id" text PRIMARY KEY NOT NULL,
	"toewijzing_id" text NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"maanden" integer NOT NULL,
	"peildatum" date NOT NULL,
	"uitnodiging_id" text,
	"per_email" boolean DEFAULT false NOT NULL,
	"code_versleuteld" text,
	"client_beantwoord_op" timestamp with time zone,
	"consulent_beoordeeld_op" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resultaatchecks_een_per_moment" UNIQUE("toewijzing_id","maanden")
);
--> statement-breakpoint
CREATE TABLE "resultaatoordelen" (
	"check_id" text NOT NULL,
	"partij" text NOT NULL,
	"resultaat_code" text NOT NULL,
	"oordeel" text NOT NULL,
	"cijfer" integer NOT NULL,
	"toelichting" text,
	"door" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resultaatoordelen_check_id_partij_resultaat_code_pk" PRIMARY KEY("check_id","partij","resultaat_code")
);
--> statement-breakpoint
ALTER TABLE "regelboeken" ADD COLUMN "resultaatcheck_maanden" integer[] DEFAULT '{3,12}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "resultaatchecks" ADD CONSTRAINT "resultaatchecks_toewijzing_id_toewijzingen_id_fk" FOREIGN KEY ("toewijzing_id") REFERENCES "public"."toewijzingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resultaatchecks" ADD CONSTRAINT "resultaatchecks_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resultaatchecks" ADD CONSTRAINT "resultaatchecks_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resultaatchecks" ADD CONSTRAINT "resultaatchecks_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resultaatchecks" ADD CONSTRAINT "resultaatchecks_uitnodiging_id_uitnodigingen_id_fk" FOREIGN KEY ("uitnodiging_id") REFERENCES "public"."uitnodigingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resultaatoordelen" ADD CONSTRAINT "resultaatoordelen_check_id_resultaatchecks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."resultaatchecks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resultaatoordelen" ADD CONSTRAINT "resultaatoordelen_door_gebruikers_id_fk" FOREIGN KEY ("door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resultaatchecks_aanbieder_idx" ON "resultaatchecks" USING btree ("aanbieder_id");--> statement-breakpoint
CREATE INDEX "resultaatchecks_gemeente_idx" ON "resultaatchecks" USING btree ("gemeente_id","created_at");