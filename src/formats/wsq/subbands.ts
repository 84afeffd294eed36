/**
 * The WSQ 64-subband decomposition (IAFIS-IC-0110 §2, the "wavelet tree" and "quantization tree").
 * Twenty 2-D split steps, each dividing a rectangle into four quadrants; 60 of the 64 leaves are
 * coded, numbered in the order the standard stores them.
 *
 * Every 1-D split of an odd length gives the lowpass half the extra sample. A quadrant that is the
 * second half in x (or y) is filtered with spectral inversion in that direction, which stores its
 * highpass half first, so its own odd splits put the smaller half first.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SplitStep {
  rect: Rect;
  /** Spectral inversion along x (rows) / y (columns): highpass stored before lowpass. */
  invX: boolean;
  invY: boolean;
}

export interface Decomposition {
  /** Split steps, each parent before its children (analysis order; synthesis runs it backwards). */
  steps: SplitStep[];
  /** Rectangles of the 60 coded subbands, by subband number. */
  subbands: Rect[];
}

export const CODED_SUBBANDS = 60;
/** First subband of the second and third coded blocks (the standard's block boundaries). */
export const BLOCK_STARTS = [0, 19, 52] as const;

/** A tree node: four children in memory order TL, TR, BL, BR; a number is a leaf subband. */
type Child = number | Node | null;
interface Node {
  children: [Child, Child, Child, Child];
}
const node = (a: Child, b: Child, c: Child, d: Child): Node => ({ children: [a, b, c, d] });
const leaves = (first: number): Node => node(first, first + 1, first + 2, first + 3);

const TREE: Node = node(
  node(
    node(node(leaves(0), 4, 5, 6), leaves(7), leaves(11), leaves(15)),
    node(leaves(19), leaves(23), leaves(27), leaves(31)),
    node(leaves(35), leaves(39), leaves(43), leaves(47)),
    51,
  ),
  leaves(52),
  leaves(56),
  null, // the highest-frequency quadrant is discarded
);

/** Length of the first half of a split of n samples, with or without spectral inversion. */
export function firstHalf(n: number, inverted: boolean): number {
  return inverted ? n >> 1 : (n + 1) >> 1;
}

function quadrants(r: Rect, invX: boolean, invY: boolean): Rect[] {
  const w0 = firstHalf(r.w, invX);
  const h0 = firstHalf(r.h, invY);
  return [
    { x: r.x, y: r.y, w: w0, h: h0 },
    { x: r.x + w0, y: r.y, w: r.w - w0, h: h0 },
    { x: r.x, y: r.y + h0, w: w0, h: r.h - h0 },
    { x: r.x + w0, y: r.y + h0, w: r.w - w0, h: r.h - h0 },
  ];
}

export function decomposition(width: number, height: number): Decomposition {
  const steps: SplitStep[] = [];
  const subbands: Rect[] = new Array<Rect>(CODED_SUBBANDS);
  const visit = (n: Node, rect: Rect, invX: boolean, invY: boolean) => {
    steps.push({ rect, invX, invY });
    const quads = quadrants(rect, invX, invY);
    n.children.forEach((child, i) => {
      if (typeof child === 'number') subbands[child] = quads[i]!;
      else if (child) visit(child, quads[i]!, (i & 1) === 1, (i & 2) === 2);
    });
  };
  visit(TREE, { x: 0, y: 0, w: width, h: height }, false, false);
  return { steps, subbands };
}
