CREATE TABLE "agendas" (
	"eigenaar" text PRIMARY KEY NOT NULL,
	"sleutel_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agendas_sleutel_hash_unique" UNIQUE("sleutel_hash")
);
