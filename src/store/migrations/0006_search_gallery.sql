CREATE TABLE "search_gallery" (
	"gallery" text NOT NULL,
	"subject_id" text NOT NULL,
	"record" "bytea" NOT NULL,
	CONSTRAINT "search_gallery_gallery_subject_id_pk" PRIMARY KEY("gallery","subject_id")
);
