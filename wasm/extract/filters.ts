// AssemblyScript source of the extractor's pixel filters (src/biometrics/extract/enhance.ts and
// frequency.ts describe them and call them through filters-core.ts). Built by `node --import tsx
// scripts/build-wasm.ts` into src/biometrics/extract/filters-wasm.gen.ts.
//
// Why WebAssembly: in V8 every typed-array access in a JS loop reloads and re-checks the array
// (map, detached buffer, bounds); wasm memory accesses are single instructions. Each function is
// the JS loop it replaced, operation for operation (f32 storage, f64 arithmetic, the same order,
// JS rounding), so the extractor's output is unchanged byte for byte. Pointers are byte offsets
// into this module's memory, placed by the JS side.

// @ts-ignore: decorator
@inline
function f32At(base: u32, i: i32): f64 {
  return <f64>load<f32>(base + (<u32>i << 2));
}

/** JavaScript's Math.round: the nearest integer, halves towards +∞. */
// @ts-ignore: decorator
@inline
function jsRound(v: f64): i32 {
  const c = Math.ceil(v);
  return <i32>(c - 0.5 <= v ? c : c - 1);
}

/**
 * (local mean − pixel) / (local contrast + 1) with block statistics interpolated bilinearly, in
 * the blocks flagged in `where` (the output is left as it is elsewhere). x0s, x1s (i32) and axs
 * (f32) are the horizontal interpolation per column.
 */
export function normalize(
  data: u32, out: u32, w: i32, h: i32, mean: u32, std: u32, cols: i32, rows: i32, size: i32, where: u32, x0s: u32, x1s: u32, axs: u32,
): void {
  for (let y: i32 = 0; y < h; y++) {
    const fy = min<f64>(<f64>(rows - 1), max<f64>(0, (<f64>y + 0.5) / <f64>size - 0.5));
    const y0 = Math.floor(fy);
    const r0 = <i32>y0 * cols;
    const r1 = min<i32>(rows - 1, <i32>y0 + 1) * cols;
    const ay = fy - y0;
    const brow = (y / size) * cols;
    for (let bx: i32 = 0; bx < cols; bx++) {
      if (!load<u8>(where + <u32>(brow + bx))) continue;
      const end = min<i32>(w, bx * size + size);
      for (let x = bx * size, i = y * w + x; x < end; x++, i++) {
        const ax = f32At(axs, x);
        const a = load<i32>(x0s + (<u32>x << 2));
        const b = load<i32>(x1s + (<u32>x << 2));
        const m = (f32At(mean, r0 + a) * (1 - ax) + f32At(mean, r0 + b) * ax) * (1 - ay) + (f32At(mean, r1 + a) * (1 - ax) + f32At(mean, r1 + b) * ax) * ay;
        const s = (f32At(std, r0 + a) * (1 - ax) + f32At(std, r0 + b) * ax) * (1 - ay) + (f32At(std, r1 + a) * (1 - ax) + f32At(std, r1 + b) * ax) * ay;
        store<f32>(out + (<u32>i << 2), <f32>((m - f32At(data, i)) / (s + 1)));
      }
    }
  }
}

/**
 * Oriented 1-D filter along the ridges over the blocks flagged in `near`, pixels in pairs sharing
 * a 2×2 lattice cell (hence an orientation bin and a kernel); `bins` is the lattice (stride
 * `stride`), kernels are `taps` weights (f32) and pixel offsets (i32) per bin.
 */
export function smoothAlong(
  norm: u32, out: u32, w: i32, h: i32, margin: i32, cols: i32, size: i32, near: u32, bins: u32, stride: i32, kw: u32, koff: u32, taps: i32,
): void {
  for (let y = margin; y < h - margin; y++) {
    const brow = (y / size) * cols;
    const brow2 = (y >> 1) * stride;
    for (let bx: i32 = 0; bx < cols; bx++) {
      if (!load<u8>(near + <u32>(brow + bx))) continue;
      const x0 = max<i32>(margin, bx * size);
      const x1 = min<i32>(w - margin, (bx + 1) * size);
      for (let x = x0; x < x1; x += 2) {
        const i = y * w + x;
        const base = <i32>load<u8>(bins + <u32>(brow2 + (x >> 1))) * taps;
        if (x & 1 || x + 1 == x1) {
          // A lone pixel at the margin.
          let acc: f64 = 0;
          for (let k: i32 = 0; k < taps; k++) acc += f32At(kw, base + k) * f32At(norm, i + load<i32>(koff + (<u32>(base + k) << 2)));
          store<f32>(out + (<u32>i << 2), <f32>acc);
          x--;
          continue;
        }
        let acc0: f64 = 0;
        let acc1: f64 = 0;
        for (let k: i32 = 0; k < taps; k++) {
          const wk = f32At(kw, base + k);
          const j = i + load<i32>(koff + (<u32>(base + k) << 2));
          acc0 += wk * f32At(norm, j);
          acc1 += wk * f32At(norm, j + 1);
        }
        store<f32>(out + (<u32>i << 2), <f32>acc0);
        store<f32>(out + (<u32>(i + 1) << 2), <f32>acc1);
      }
    }
  }
}

/**
 * Band-pass across the ridges on the mask pixels inside the frame `f`, pixels in pairs sharing a
 * lattice cell; the kernel of a cell is chosen by its period bin and orientation bin (`nb` per
 * period bin), `taps` weights and offsets each.
 */
export function bandpass(
  smooth: u32, out: u32, w: i32, h: i32, f: i32, mask: u32, bins: u32, periods: u32, stride: i32, nb: i32, taps: i32, kw: u32, koff: u32,
): void {
  for (let y = f; y < h - f; y++) {
    const brow2 = (y >> 1) * stride;
    for (let x = f & ~1; x < w - f; x += 2) {
      const i = y * w + x;
      const m0 = load<u8>(mask + <u32>i);
      const m1 = load<u8>(mask + <u32>(i + 1));
      if (!(m0 | m1)) continue;
      const cell = <u32>(brow2 + (x >> 1));
      const base = (<i32>load<u8>(periods + cell) * nb + <i32>load<u8>(bins + cell)) * taps;
      let acc0: f64 = 0;
      let acc1: f64 = 0;
      for (let k: i32 = 0; k < taps; k++) {
        const wk = f32At(kw, base + k);
        const j = i + load<i32>(koff + (<u32>(base + k) << 2));
        acc0 += wk * f32At(smooth, j);
        acc1 += wk * f32At(smooth, j + 1);
      }
      if (m0) store<f32>(out + (<u32>i << 2), <f32>acc0);
      if (m1) store<f32>(out + (<u32>(i + 1) << 2), <f32>acc1);
    }
  }
}

/**
 * Ridge period per flagged block: a profile across the ridges (2R + 1 samples, each the sum of
 * the samples every 2 px over ±width along them), its autocorrelation, and the lag of the first
 * strong peak, refined by a parabola. Block b's ridge direction is (tx[b], ty[b]) (f64). Writes
 * value[b] (f32, 0 when no period) and weight[b] (f32, the peak's height); `profile` and `acf`
 * are f64 scratch. Returns the number of blocks whose profile lay inside the image.
 */
export function periods(
  smooth: u32, w: i32, h: i32, cols: i32, n: i32, size: i32, flagged: u32, tx: u32, ty: u32,
  R: i32, width: i32, minLag: i32, maxLag: i32, minPeak: f64, minPeriod: f64, maxPeriod: f64,
  value: u32, weight: u32, profile: u32, acf: u32,
): i32 {
  const len = 2 * R + 1;
  let tried: i32 = 0;
  for (let b: i32 = 0; b < n; b++) {
    if (!load<u8>(flagged + <u32>b)) continue;
    const cx = (<f64>(b % cols) + 0.5) * <f64>size;
    const cy = (<f64>(b / cols) + 0.5) * <f64>size;
    const dx = load<f64>(tx + (<u32>b << 3));
    const dy = load<f64>(ty + (<u32>b << 3));
    // Sample coordinates are monotonic in k and in s (rounding included), so when the four
    // corner samples are inside the image every sample is, and only other blocks need checks.
    let check = false;
    for (let k = -R; k <= R; k += 2 * R) {
      for (let s = -width; s <= width; s += 2 * width) {
        const x = jsRound(cx - <f64>k * dy + <f64>s * dx);
        const y = jsRound(cy + <f64>k * dx + <f64>s * dy);
        if (x < 0 || y < 0 || x >= w || y >= h) check = true;
      }
    }
    let inside = true;
    let mean: f64 = 0;
    for (let k = -R; k <= R && inside; k++) {
      let acc: f64 = 0;
      for (let s = -width; s <= width; s += 2) {
        const x = jsRound(cx - <f64>k * dy + <f64>s * dx);
        const y = jsRound(cy + <f64>k * dx + <f64>s * dy);
        if (check && (x < 0 || y < 0 || x >= w || y >= h)) {
          inside = false;
          break;
        }
        acc += f32At(smooth, y * w + x);
      }
      store<f64>(profile + (<u32>(k + R) << 3), acc);
      mean += acc;
    }
    if (!inside) continue;
    tried++;
    mean /= <f64>len;
    let energy: f64 = 0;
    for (let k: i32 = 0; k < len; k++) {
      const at = profile + (<u32>k << 3);
      const v = load<f64>(at) - mean;
      store<f64>(at, v);
      energy += v * v;
    }
    if (energy <= 1e-9) continue;
    let best: i32 = -1;
    for (let lag = minLag - 1; lag <= maxLag + 1; lag++) {
      let acc: f64 = 0;
      for (let k: i32 = 0; k + lag < len; k++) acc += load<f64>(profile + (<u32>k << 3)) * load<f64>(profile + (<u32>(k + lag) << 3));
      // Normalised by the overlap so long lags are not penalised.
      store<f64>(acf + (<u32>min<i32>(lag, maxLag + 1) << 3), (acc / energy) * (<f64>len / <f64>(len - lag)));
      if (lag > minLag && lag <= maxLag) {
        const prev = load<f64>(acf + (<u32>(lag - 1) << 3));
        if (prev > load<f64>(acf + (<u32>(lag - 2) << 3)) && prev >= load<f64>(acf + (<u32>lag << 3)) && prev >= minPeak) {
          best = lag - 1;
          break;
        }
      }
    }
    if (best < 0) continue;
    // Parabolic refinement of the peak.
    const a = load<f64>(acf + (<u32>(best - 1) << 3));
    const c = load<f64>(acf + (<u32>best << 3));
    const d = load<f64>(acf + (<u32>(best + 1) << 3));
    const denom = a - 2 * c + d;
    const period = <f64>best + (denom < 0 ? (0.5 * (a - d)) / denom : 0);
    store<f32>(value + (<u32>b << 2), <f32>min<f64>(maxPeriod, max<f64>(minPeriod, period)));
    store<f32>(weight + (<u32>b << 2), <f32>c);
  }
  return tried;
}

/**
 * Per block of the grid (cols × rows blocks of `size` px), the Sobel gradient structure tensor
 * summed over the block's pixels away from the image edge: writes gxx = Σ dx² − dy², gxy =
 * Σ 2 dx dy and energy = Σ dx² + dy² (f32 each).
 */
export function gradientTensor(data: u32, w: i32, h: i32, cols: i32, rows: i32, size: i32, gxx: u32, gxy: u32, energy: u32): void {
  for (let by: i32 = 0; by < rows; by++) {
    const y0 = max<i32>(1, by * size);
    const y1 = min<i32>(h - 1, (by + 1) * size);
    for (let bx: i32 = 0; bx < cols; bx++) {
      const x0 = max<i32>(1, bx * size);
      const x1 = min<i32>(w - 1, (bx + 1) * size);
      let sxx: f64 = 0;
      let sxy: f64 = 0;
      let see: f64 = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
          const a = f32At(data, i - w - 1);
          const b = f32At(data, i - w);
          const c = f32At(data, i - w + 1);
          const d = f32At(data, i - 1);
          const f = f32At(data, i + 1);
          const g = f32At(data, i + w - 1);
          const hh = f32At(data, i + w);
          const k = f32At(data, i + w + 1);
          const dx = c + 2 * f + k - a - 2 * d - g;
          const dy = g + 2 * hh + k - a - 2 * b - c;
          sxx += dx * dx - dy * dy;
          sxy += 2 * dx * dy;
          see += dx * dx + dy * dy;
        }
      }
      const blk = <u32>(by * cols + bx) << 2;
      store<f32>(gxx + blk, <f32>sxx);
      store<f32>(gxy + blk, <f32>sxy);
      store<f32>(energy + blk, <f32>see);
    }
  }
}

/**
 * Separable resampling of 8-bit pixels (width × height) to outW × outH floats: per output column
 * (then row) `count` taps from `start`, source indices (i32) and weights (f32). `rows` is
 * outW × height f32 scratch.
 */
export function resample(
  pixels: u32, width: i32, height: i32, outW: i32, outH: i32, rows: u32, out: u32,
  xStart: u32, xCount: u32, xIndex: u32, xWeight: u32, yStart: u32, yCount: u32, yIndex: u32, yWeight: u32,
): void {
  for (let y: i32 = 0; y < height; y++) {
    const row = y * width;
    for (let x: i32 = 0; x < outW; x++) {
      const s = load<i32>(xStart + (<u32>x << 2));
      const n = <i32>load<u8>(xCount + <u32>x);
      let acc: f64 = 0;
      for (let k: i32 = 0; k < n; k++) acc += f32At(xWeight, s + k) * <f64>load<u8>(pixels + <u32>(row + load<i32>(xIndex + (<u32>(s + k) << 2))));
      store<f32>(rows + (<u32>(y * outW + x) << 2), <f32>acc);
    }
  }
  for (let y: i32 = 0; y < outH; y++) {
    const s = load<i32>(yStart + (<u32>y << 2));
    const n = <i32>load<u8>(yCount + <u32>y);
    for (let x: i32 = 0; x < outW; x++) {
      let acc: f64 = 0;
      for (let k: i32 = 0; k < n; k++) acc += f32At(yWeight, s + k) * f32At(rows, load<i32>(yIndex + (<u32>(s + k) << 2)) * outW + x);
      store<f32>(out + (<u32>(y * outW + x) << 2), <f32>acc);
    }
  }
}
