/** `seccom fp extract IMG`: minutiae and quality of one fingerprint image. */
import { writeFileSync } from 'node:fs';
import { numberOption, parseCommandArgs, type CliIO } from '../command.ts';
import { SeccomError } from '../../errors/index.ts';
import { writeDebugImages } from '../../biometrics/extract/debug.ts';
import { packTemplate } from '../../biometrics/match/packed-template.ts';
import { LOW_QUALITY } from '../../biometrics/extract/quality.ts';
import { extractFile } from './input.ts';

export const extractUsage = `  seccom fp extract <image> [--ppi N] [--json] [--debug-dir DIR] [--template-out FILE]
      Minutiae (x, y in image pixels, angle in degrees counter-clockwise, type, quality 1..100)
      and the image quality (0..100). --ppi gives the resolution when the image does not
      (default 500). --debug-dir writes orientation.png, binary.png and minutiae.png.
      --template-out writes the packed matcher template (.scfp) for \`fp match\`.`;

export function fpExtract(argv: string[], io: CliIO, usage: string): number {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ppi: { type: 'string' }, json: { type: 'boolean' }, 'debug-dir': { type: 'string' }, 'template-out': { type: 'string' } },
    usage,
  );
  if (positionals.length !== 1) throw new SeccomError('SECCOM_USAGE', `fp extract takes one image\n\n${usage}`);
  const ppi = values.ppi === undefined ? undefined : numberOption(values.ppi, 'ppi', 500, 1);
  const debugDir = values['debug-dir'];
  const { template, stages } = extractFile(positionals[0]!, ppi, debugDir !== undefined);
  const written = stages && debugDir ? writeDebugImages(stages, debugDir) : [];
  if (values['template-out']) writeFileSync(values['template-out'], packTemplate(template).bytes);
  const lowQuality = template.quality < LOW_QUALITY || template.minutiae.length === 0;
  if (values.json) {
    io.out(JSON.stringify({ ...template, lowQuality, debugImages: written }));
    return 0;
  }
  const lines = [
    `quality ${template.quality}${lowQuality ? ' (LOW: too little clear ridge area to match reliably)' : ''}, ${template.minutiae.length} minutiae, ${template.width}x${template.height} at ${template.ppi} ppi`,
    ...template.minutiae.map(
      (m) => `${String(m.x).padStart(5)} ${String(m.y).padStart(5)} ${((m.angle * 180) / Math.PI).toFixed(1).padStart(6)} ${m.type.padEnd(11)} ${m.quality}`,
    ),
    ...written.map((p) => `wrote ${p}`),
  ];
  io.out(lines.join('\n'));
  return 0;
}
