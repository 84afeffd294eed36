/** `npm run bench:formats`: runs every format benchmark in bench/formats/ and prints their figures. */
import { readdirSync } from 'node:fs';
import { machineSummary } from './machine.ts';

const dir = new URL('./formats/', import.meta.url);
console.log(machineSummary());
for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
  const mod = (await import(new URL(f, dir).href)) as { run(argv: string[]): Promise<void> };
  await mod.run(process.argv.slice(2));
}
