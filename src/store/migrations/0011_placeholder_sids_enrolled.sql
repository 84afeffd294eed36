-- SIDs assigned before the SIB searched its state AFIS (derived from the booking's prints) stay
-- valid: each becomes a person of its state's repository, with the prints of the first booking that
-- got it, so a later booking of that person is identified under it. They keep seq 0; the SIB skips
-- numbers such a SID already holds when it assigns new ones. Rows written here are not audited:
-- they restate sib_results rows the audit already has.
INSERT INTO "state_subjects" ("sid", "state", "seq", "person_id", "templates", "booking_id", "enrolled_at")
SELECT DISTINCT ON (r."sid") r."sid", left(r."sid", 2), 0, b."sim_person_id", b."prints", b."id", r."at"
FROM "sib_results" r JOIN "bookings" b ON b."id" = r."booking_id"
ORDER BY r."sid", r."at", b."id";
