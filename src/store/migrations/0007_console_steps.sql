CREATE TABLE "console_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"step" text NOT NULL,
	"booking_id" text NOT NULL,
	"detainer_id" text,
	"decision" jsonb NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_tasks" (
	"step" text NOT NULL,
	"booking_id" text NOT NULL,
	"detainer_id" text,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	CONSTRAINT "console_tasks_step_booking_id_pk" PRIMARY KEY("step","booking_id")
);
--> statement-breakpoint
CREATE INDEX "console_decisions_booking_idx" ON "console_decisions" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "console_tasks_open_idx" ON "console_tasks" USING btree ("step","closed_at","opened_at","booking_id");