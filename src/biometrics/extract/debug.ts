/**
 * Stage images for a person to inspect (`fp extract --debug-dir`): the orientation field drawn
 * as short ridge-direction strokes over the image (background dimmed), the binarised ridges with
 * the skeleton in red, and the minutiae over the image (endings red, bifurcations blue, a tail
 * showing the direction). All in working (500-ppi) coordinates.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { blockAngle } from './orientation.ts';
import type { ExtractionStages } from './extract.ts';

class Canvas {
  readonly rgb: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
  }
  set(x: number, y: number, r: number, g: number, b: number): void {
    x = Math.round(x);
    y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    this.rgb[i] = r;
    this.rgb[i + 1] = g;
    this.rgb[i + 2] = b;
  }
  line(x0: number, y0: number, x1: number, y1: number, r: number, g: number, b: number): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let s = 0; s <= steps; s++) this.set(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, r, g, b);
  }
  png(): Buffer {
    const png = new PNG({ width: this.width, height: this.height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
    for (let i = 0, j = 0; i < this.rgb.length; i += 3, j += 4) {
      png.data[j] = this.rgb[i]!;
      png.data[j + 1] = this.rgb[i + 1]!;
      png.data[j + 2] = this.rgb[i + 2]!;
      png.data[j + 3] = 255;
    }
    return PNG.sync.write(png, { colorType: 2 });
  }
}

function grayCanvas(stages: ExtractionStages, dimBackground: boolean): Canvas {
  const { width, height, data } = stages.image;
  const c = new Canvas(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = Math.max(0, Math.min(255, data[i]!));
    const g = dimBackground && !stages.segmentation.mask[i] ? 64 + v / 4 : v;
    c.rgb[3 * i] = c.rgb[3 * i + 1] = c.rgb[3 * i + 2] = g;
  }
  return c;
}

/** Writes orientation.png, binary.png and minutiae.png into `dir`; returns their paths. */
export function writeDebugImages(stages: ExtractionStages, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const { width, height } = stages.image;
  const { grid } = stages.field;

  const orient = grayCanvas(stages, true);
  for (let by = 0; by < grid.rows; by++) {
    for (let bx = 0; bx < grid.cols; bx++) {
      const b = by * grid.cols + bx;
      if (!stages.segmentation.blocks[b]) continue;
      const a = blockAngle(stages.field, b);
      const cx = (bx + 0.5) * grid.size;
      const cy = (by + 0.5) * grid.size;
      const r = (grid.size / 2) * Math.min(1, 0.3 + stages.field.coherence[b]!);
      orient.line(cx - r * Math.cos(a), cy - r * Math.sin(a), cx + r * Math.cos(a), cy + r * Math.sin(a), 0, 200, 0);
    }
  }

  const bin = new Canvas(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = stages.binary[i] ? 0 : stages.segmentation.mask[i] ? 255 : 200;
    bin.rgb[3 * i] = stages.skeleton[i] ? 255 : v;
    bin.rgb[3 * i + 1] = stages.skeleton[i] ? 0 : v;
    bin.rgb[3 * i + 2] = stages.skeleton[i] ? 0 : v;
  }

  const mins = grayCanvas(stages, true);
  const m = stages.minutiae;
  for (let i = 0; i < m.count; i++) {
    const [r, g, b] = m.kind[i] === 1 ? [255, 0, 0] : [0, 80, 255];
    const x = m.x[i]!;
    const y = m.y[i]!;
    for (let t = 0; t < 2 * Math.PI; t += 0.2) mins.set(x + 4 * Math.cos(t), y + 4 * Math.sin(t), r, g, b);
    mins.line(x, y, x + 12 * Math.cos(m.angle[i]!), y + 12 * Math.sin(m.angle[i]!), r, g, b);
  }

  const out: string[] = [];
  for (const [name, canvas] of [['orientation', orient], ['binary', bin], ['minutiae', mins]] as const) {
    const p = join(dir, `${name}.png`);
    writeFileSync(p, canvas.png());
    out.push(p);
  }
  return out;
}
