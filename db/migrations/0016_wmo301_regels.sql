ALTER TABLE "regelboeken" ADD COLUMN "toewijzingnummer_van" integer DEFAULT 900000000 NOT NULL;--> statement-breakpoint
ALTER TABLE "regelboeken" ADD COLUMN "toewijzingnummer_tot" integer DEFAULT 999999999 NOT NULL;--> statement-breakpoint
ALTER TABLE "regelboeken" ADD COLUMN "toewijzingnummer_laatste" integer;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "geslacht" text DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "voorletters" text;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "voorvoegsel" text;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "achternaam" text;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "huisletter" text;--> statement-breakpoint
ALTER TABLE "clienten" ADD COLUMN "huisnummertoevoeging" text;