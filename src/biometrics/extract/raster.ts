/** Internal rasters of the extractor: row-major typed arrays, no per-pixel objects. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** A coarse grid of square blocks over a raster. */
export interface BlockGrid {
  readonly size: number;
  readonly cols: number;
  readonly rows: number;
}

export function blockGrid(width: number, height: number, size: number): BlockGrid {
  return { size, cols: Math.ceil(width / size), rows: Math.ceil(height / size) };
}
