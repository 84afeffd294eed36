/**
 * A real HTTP server for the browser tests: the built console and the API over the console test
 * world (one in-memory store), on a free port of 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { ensureConsoleBuilt } from '../../src/server/console/build.ts';
import { openTestApi, type TestApi } from './api.ts';
import { seedConsoleWorld, type ConsoleWorld, type Person } from './console-world.ts';
import type { HumanSteps } from '../../src/server/steps/gate.ts';

export interface ConsoleServer extends TestApi {
  baseURL: string;
  world: ConsoleWorld;
}

export async function startConsoleServer(opts: { steps?: HumanSteps; extraPeople?: readonly Person[] } = {}): Promise<ConsoleServer> {
  const build = await ensureConsoleBuilt();
  if ('unavailable' in build) throw new Error(`cannot build the console: ${build.unavailable}`);
  const api = await openTestApi({ console: true });
  const world = await seedConsoleWorld(api.ctx, api.clock, opts);
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.app.server.address() as AddressInfo;
  return { ...api, world, baseURL: `http://127.0.0.1:${port}` };
}
