CREATE TABLE "aanbieders" (
	"id" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"slug" text NOT NULL,
	"kvk" text NOT NULL,
	"agb" text NOT NULL,
	"soort" text DEFAULT 'overig' NOT NULL,
	"clientenaantal" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aanbieders_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "consortia" (
	"id" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"penvoerder_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consortium_leden" (
	"consortium_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	CONSTRAINT "consortium_leden_consortium_id_aanbieder_id_pk" PRIMARY KEY("consortium_id","aanbieder_id")
);
--> statement-breakpoint
CREATE TABLE "contracten" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"productcategorieen" text[] NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date NOT NULL,
	"gegund_op" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gemeenten" (
	"id" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "gemeenten_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "regelboeken" (
	"gemeente_id" text PRIMARY KEY NOT NULL,
	"min_contract_maanden" integer DEFAULT 36 NOT NULL,
	"gunning_voor_start_maanden" integer DEFAULT 3 NOT NULL,
	"personeelsmutatie_plafond_procent" integer DEFAULT 10 NOT NULL,
	"zzp_toegestaan" boolean DEFAULT false NOT NULL,
	"deadline_spoed_uren" integer DEFAULT 48 NOT NULL,
	"deadline_regulier_werkdagen" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tarieven" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"productcategorie" text NOT NULL,
	"prijs_per_maand_cent" integer NOT NULL,
	"prijs_per_uur_cent" integer,
	"geldig_vanaf" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gebruikers" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"rol" text NOT NULL,
	"gemeente_id" text,
	"aanbieder_id" text,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gebruikers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "pogingen" (
	"sleutel" text PRIMARY KEY NOT NULL,
	"aantal" integer DEFAULT 0 NOT NULL,
	"venster_start" timestamp with time zone DEFAULT now() NOT NULL,
	"geblokkeerd_tot" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessies" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"soort" text DEFAULT 'web' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aanbieding_versies" (
	"aanbieding_id" text NOT NULL,
	"versie" integer NOT NULL,
	"inhoud" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aanbieding_versies_aanbieding_id_versie_pk" PRIMARY KEY("aanbieding_id","versie")
);
--> statement-breakpoint
CREATE TABLE "aanbiedingen" (
	"id" text PRIMARY KEY NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"consortium_id" text,
	"status" text DEFAULT 'ingediend' NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date NOT NULL,
	"cao" text NOT NULL,
	"dienstverband" text NOT NULL,
	"overname_hulpverlener" boolean DEFAULT false NOT NULL,
	"samenvatting" text NOT NULL,
	"componenten" jsonb NOT NULL,
	"prijs_per_maand_cent" integer NOT NULL,
	"uitkomst_motivatie" text,
	"ingediend_door" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_sessies" (
	"id" text PRIMARY KEY NOT NULL,
	"uitnodiging_id" text NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clienten" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"naam" text NOT NULL,
	"bsn" text NOT NULL,
	"straat" text NOT NULL,
	"huisnummer" text NOT NULL,
	"postcode" text NOT NULL,
	"woonplaats" text NOT NULL,
	"geboortedatum" date NOT NULL,
	"telefoon" text,
	"email" text,
	"aangemaakt_door" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "herinneringen" (
	"hulpvraag_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "herinneringen_hulpvraag_id_aanbieder_id_pk" PRIMARY KEY("hulpvraag_id","aanbieder_id")
);
--> statement-breakpoint
CREATE TABLE "hulpvragen" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text NOT NULL,
	"client_id" text NOT NULL,
	"consulent_id" text NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"regio" text NOT NULL,
	"leeftijdsklasse" text NOT NULL,
	"huishouden" text NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	"resultaten" jsonb NOT NULL,
	"productcategorieen" text[] NOT NULL,
	"wensen" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"startdatum" date NOT NULL,
	"duur_maanden" integer NOT NULL,
	"budget_per_maand_cent" integer,
	"huidige_zorg" jsonb,
	"urgentie" text DEFAULT 'regulier' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"deadline_gekozen" boolean DEFAULT false NOT NULL,
	"gepubliceerd_op" timestamp with time zone,
	"intrekkingsreden" text,
	"vorige_ronde_id" text,
	"ronde" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keuzes" (
	"hulpvraag_id" text NOT NULL,
	"partij" text NOT NULL,
	"aanbieding_id" text,
	"motivatie" text,
	"opmerking" text,
	"gekozen_door" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "keuzes_hulpvraag_id_partij_pk" PRIMARY KEY("hulpvraag_id","partij")
);
--> statement-breakpoint
CREATE TABLE "personeelsovernames" (
	"id" text PRIMARY KEY NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"van_aanbieder_id" text NOT NULL,
	"naar_aanbieder_id" text NOT NULL,
	"hulpverlener_rol" text NOT NULL,
	"cao" text NOT NULL,
	"datum" date NOT NULL,
	"toegezegd" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toewijzingen" (
	"id" text PRIMARY KEY NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"aanbieding_id" text NOT NULL,
	"gemeente_id" text NOT NULL,
	"aanbieder_id" text NOT NULL,
	"motivatie" text,
	"client_afwezig_reden" text,
	"toegewezen_door" text NOT NULL,
	"toegewezen_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toewijzingen_hulpvraag_id_unique" UNIQUE("hulpvraag_id")
);
--> statement-breakpoint
CREATE TABLE "uitnodigingen" (
	"id" text PRIMARY KEY NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"vertegenwoordiger" text,
	"geldig_tot" timestamp with time zone NOT NULL,
	"ingetrokken_op" timestamp with time zone,
	"aangemaakt_door" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uitnodigingen_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "weigeringen" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_id" text,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"actie" text NOT NULL,
	"entiteit" text NOT NULL,
	"entiteit_id" text NOT NULL,
	"gemeente_id" text,
	"hulpvraag_id" text,
	"voor" jsonb,
	"na" jsonb,
	"vorige_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feeds" (
	"feed" text PRIMARY KEY NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"feed" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_events_feed_seq_pk" PRIMARY KEY("feed","seq")
);
--> statement-breakpoint
ALTER TABLE "consortia" ADD CONSTRAINT "consortia_penvoerder_id_aanbieders_id_fk" FOREIGN KEY ("penvoerder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_leden" ADD CONSTRAINT "consortium_leden_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_leden" ADD CONSTRAINT "consortium_leden_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracten" ADD CONSTRAINT "contracten_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracten" ADD CONSTRAINT "contracten_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regelboeken" ADD CONSTRAINT "regelboeken_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tarieven" ADD CONSTRAINT "tarieven_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruikers" ADD CONSTRAINT "gebruikers_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruikers" ADD CONSTRAINT "gebruikers_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessies" ADD CONSTRAINT "sessies_user_id_gebruikers_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbieding_versies" ADD CONSTRAINT "aanbieding_versies_aanbieding_id_aanbiedingen_id_fk" FOREIGN KEY ("aanbieding_id") REFERENCES "public"."aanbiedingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbiedingen" ADD CONSTRAINT "aanbiedingen_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbiedingen" ADD CONSTRAINT "aanbiedingen_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbiedingen" ADD CONSTRAINT "aanbiedingen_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanbiedingen" ADD CONSTRAINT "aanbiedingen_ingediend_door_gebruikers_id_fk" FOREIGN KEY ("ingediend_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_sessies" ADD CONSTRAINT "client_sessies_uitnodiging_id_uitnodigingen_id_fk" FOREIGN KEY ("uitnodiging_id") REFERENCES "public"."uitnodigingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_sessies" ADD CONSTRAINT "client_sessies_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clienten" ADD CONSTRAINT "clienten_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clienten" ADD CONSTRAINT "clienten_aangemaakt_door_gebruikers_id_fk" FOREIGN KEY ("aangemaakt_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herinneringen" ADD CONSTRAINT "herinneringen_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herinneringen" ADD CONSTRAINT "herinneringen_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hulpvragen" ADD CONSTRAINT "hulpvragen_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hulpvragen" ADD CONSTRAINT "hulpvragen_client_id_clienten_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clienten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hulpvragen" ADD CONSTRAINT "hulpvragen_consulent_id_gebruikers_id_fk" FOREIGN KEY ("consulent_id") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keuzes" ADD CONSTRAINT "keuzes_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keuzes" ADD CONSTRAINT "keuzes_aanbieding_id_aanbiedingen_id_fk" FOREIGN KEY ("aanbieding_id") REFERENCES "public"."aanbiedingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD CONSTRAINT "personeelsovernames_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD CONSTRAINT "personeelsovernames_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD CONSTRAINT "personeelsovernames_van_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("van_aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personeelsovernames" ADD CONSTRAINT "personeelsovernames_naar_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("naar_aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_aanbieding_id_aanbiedingen_id_fk" FOREIGN KEY ("aanbieding_id") REFERENCES "public"."aanbiedingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_gemeente_id_gemeenten_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeenten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_aanbieder_id_aanbieders_id_fk" FOREIGN KEY ("aanbieder_id") REFERENCES "public"."aanbieders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD CONSTRAINT "toewijzingen_toegewezen_door_gebruikers_id_fk" FOREIGN KEY ("toegewezen_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitnodigingen" ADD CONSTRAINT "uitnodigingen_hulpvraag_id_hulpvragen_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "public"."hulpvragen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitnodigingen" ADD CONSTRAINT "uitnodigingen_aangemaakt_door_gebruikers_id_fk" FOREIGN KEY ("aangemaakt_door") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consortium_leden_aanbieder_idx" ON "consortium_leden" USING btree ("aanbieder_id");--> statement-breakpoint
CREATE INDEX "contracten_aanbieder_idx" ON "contracten" USING btree ("aanbieder_id","gemeente_id");--> statement-breakpoint
CREATE INDEX "tarieven_lookup_idx" ON "tarieven" USING btree ("gemeente_id","productcategorie","geldig_vanaf");--> statement-breakpoint
CREATE INDEX "sessies_user_idx" ON "sessies" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aanbiedingen_een_per_bieder" ON "aanbiedingen" USING btree ("hulpvraag_id","aanbieder_id",coalesce("consortium_id", ''));--> statement-breakpoint
CREATE INDEX "aanbiedingen_aanbieder_idx" ON "aanbiedingen" USING btree ("aanbieder_id","created_at");--> statement-breakpoint
CREATE INDEX "clienten_gemeente_idx" ON "clienten" USING btree ("gemeente_id");--> statement-breakpoint
CREATE INDEX "hulpvragen_gemeente_status_idx" ON "hulpvragen" USING btree ("gemeente_id","status","created_at");--> statement-breakpoint
CREATE INDEX "hulpvragen_open_deadline_idx" ON "hulpvragen" USING btree ("deadline") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "hulpvragen_categorie_idx" ON "hulpvragen" USING gin ("productcategorieen");--> statement-breakpoint
CREATE INDEX "personeelsovernames_van_idx" ON "personeelsovernames" USING btree ("van_aanbieder_id","datum");--> statement-breakpoint
CREATE INDEX "uitnodigingen_hulpvraag_idx" ON "uitnodigingen" USING btree ("hulpvraag_id");--> statement-breakpoint
CREATE INDEX "weigeringen_gemeente_idx" ON "weigeringen" USING btree ("gemeente_id","code");--> statement-breakpoint
CREATE INDEX "audit_hulpvraag_idx" ON "audit_log" USING btree ("hulpvraag_id","id");--> statement-breakpoint
CREATE INDEX "audit_gemeente_idx" ON "audit_log" USING btree ("gemeente_id","id");--> statement-breakpoint
CREATE INDEX "live_events_created_idx" ON "live_events" USING btree ("created_at");