/**
 * The console is built on demand: `npm start` (and the browser tests) call ensureConsoleBuilt(),
 * which runs vite when web/dist is missing or older than any source under web/. A newcomer thus
 * needs only `npm install && npm start`. Builds go to a private folder and are renamed into place,
 * so two processes building at once never serve a half-written dist.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = fileURLToPath(new URL('../../../web/', import.meta.url));
export const consoleDist = join(webRoot, 'dist');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function consoleIsStale(): boolean {
  const built = join(consoleDist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['index.html', 'vite.config.ts', 'src'].map((p) => join(webRoot, p));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

export type BuildResult = { built: boolean; ms: number } | { built: false; unavailable: string };

/** Builds web/ into web/dist when stale. Without vite (a production install) it reports why instead. */
export async function ensureConsoleBuilt(log: (line: string) => void = () => {}): Promise<BuildResult> {
  if (!consoleIsStale()) return { built: false, ms: 0 };
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return { built: false, unavailable: 'vite is not installed (run npm install)' };
  }
  const started = performance.now();
  log('building the web console (web/ → web/dist) …');
  const tmp = join(webRoot, `.dist-${process.pid}`);
  try {
    await vite.build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
    if (consoleIsStale()) {
      rmSync(consoleDist, { recursive: true, force: true });
      try {
        renameSync(tmp, consoleDist);
      } catch (e) {
        // Another process renamed its fresh build into place first: use that one.
        if (consoleIsStale()) throw e;
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const ms = Math.round(performance.now() - started);
  log(`web console built in ${ms} ms`);
  return { built: true, ms };
}
