-- Finger templates move from JSON to bytea (one ISO/IEC 19794-2:2005 record per finger, see
-- schema/template-column.ts). Only synthetic development data existed in JSON form; its template
-- sets become empty rather than being converted.
ALTER TABLE "person_prints" ALTER COLUMN "templates" SET DATA TYPE bytea USING ''::bytea;--> statement-breakpoint
ALTER TABLE "criminal_subjects" ALTER COLUMN "templates" SET DATA TYPE bytea USING ''::bytea;--> statement-breakpoint
ALTER TABLE "immigration_subjects" ALTER COLUMN "templates" SET DATA TYPE bytea USING ''::bytea;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "prints" SET DATA TYPE bytea USING ''::bytea;
