/** An 8-bit grayscale raster: row-major, one byte per pixel, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  /** Scanning resolution in pixels per inch when the source says it (or the caller knows it). */
  ppi?: number;
}
