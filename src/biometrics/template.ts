/**
 * The interchange minutiae template: what extraction produces, what the ANSI INCITS 378 and
 * ISO/IEC 19794-2 codecs read and write, and what the matcher compiles into its own packed,
 * typed-array form. Objects are fine here; hot loops use the matcher's packed form.
 *
 * Conventions (those of ISO/IEC 19794-2 and ANSI INCITS 378):
 * - x, y in pixels of the source image, origin top-left, y growing downwards;
 * - angle in radians in [0, 2π), counter-clockwise from the positive x axis as the image is
 *   viewed (so a ridge going "up" the image has angle π/2);
 * - quality 0..100 (0 = unknown), as in the standards.
 */
export type MinutiaType = 'ending' | 'bifurcation' | 'other';

export interface Minutia {
  x: number;
  y: number;
  angle: number;
  type: MinutiaType;
  quality: number;
}

export interface FingerTemplate {
  /** Source image size in pixels. */
  width: number;
  height: number;
  /** Resolution in pixels per inch (500 for FBI 500-ppi prints). */
  ppi: number;
  /** Finger position code (ANSI/NIST FGP: 0 unknown, 1 right thumb ... 10 left little). */
  position: number;
  /** Image quality of the finger, 0..100 (0 = unknown). */
  quality: number;
  minutiae: Minutia[];
}
