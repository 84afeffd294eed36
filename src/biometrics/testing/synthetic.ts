/** Synthetic fingerprint-like images for stage tests: known geometry, no data files. */
import type { GrayImage } from '../../formats/images/index.ts';

/** Parallel ridges (dark) whose ridge lines run at `angle` (radians, image axes), period in px. */
export function stripes(width: number, height: number, angle: number, period: number, background = 0): GrayImage {
  const pixels = new Uint8Array(width * height);
  const nx = -Math.sin(angle);
  const ny = Math.cos(angle);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = background === 0 || (Math.abs(x - width / 2) < width / 3 && Math.abs(y - height / 2) < height / 3);
      const v = 128 + 100 * Math.cos((2 * Math.PI * (x * nx + y * ny)) / period);
      pixels[y * width + x] = inside ? Math.round(v) : background;
    }
  }
  return { width, height, pixels, ppi: 500 };
}

/** A binary raster (1 = set) from rows of '#' and '.', with a background frame of `pad` pixels. */
export function bitmap(rows: string[], pad = 2): { data: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length + 2 * pad;
  const height = rows.length + 2 * pad;
  const data = new Uint8Array(width * height);
  rows.forEach((r, y) => [...r].forEach((c, x) => (data[(y + pad) * width + x + pad] = c === '#' ? 1 : 0)));
  return { data, width, height };
}
