/** `seccom fp search IMG... --top 10`: 1:N search of the store's galleries (CJIS, IDENT). */
import { numberOption, parseCommandArgs, type CliIO } from '../command.ts';
import { SeccomError } from '../../errors/index.ts';
import { decodeImage } from '../../formats/images/index.ts';
import { readFingerTemplates } from '../../formats/templates/index.ts';
import { extractTemplate } from '../../biometrics/extract/extract.ts';
import { LOW_QUALITY } from '../../biometrics/extract/quality.ts';
import { PACKED_MAGIC, readPackedTemplate, type PackedTemplate } from '../../biometrics/match/packed-template.ts';
import type { FingerTemplate, MinutiaType } from '../../biometrics/template.ts';
import { galleryNames, type GalleryName } from '../../biometrics/search/gallery-store.ts';
import { MIN_PROBE_MINUTIAE } from '../../biometrics/search/probe.ts';
import { openStoreGalleries } from '../../biometrics/search/tenprint-port.ts';
import { openStore, storeOptionsFromArgs } from '../../store/open.ts';
import { readInput } from './input.ts';

export const searchUsage = `  seccom fp search <image-or-template>... [--top N] [--position FGP]... [--gallery cjis|ident|all]
                  [--ppi N] [--data DIR | --store URL] [--json]
      Searches the store's galleries (default ./.seccom/data) with one or more fingers (images,
      ANSI 378 / ISO 19794-2 minutiae records or packed templates from \`fp extract
      --template-out\`) and lists the best N candidates (default 10) with their fused score, the
      hit decision and each finger's score. --position gives each input's finger position
      (ANSI/NIST FGP 1..10, in input order); by default every finger of a record is tried.`;

const TYPES: readonly MinutiaType[] = ['other', 'ending', 'bifurcation'];

/** A packed matcher template back as an interchange template (500 ppi, its own angle convention undone). */
function fromPacked(p: PackedTemplate, position: number): FingerTemplate {
  const minutiae = Array.from({ length: p.count }, (_, i) => ({
    x: p.x[i]!,
    y: p.y[i]!,
    angle: ((256 - p.angle[i]!) % 256) * ((2 * Math.PI) / 256),
    type: TYPES[p.type[i]!] ?? 'other',
    quality: p.quality[i]!,
  }));
  const width = Math.max(1, ...minutiae.map((m) => m.x + 1));
  const height = Math.max(1, ...minutiae.map((m) => m.y + 1));
  return { width, height, ppi: 500, position, quality: 0, minutiae };
}

function readFinger(path: string, position: number, ppi: number | undefined): FingerTemplate {
  const bytes = readInput(path);
  if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === PACKED_MAGIC) {
    return fromPacked(readPackedTemplate(bytes), position);
  }
  // "FMR\0" starts every ANSI 378 and ISO 19794-2 finger minutiae record; its first view is searched.
  if (bytes.length >= 4 && bytes[0] === 0x46 && bytes[1] === 0x4d && bytes[2] === 0x52 && bytes[3] === 0) {
    const [view] = readFingerTemplates(bytes);
    if (!view) throw new SeccomError('SECCOM_INVALID_ARGUMENT', `${path}: the minutiae record has no finger view`, { location: { file: path } });
    return { ...view, position: position || view.position };
  }
  return extractTemplate(decodeImage(bytes, { ppi }), { ppi, position }).template;
}

export async function fpSearch(argv: string[], io: CliIO, usage: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      top: { type: 'string' },
      position: { type: 'string', multiple: true },
      gallery: { type: 'string' },
      ppi: { type: 'string' },
      data: { type: 'string' },
      store: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  );
  if (positionals.length === 0 || positionals.length > 10) throw new SeccomError('SECCOM_USAGE', `fp search takes 1 to 10 fingers\n\n${usage}`);
  const top = Math.floor(numberOption(values.top, 'top', 10, 1));
  const ppi = values.ppi === undefined ? undefined : numberOption(values.ppi, 'ppi', 500, 1);
  const positions = (values.position ?? []).map((p) => Math.floor(numberOption(p, 'position', 0, 0)));
  if (positions.length > positionals.length || positions.some((p) => p > 10)) {
    throw new SeccomError('SECCOM_USAGE', `--position takes one FGP 0..10 per input at most\n\n${usage}`);
  }
  const which = values.gallery ?? 'all';
  if (which !== 'all' && !galleryNames.includes(which as GalleryName)) throw new SeccomError('SECCOM_USAGE', `--gallery must be cjis, ident or all\n\n${usage}`);
  const names = which === 'all' ? galleryNames : [which as GalleryName];

  const probe = positionals.map((path, i) => readFinger(path, positions[i] ?? 0, ppi));
  const usable = probe.filter((f) => f.minutiae.length >= MIN_PROBE_MINUTIAE).length;
  if (usable === 0) {
    throw new SeccomError(
      'SECCOM_SEARCH_PROBE_UNUSABLE',
      `no finger of the probe has ${MIN_PROBE_MINUTIAE} minutiae or more (found ${probe.map((f) => f.minutiae.length).join(', ')}): blank, smudged or not a fingerprint`,
    );
  }

  const store = await openStore(storeOptionsFromArgs(values));
  try {
    const { engine, galleries } = await openStoreGalleries(store, names);
    try {
      const results = await Promise.all(names.map(async (name) => ({ name, result: await galleries.get(name)!.search(probe, { top, fill: true }) })));
      const threshold = results[0]!.result.threshold;
      const candidates = results
        .flatMap(({ name, result }) => result.candidates.map((c) => ({ gallery: name, subjectId: c.subjectId, score: c.score, hit: c.hit, fingers: c.fingers })))
        .sort((a, b) => b.score - a.score || (a.subjectId < b.subjectId ? -1 : 1))
        .slice(0, top);
      const sizes = Object.fromEntries(names.map((n) => [n, galleries.get(n)!.size]));
      const fingers = probe.map((f) => ({ position: f.position, minutiae: f.minutiae.length, quality: f.quality, lowQuality: f.quality < LOW_QUALITY || f.minutiae.length < MIN_PROBE_MINUTIAE }));
      if (values.json) {
        io.out(JSON.stringify({ probe: fingers, usableFingers: usable, threshold, galleries: sizes, candidates }));
        return 0;
      }
      const lines = [
        ...fingers.map((f, i) => `finger ${i + 1}: position ${f.position || 'unknown'}, ${f.minutiae} minutiae, quality ${f.quality}${f.lowQuality ? ' (LOW)' : ''}`),
        `${usable} usable finger(s); hit threshold ${threshold.toFixed(1)}; searched ${names.map((n) => `${n} (${sizes[n]} subjects)`).join(', ')}`,
        ...candidates.map(
          (c, i) =>
            `${String(i + 1).padStart(3)}  ${c.gallery.padEnd(5)} ${c.subjectId.padEnd(14)} ${c.score.toFixed(1).padStart(7)}  ${c.hit ? 'HIT' : '   '}  ${c.fingers.map((s) => (s === null ? '-' : s.toFixed(1))).join(' ')}`,
        ),
      ];
      if (candidates.length === 0) lines.push('no candidates (the galleries are empty)');
      io.out(lines.join('\n'));
      return 0;
    } finally {
      await engine.close();
    }
  } finally {
    await store.close();
  }
}
