ALTER TABLE "contracten" ADD COLUMN "geregistreerd_op" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "gebruikers" ADD COLUMN "personeelsnummer" text;