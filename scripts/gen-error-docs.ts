/** Writes docs/errors.md from the error catalog; `--check` fails when the file is out of date. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { areas } from '../src/errors/catalog.ts';
import { exitCodeFor } from '../src/errors/define.ts';

export const errorDocsPath = fileURLToPath(new URL('../docs/errors.md', import.meta.url));

export function renderErrorDocs(): string {
  const out = [
    '# Error catalog',
    '',
    'Generated from `src/errors/codes/*.ts` by `npm run docs:errors`; do not edit by hand.',
    'The API answers with RFC 9457 problem details (`application/problem+json`) carrying `code`;',
    'the CLI prints `seccom: CODE: message` on stderr (as JSON with `--json`) and exits with the code below.',
    '',
  ];
  for (const [area, codes] of Object.entries(areas)) {
    out.push(`## ${area}`, '', '| code | HTTP | exit | title | when |', '| --- | --- | --- | --- | --- |');
    for (const [code, spec] of Object.entries(codes)) {
      out.push(`| \`${code}\` | ${spec.status} | ${exitCodeFor(spec)} | ${spec.title} | ${spec.description.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = renderErrorDocs();
  if (process.argv.includes('--check')) {
    if (readFileSync(errorDocsPath, 'utf8') !== text) {
      console.error('docs/errors.md is out of date: run npm run docs:errors');
      process.exit(1);
    }
  } else writeFileSync(errorDocsPath, text);
}
