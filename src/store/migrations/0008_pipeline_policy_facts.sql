CREATE TABLE "warrants" (
	"id" text PRIMARY KEY NOT NULL,
	"fbi_number" text NOT NULL,
	"issuer" text NOT NULL,
	"state" text,
	"judicial" boolean NOT NULL,
	"felony" boolean NOT NULL,
	"immigration" boolean NOT NULL,
	"description" text NOT NULL,
	"issued_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizenship_claims" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"made_to" text NOT NULL,
	"recorded_by" text NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"booking_id" text NOT NULL,
	"reason" text NOT NULL,
	"detainer_id" text,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" text NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "escalations_booking_id_reason_pk" PRIMARY KEY("booking_id","reason")
);
--> statement-breakpoint
ALTER TABLE "jurisdiction_activations" ALTER COLUMN "opt_out_honoured" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "convictions" ADD COLUMN "felony_class" text;--> statement-breakpoint
ALTER TABLE "convictions" ADD COLUMN "federal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "criminal_subjects" ADD COLUMN "gang_member" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "criminal_subjects" ADD COLUMN "tsdb_match" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "criminal_subjects" ADD COLUMN "security_risk_group" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "criminal_subjects" ADD COLUMN "sex_registrant" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "criminal_subjects" ADD COLUMN "arson_registrant" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "arrest_charges" ADD COLUMN "max_months" integer;--> statement-breakpoint
ALTER TABLE "arrest_charges" ADD COLUMN "felony_class" text;--> statement-breakpoint
ALTER TABLE "arrest_charges" ADD COLUMN "bond_posted" boolean;--> statement-breakpoint
ALTER TABLE "arrest_charges" ADD COLUMN "probable_cause_finding" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ice_decisions" ADD COLUMN "explanation" jsonb;--> statement-breakpoint
ALTER TABLE "jail_responses" ADD COLUMN "explanation" jsonb;--> statement-breakpoint
ALTER TABLE "warrants" ADD CONSTRAINT "warrants_fbi_number_criminal_subjects_fbi_number_fk" FOREIGN KEY ("fbi_number") REFERENCES "public"."criminal_subjects"("fbi_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizenship_claims" ADD CONSTRAINT "citizenship_claims_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_detainer_id_detainers_id_fk" FOREIGN KEY ("detainer_id") REFERENCES "public"."detainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warrants_fbi_idx" ON "warrants" USING btree ("fbi_number");