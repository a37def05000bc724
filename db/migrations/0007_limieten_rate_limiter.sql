CREATE TABLE "limieten" (
	"sleutel" text PRIMARY KEY NOT NULL,
	"punten" integer NOT NULL,
	"verloopt" timestamp with time zone
);
