/**
 * Demo accounts for the synthetic world: one jail officer per county, a bureau operator per state,
 * a LESC analyst, an ERO officer, a county board, a state legislature, an inspector and an
 * administrator. Created once, on the first start of a store, with generated passwords that are
 * returned to be printed that one time (only their Argon2id hashes are kept).
 */
import { count } from 'drizzle-orm';
import { jurisdictions, users } from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import type { NewUserInput, UserService } from './services/users.ts';

export interface SeededUser {
  username: string;
  role: string;
  scope: string;
  password: string;
}

/** The accounts to create for the jurisdictions in the store; the overseers watch `focus` (else the first county). */
export async function demoAccounts(store: Store, focus?: string): Promise<NewUserInput[]> {
  const counties = await store.db.select().from(jurisdictions).orderBy(jurisdictions.id);
  const states = [...new Set(counties.map((j) => j.state))].sort();
  const first = counties.find((j) => j.id === focus) ?? counties[0];
  const accounts: NewUserInput[] = [
    { username: 'admin', displayName: 'System Administrator', role: 'admin', ori: 'DCSECADM0', scope: 'national' },
    { username: 'lesc', displayName: 'LESC Analyst', role: 'lesc_analyst', ori: 'VTICE0900', scope: 'national' },
    { username: 'ero', displayName: 'ERO Officer', role: 'ero_officer', ori: 'DCICE0000', scope: 'national' },
    { username: 'inspector', displayName: 'Inspector General', role: 'inspector', ori: 'DCOIG0000', scope: 'national' },
  ];
  for (const j of counties) {
    accounts.push({ username: `jail-${j.id}`, displayName: `Booking Officer, ${j.name}`, role: 'jail_officer', ori: j.ori, scope: `county:${j.id}` });
  }
  for (const s of states) {
    accounts.push({ username: `sib-${s.toLowerCase()}`, displayName: `State Bureau Operator, ${s}`, role: 'sib_operator', ori: `${s}SIB0000`, scope: `state:${s}` });
  }
  if (first) {
    accounts.push({ username: `board-${first.id}`, displayName: `County Board, ${first.name}`, role: 'overseer', ori: first.ori, scope: `county:${first.id}` });
    accounts.push({ username: `legislature-${first.state.toLowerCase()}`, displayName: `State Legislature, ${first.state}`, role: 'overseer', ori: `${first.state}LEG0000`, scope: `state:${first.state}` });
  }
  return accounts;
}

/** Creates the demo accounts when the store has no user yet; returns them with their passwords (empty when users exist). */
export async function seedDemoUsers(store: Store, service: UserService, focus?: string): Promise<SeededUser[]> {
  const [existing] = await store.db.select({ n: count() }).from(users);
  if (existing!.n > 0) return [];
  const created: SeededUser[] = [];
  for (const a of await demoAccounts(store, focus)) {
    const { user, password } = await service.create(a, 'seed');
    created.push({ username: user.username, role: user.role, scope: user.scope, password });
  }
  return created;
}

export function formatSeededUsers(list: readonly SeededUser[]): string {
  const w = Math.max(...list.map((u) => u.username.length), 8);
  const r = Math.max(...list.map((u) => u.role.length), 4);
  return [
    'Demo accounts (passwords shown this once; set a new one with `npx seccom user password NAME`):',
    ...list.map((u) => `  ${u.username.padEnd(w)}  ${u.role.padEnd(r)}  ${u.password}  ${u.scope}`),
  ].join('\n');
}
