/** Writes a generated world into the store (batched, audited as actor "sim"), once. */
import { eq } from 'drizzle-orm';
import { insertAudited } from '../store/audited.ts';
import {
  convictions,
  criminalSubjects,
  encounters,
  immigrationSubjects,
  jurisdictionActivations,
  jurisdictions,
  personPrints,
  persons,
  simState,
  warrants,
} from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import { simJurisdictions } from './jurisdictions.ts';
import type { World } from './world.ts';

export interface WorldInfo {
  seed: string;
  size: number;
  epoch: string;
}

export async function readWorldInfo(store: Store): Promise<WorldInfo | undefined> {
  const [row] = await store.db.select().from(simState).where(eq(simState.key, 'world'));
  return row?.value as WorldInfo | undefined;
}

export async function seedWorld(store: Store, world: World): Promise<void> {
  const ctx = { actor: 'sim', at: world.epoch };
  await store.transaction(async (tx) => {
    await insertAudited(tx, jurisdictions, simJurisdictions.map(({ activations: _a, weight: _w, ...j }) => j), ctx);
    await insertAudited(tx, jurisdictionActivations, simJurisdictions.flatMap((j) => j.activations.map((a) => ({ jurisdictionId: j.id, ...a }))), ctx);
    await insertAudited(tx, persons, world.people.map((p) => p.row), ctx);
    await insertAudited(tx, personPrints, world.people.map((p) => ({ personId: p.row.id, templates: p.prints })), ctx);
    await insertAudited(tx, criminalSubjects, world.criminalSubjects, ctx);
    await insertAudited(tx, convictions, world.convictions, ctx);
    await insertAudited(tx, warrants, world.warrants, ctx);
    await insertAudited(tx, immigrationSubjects, world.immigrationSubjects, ctx);
    await insertAudited(tx, encounters, world.encounters, ctx);
    const info: WorldInfo = { seed: world.seed, size: world.people.length, epoch: world.epoch.toISOString() };
    await tx.insert(simState).values({ key: 'world', value: info });
  });
}
