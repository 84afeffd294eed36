/** One booking's path through the stages so far, in words (for `seccom submit` and logs). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import { bookingOutcomes, citizenshipClaims, cjisResults, detainerEvents, detainers, escalations, iceDecisions, iaqs, identResults, jailResponses, sibResults } from '../store/schema/index.ts';

export async function bookingPath(db: Db, bookingId: string): Promise<string[]> {
  const path = ['intake'];
  const [sib] = await db.select().from(sibResults).where(eq(sibResults.bookingId, bookingId));
  if (sib) path.push(`sib: SID ${sib.sid}${sib.newlyAssigned === null ? '' : sib.newlyAssigned ? ' (new)' : ' (on file)'}, ${sib.forwardedToDhs ? 'forwarded to DHS' : 'not forwarded to DHS'} (${sib.reason})`);
  const [cjis] = await db.select().from(cjisResults).where(eq(cjisResults.bookingId, bookingId));
  if (cjis) path.push(`cjis: SRF ${cjis.srf}${cjis.fbiNumber ? `, FBI ${cjis.fbiNumber}` : ''}${cjis.newlyEnrolled ? ' (enrolled)' : ''}`);
  const [ident] = await db.select().from(identResults).where(eq(identResults.bookingId, bookingId));
  if (ident) path.push(`ident: ${ident.outcome}${ident.fin ? `, FIN ${ident.fin}` : ''}`);
  const [iaq] = await db.select().from(iaqs).where(eq(iaqs.bookingId, bookingId));
  if (iaq) path.push(`lesc: ${iaq.id} answered`);
  const [ero] = await db.select().from(iceDecisions).where(eq(iceDecisions.bookingId, bookingId));
  if (ero) path.push(`ero: ${ero.action}`);
  const [detainer] = await db.select().from(detainers).where(eq(detainers.bookingId, bookingId));
  if (detainer) {
    const [jail] = await db.select().from(jailResponses).where(eq(jailResponses.detainerId, detainer.id));
    if (jail) path.push(`jail: ${jail.decision} (${jail.rulesetId})`);
    const states = await db.select().from(detainerEvents).where(eq(detainerEvents.detainerId, detainer.id)).orderBy(asc(detainerEvents.seq));
    path.push(`detainer ${detainer.id}: ${states.map((s) => s.to).join(' → ')}`);
  }
  const [claim] = await db.select().from(citizenshipClaims).where(eq(citizenshipClaims.bookingId, bookingId));
  if (claim) {
    const raised = await db.select().from(escalations).where(eq(escalations.bookingId, bookingId));
    path.push(`US citizenship claimed to the ${claim.madeTo} at ${claim.claimedAt.toISOString()}${raised.length ? ' (escalated)' : ''}`);
  }
  const [end] = await db.select().from(bookingOutcomes).where(eq(bookingOutcomes.bookingId, bookingId));
  path.push(end ? `outcome: ${end.outcome}` : 'outcome: pending (waiting for a timer)');
  return path;
}
