CREATE TABLE "state_sid_counters" (
	"state" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_subjects" (
	"sid" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"seq" integer NOT NULL,
	"person_id" text,
	"templates" "bytea" NOT NULL,
	"booking_id" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sib_results" ADD COLUMN "newly_assigned" boolean;--> statement-breakpoint
ALTER TABLE "sib_results" ADD COLUMN "score" real;--> statement-breakpoint
ALTER TABLE "state_subjects" ADD CONSTRAINT "state_subjects_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "state_subjects_state_seq_idx" ON "state_subjects" USING btree ("state","seq");