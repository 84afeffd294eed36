// AssemblyScript source of the extractor's binary-image steps (src/biometrics/extract/binarize.ts
// and thin.ts describe them and call them through filters-core.ts); compiled with filters.ts
// into one module. Each function is the JS loop it replaced, step for step, so the binary image
// and the skeleton are unchanged. Pointers are byte offsets into the module's memory.

const UNSEEN: u8 = 0;
const QUEUED: u8 = 1;
const STAYS: u8 = 2;

/**
 * Flips every component of `value` (8-connected for ridges, 4 for valleys) smaller than minArea;
 * a valley touching the background is never a hole (see binarize.ts). `cell` holds 0 outside the
 * mask, else 1 + the pixel's value.
 */
function removeSmall(cell: u32, w: i32, h: i32, frame: i32, value: i32, minArea: i32, state: u32, queue: u32, offsets: u32): void {
  memory.fill(state, UNSEEN, <u32>(w * h));
  let nOff: i32;
  if (value == 1) {
    store<i32>(offsets, -w - 1);
    store<i32>(offsets, -w, 4);
    store<i32>(offsets, -w + 1, 8);
    store<i32>(offsets, -1, 12);
    store<i32>(offsets, 1, 16);
    store<i32>(offsets, w - 1, 20);
    store<i32>(offsets, w, 24);
    store<i32>(offsets, w + 1, 28);
    nOff = 8;
  } else {
    store<i32>(offsets, -w);
    store<i32>(offsets, -1, 4);
    store<i32>(offsets, 1, 8);
    store<i32>(offsets, w, 12);
    nOff = 4;
  }
  const mine = <u8>(1 + value);
  const flipped = <u8>(3 - mine);
  for (let y = frame; y < h - frame; y++) {
    for (let s = y * w + frame, end = y * w + w - frame; s < end; s++) {
      if (load<u8>(state + <u32>s) != UNSEEN || load<u8>(cell + <u32>s) != mine) continue;
      let count: i32 = 0;
      let stays = false;
      store<i32>(queue + (<u32>count << 2), s);
      count++;
      store<u8>(state + <u32>s, QUEUED);
      for (let head: i32 = 0; head < count && !stays; head++) {
        const c = load<i32>(queue + (<u32>head << 2));
        for (let k: i32 = 0; k < nOff; k++) {
          const nb = c + load<i32>(offsets + (<u32>k << 2));
          const v = load<u8>(cell + <u32>nb);
          if (v == mine) {
            const st = load<u8>(state + <u32>nb);
            if (st == STAYS) stays = true;
            else if (st == UNSEEN) {
              store<u8>(state + <u32>nb, QUEUED);
              store<i32>(queue + (<u32>count << 2), nb);
              count++;
            }
          } else if (v == 0 && value == 0) stays = true;
        }
        if (count >= minArea) stays = true;
      }
      for (let k: i32 = 0; k < count; k++) {
        const q = <u32>load<i32>(queue + (<u32>k << 2));
        store<u8>(state + q, STAYS);
        if (!stays) store<u8>(cell + q, flipped);
      }
    }
  }
}

/**
 * Sign of the enhanced image inside the mask (ridge = 1), small ridge islands and valley holes
 * flipped. Writes the binary image to `out` (which may be `cell`); `state` (u8) and `queue`
 * (i32) are w·h scratch, `offsets` 32 bytes.
 */
export function binarize(enhanced: u32, mask: u32, w: i32, h: i32, frame: i32, minArea: i32, cell: u32, state: u32, queue: u32, offsets: u32): void {
  const n = w * h;
  for (let i: i32 = 0; i < n; i++) {
    store<u8>(cell + <u32>i, load<u8>(mask + <u32>i) ? (load<f32>(enhanced + (<u32>i << 2)) > 0 ? 2 : 1) : 0);
  }
  removeSmall(cell, w, h, frame, 1, minArea, state, queue, offsets);
  removeSmall(cell, w, h, frame, 0, minArea, state, queue, offsets);
  for (let i: i32 = 0; i < n; i++) store<u8>(cell + <u32>i, load<u8>(cell + <u32>i) == 2 ? 1 : 0);
}

/** 8-neighbour code, bit 0 = N then clockwise: N, NE, E, SE, S, SW, W, NW. */
// @ts-ignore: decorator
@inline
function neighbourCode(img: u32, i: i32, w: i32): u32 {
  return (
    <u32>load<u8>(img + <u32>(i - w)) |
    (<u32>load<u8>(img + <u32>(i - w + 1)) << 1) |
    (<u32>load<u8>(img + <u32>(i + 1)) << 2) |
    (<u32>load<u8>(img + <u32>(i + w + 1)) << 3) |
    (<u32>load<u8>(img + <u32>(i + w)) << 4) |
    (<u32>load<u8>(img + <u32>(i + w - 1)) << 5) |
    (<u32>load<u8>(img + <u32>(i - 1)) << 6) |
    (<u32>load<u8>(img + <u32>(i - w - 1)) << 7)
  );
}

/**
 * Thins the n-pixel binary image `bin` (width w, background frame of one pixel) in place (see
 * thin.ts). `tables` holds four 256-byte tables: Zhang–Suen's first and second sub-iteration,
 * neighbour counts and 8-connectivity numbers. `list` and `marked` are i32 scratch, `dirty` u8,
 * each n long.
 */
export function thin(bin: u32, n: i32, w: i32, tables: u32, list: u32, marked: u32, dirty: u32): void {
  let count: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    if (load<u8>(bin + <u32>i)) {
      store<i32>(list + (<u32>count << 2), i);
      count++;
    }
  }
  memory.fill(dirty, 0, <u32>n);
  for (let k: i32 = 0; k < count; k++) store<u8>(dirty + <u32>load<i32>(list + (<u32>k << 2)), 3);
  let changed = true;
  while (changed) {
    changed = false;
    for (let step: i32 = 1; step <= 2; step++) {
      const table = tables + (step == 1 ? 0 : 256);
      let m: i32 = 0;
      for (let k: i32 = 0; k < count; k++) {
        const i = load<i32>(list + (<u32>k << 2));
        const d = <i32>load<u8>(dirty + <u32>i);
        if (!(d & step)) continue;
        store<u8>(dirty + <u32>i, d & ~step);
        if (load<u8>(table + neighbourCode(bin, i, w))) {
          store<i32>(marked + (<u32>m << 2), i);
          m++;
        }
      }
      for (let k: i32 = 0; k < m; k++) store<u8>(bin + <u32>load<i32>(marked + (<u32>k << 2)), 0);
      for (let k: i32 = 0; k < m; k++) {
        const i = load<i32>(marked + (<u32>k << 2));
        store<u8>(dirty + <u32>(i - w - 1), 3);
        store<u8>(dirty + <u32>(i - w), 3);
        store<u8>(dirty + <u32>(i - w + 1), 3);
        store<u8>(dirty + <u32>(i - 1), 3);
        store<u8>(dirty + <u32>(i + 1), 3);
        store<u8>(dirty + <u32>(i + w - 1), 3);
        store<u8>(dirty + <u32>(i + w), 3);
        store<u8>(dirty + <u32>(i + w + 1), 3);
      }
      if (m > 0) changed = true;
    }
    let kept: i32 = 0;
    for (let k: i32 = 0; k < count; k++) {
      const i = load<i32>(list + (<u32>k << 2));
      if (load<u8>(bin + <u32>i)) {
        store<i32>(list + (<u32>kept << 2), i);
        kept++;
      }
    }
    count = kept;
  }
  const neighbours = tables + 512;
  const connectivity = tables + 768;
  for (let k: i32 = 0; k < count; k++) {
    const i = load<i32>(list + (<u32>k << 2));
    const c = neighbourCode(bin, i, w);
    if (load<u8>(neighbours + c) >= 2 && load<u8>(connectivity + c) == 1) store<u8>(bin + <u32>i, 0);
  }
}

/**
 * The skeleton pixels (rows 1 … h − 2) whose number of skeleton neighbours is neither 0 nor 2:
 * endings and junction pixels, the only pixels that can be graph nodes. Writes their indices
 * (i32, ascending) to `out` and returns how many.
 */
export function nodeCandidates(skel: u32, w: i32, h: i32, out: u32): i32 {
  let n: i32 = 0;
  for (let i = w, end = w * (h - 1); i < end; i++) {
    if (!load<u8>(skel + <u32>i)) continue;
    const nb = popcnt<u32>(neighbourCode(skel, i, w));
    if (nb == 2 || nb == 0) continue;
    store<i32>(out + (<u32>n << 2), i);
    n++;
  }
  return n;
}
