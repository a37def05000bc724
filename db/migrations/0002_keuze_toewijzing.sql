CREATE SEQUENCE "public"."toewijzing_nummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999 START WITH 1000 CACHE 1;--> statement-breakpoint
ALTER TABLE "keuzes" ADD COLUMN "client_afwezig_reden" text;--> statement-breakpoint
ALTER TABLE "toewijzingen" ADD COLUMN "inhoud" jsonb NOT NULL;