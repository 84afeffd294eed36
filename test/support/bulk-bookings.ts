/**
 * Many bookings fast, for the API benchmark and the query-plan tests: the records every stage
 * would have written, generated in SQL (generate_series) on either backend, then ANALYZEd so the
 * planner sees the real table sizes. Three counties in two states; one booking in ten matches
 * IDENT, one in twenty gets a detainer, one in a thousand waits in the LESC queue. Family names
 * are 8,000 variants (MORALES042 …), so a name is as selective as in a real jail. Synthetic.
 */
import { sql } from 'drizzle-orm';
import type { Store } from '../../src/store/store.ts';

export const bulkCounties = [
  { id: 'bench-ct-a', name: 'Bench County A, CT', state: 'CT', ori: 'CT0900000', rulesetId: 'us-ct' },
  { id: 'bench-ct-b', name: 'Bench County B, CT', state: 'CT', ori: 'CT0910000', rulesetId: 'us-ct' },
  { id: 'bench-il-c', name: 'Bench County C, IL', state: 'IL', ori: 'IL0920000', rulesetId: 'us-il' },
] as const;

const families = ['GARCIA', 'SMITH', 'NGUYEN', 'JOHNSON', 'LOPEZ', 'BROWN', 'KIM', 'MARTINEZ', 'DAVIS', 'PATEL', 'WILSON', 'REYES', 'MORALES', 'OKAFOR', 'ROSSI', 'SANTOS'];

export function bulkBookingId(n: number): string {
  return `B-BULK-${String(n).padStart(7, '0')}`;
}

export async function seedBulkBookings(store: Store, count: number, start = new Date('2011-01-01T00:00:00Z')): Promise<void> {
  const names = `ARRAY[${families.map((f) => `'${f}'`).join(',')}]`;
  const body = JSON.stringify({
    status: 'overstay',
    aNumber: 'A012345678',
    fin: 'FIN',
    biographics: { familyName: 'X', givenName: 'Y', dob: '1980-01-01', sex: 'M', pob: 'MX' },
    encounters: [],
    priorRemovalOrder: false,
    criminalHistory: { fbiNumber: null, convictions: [], highestLevel: null },
  });
  const g = sql.raw;
  await store.transaction(async (tx) => {
    for (const c of bulkCounties) {
      await tx.execute(sql`INSERT INTO jurisdictions (id, name, state, ori, ruleset_id) VALUES (${c.id}, ${c.name}, ${c.state}, ${c.ori}, ${c.rulesetId}) ON CONFLICT DO NOTHING`);
    }
    const series = g(`FROM generate_series(1, ${Math.floor(count)}) AS g`);
    const at = sql`(${start.toISOString()}::timestamptz + g * interval '5 minutes')`;
    const county = g(`(ARRAY['bench-ct-a','bench-ct-b','bench-il-c'])[g % 3 + 1]`);
    const id = g(`'B-BULK-' || lpad(g::text, 7, '0')`);
    await tx.execute(sql`INSERT INTO bookings (id, tcn, jurisdiction_id, ori, booking_number, tot, family_name, given_name, dob, sex, pob, arrested_at, submitted_at, prints, release_due_at)
      SELECT ${id}, 'TBULK' || g, ${county}, (ARRAY['CT0900000','CT0910000','IL0920000'])[g % 3 + 1], 'BK-' || g, 'CAR',
        (${g(names)})[g % ${g(String(families.length))} + 1] || lpad(((g / ${g(String(families.length))}) % 500)::text, 3, '0'), 'GIVEN' || (g % 997), date '1960-01-01' + (g % 15000), CASE WHEN g % 2 = 0 THEN 'M' ELSE 'F' END, 'MX',
        ${at}, ${at}, ''::bytea, ${at} + interval '2 days' ${series}`);
    await tx.execute(sql`INSERT INTO sib_results (booking_id, sid, forwarded_to_dhs, reason, at) SELECT ${id}, 'CT' || lpad(g::text, 8, '0'), true, 'bench', ${at} ${series}`);
    await tx.execute(sql`INSERT INTO cjis_results (booking_id, srf, fbi_number, score, newly_enrolled, at) SELECT ${id}, 'N', 'F' || g, 0, true, ${at} ${series}`);
    await tx.execute(sql`INSERT INTO ident_results (booking_id, outcome, fin, score, at)
      SELECT ${id}, CASE WHEN g % 10 = 0 THEN 'match' ELSE 'no_match' END, CASE WHEN g % 10 = 0 THEN 'FIN' || g END, 0, ${at} ${series}`);
    const matched = g(`FROM generate_series(10, ${Math.floor(count)}, 10) AS g`);
    await tx.execute(sql`INSERT INTO iaqs (id, booking_id, text, at) SELECT 'IAQ-' || g, ${id}, 'IAQ.CT0900000.AX.TXT', ${at} ${matched}`);
    await tx.execute(sql`INSERT INTO iars (id, iaq_id, booking_id, body, status, analyst, at) SELECT 'IAR-' || g, 'IAQ-' || g, ${id}, ${body}::jsonb, 'overstay', 'bench', ${at} ${matched}`);
    await tx.execute(sql`INSERT INTO ice_decisions (booking_id, action, level, priority, reason, officer, at)
      SELECT ${id}, CASE WHEN g % 20 = 0 THEN 'I-247' ELSE 'none' END, NULL, CASE WHEN g % 20 = 0 THEN 2 END, 'bench', 'bench', ${at} ${matched}`);
    const held = g(`FROM generate_series(20, ${Math.floor(count)}, 20) AS g`);
    await tx.execute(sql`INSERT INTO detainers (id, booking_id, form, state, requested_at, hold_expires_at, updated_at, version)
      SELECT 'D-BULK-' || g, ${id}, 'I-247', 'released', ${at}, NULL, ${at}, 3 ${held}`);
    await tx.execute(sql`INSERT INTO booking_outcomes (booking_id, outcome, at)
      SELECT ${id}, CASE WHEN g % 20 = 0 THEN 'released' WHEN g % 10 = 0 THEN 'no_action' ELSE 'no_ident_match' END, ${at} ${series}`);
    await tx.execute(sql`INSERT INTO jail_responses (detainer_id, booking_id, decision, ruleset_id, reason, at) SELECT 'D-BULK-' || g, ${id}, 'honour', 'us-ct', 'bench', ${at} ${held}`);
    // Worked in the console: every match had its LESC task, closed; one in a thousand still waits.
    await tx.execute(sql`INSERT INTO console_tasks (step, booking_id, opened_at, closed_at, closed_by)
      SELECT 'lesc', ${id}, ${at}, CASE WHEN g % 1000 <> 0 THEN ${at} + interval '1 hour' END, CASE WHEN g % 1000 <> 0 THEN 'user:bench' END ${matched}`);
  });
  await store.db.execute(sql`ANALYZE`);
}
