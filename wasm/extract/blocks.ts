// AssemblyScript source of the extractor's block-grid loops (src/biometrics/extract/block-filter.ts
// and segment.ts describe them and call them through filters-core.ts); compiled with filters.ts
// into one module. Each function is the JS loop it replaced, operation for operation (f32
// storage, f64 arithmetic, the same order). Pointers are byte offsets into the module's memory.

// @ts-ignore: decorator
@inline
function f32At(base: u32, i: i32): f64 {
  return <f64>load<f32>(base + (<u32>i << 2));
}

/**
 * One pass of the 1-D kernel `k` (f32, 2r + 1 taps) over `lines` lines of `len` cells (`step`
 * apart, lines `lineStride` apart), renormalised by the weights inside the line.
 */
export function kernelPass(src: u32, dst: u32, k: u32, r: i32, lines: i32, len: i32, lineStride: i32, step: i32): void {
  for (let l: i32 = 0; l < lines; l++) {
    for (let i: i32 = 0; i < len; i++) {
      let acc: f64 = 0;
      let wsum: f64 = 0;
      const hi = min<i32>(r, len - 1 - i);
      for (let j = max<i32>(-r, -i); j <= hi; j++) {
        const kj = f32At(k, j + r);
        acc += kj * f32At(src, l * lineStride + (i + j) * step);
        wsum += kj;
      }
      store<f32>(dst + (<u32>(l * lineStride + i * step) << 2), <f32>(acc / wsum));
    }
  }
}

/**
 * Bilinear interpolation of a block-centred field (f32, cols × rows) to a w × h raster of cells
 * `size` px wide; x0s, x1s, blockCol (i32) and axs (f32) are the per-column terms. With
 * `useWhere`, only cells of the blocks flagged in `where` (u8 per block) are written.
 */
export function upsample(
  values: u32, cols: i32, rows: i32, size: f64, w: i32, h: i32, useWhere: bool, where: u32, x0s: u32, x1s: u32, axs: u32, blockCol: u32, out: u32,
): void {
  for (let y: i32 = 0; y < h; y++) {
    let fy = (<f64>y + 0.5) / size - 0.5;
    fy = fy < 0 ? 0 : fy > <f64>(rows - 1) ? <f64>(rows - 1) : fy;
    const y0 = Math.floor(fy);
    const r0 = <i32>y0 * cols;
    const r1 = (<i32>y0 + 1 < rows ? <i32>y0 + 1 : <i32>y0) * cols;
    const ay = fy - y0;
    const o = y * w;
    const brow = <i32>(<f64>y / size) * cols;
    for (let x: i32 = 0; x < w; x++) {
      if (useWhere && !load<u8>(where + <u32>(brow + load<i32>(blockCol + (<u32>x << 2))))) continue;
      const ax = f32At(axs, x);
      const a = load<i32>(x0s + (<u32>x << 2));
      const b = load<i32>(x1s + (<u32>x << 2));
      const top = f32At(values, r0 + a) * (1 - ax) + f32At(values, r0 + b) * ax;
      const bottom = f32At(values, r1 + a) * (1 - ax) + f32At(values, r1 + b) * ax;
      store<f32>(out + (<u32>(o + x) << 2), <f32>(top * (1 - ay) + bottom * ay));
    }
  }
}

/**
 * The block mask (u8, cols × rows) interpolated bilinearly to pixels and cut at 0.5, inside the
 * frame; x0s, x1s (i32) and axs (f32) are the per-column terms. Writes 1s to `mask` (zeroed by
 * the caller) and returns their number.
 */
export function pixelMask(blocks: u32, cols: i32, rows: i32, size: f64, w: i32, h: i32, frame: i32, x0s: u32, x1s: u32, axs: u32, mask: u32): i32 {
  let count: i32 = 0;
  for (let y = frame; y < h - frame; y++) {
    let fy = (<f64>y + 0.5) / size - 0.5;
    fy = fy < 0 ? 0 : fy > <f64>(rows - 1) ? <f64>(rows - 1) : fy;
    const y0 = Math.floor(fy);
    const r0 = <i32>y0 * cols;
    const r1 = (<i32>y0 + 1 < rows ? <i32>y0 + 1 : <i32>y0) * cols;
    const ay = fy - y0;
    for (let x = frame, i = y * w + frame; x < w - frame; x++, i++) {
      const xa = load<i32>(x0s + (<u32>x << 2));
      const xb = load<i32>(x1s + (<u32>x << 2));
      const a = <i32>load<u8>(blocks + <u32>(r0 + xa));
      const b = <i32>load<u8>(blocks + <u32>(r0 + xb));
      const c = <i32>load<u8>(blocks + <u32>(r1 + xa));
      const d = <i32>load<u8>(blocks + <u32>(r1 + xb));
      const on = a + b + c + d;
      if (on == 0) continue;
      if (on < 4) {
        const ax = f32At(axs, x);
        // Same arithmetic as upsample, rounded to float32 as it stores.
        const v = <f64><f32>((<f64>a * (1 - ax) + <f64>b * ax) * (1 - ay) + (<f64>c * (1 - ax) + <f64>d * ax) * ay);
        if (v < 0.5) continue;
      }
      store<u8>(mask + <u32>i, 1);
      count++;
    }
  }
  return count;
}
