/** `npm run fuzz`: the long fuzz runs of every parser (bench/fuzz/*.ts); `-- --seconds N` per target. */
import { readdirSync } from 'node:fs';

const dir = new URL('./fuzz/', import.meta.url);
for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
  const mod = (await import(new URL(f, dir).href)) as { run(argv: string[]): Promise<void> };
  await mod.run(process.argv.slice(2));
}
