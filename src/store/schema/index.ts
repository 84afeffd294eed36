/** The whole store schema. Add a table in its own file here, export it below, then `npx drizzle-kit generate` (docs/store.md). */
export * from './world.ts';
export * from './records.ts';
export * from './jurisdictions.ts';
export * from './bookings.ts';
export * from './results.ts';
export * from './audit.ts';
export * from './bus.ts';
export * from './sim.ts';
export * from './accounts.ts';
export * from './search.ts';
export * from './console.ts';
export * from './state-repository.ts';
