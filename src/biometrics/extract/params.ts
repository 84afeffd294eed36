/**
 * The one parameter set of the extractor. Every length is in pixels of the 500-ppi working image:
 * images at other resolutions are resampled to 500 ppi first, so one set serves every sensor.
 * Values are principled (ridge period ≈ 9 px at 500 ppi, blocks ≈ one ridge period) rather than
 * tuned to particular images.
 */
export const WORKING_PPI = 500;

export const extractParams = {
  /** Orientation and segmentation block side. */
  block: 8,
  segmentation: {
    /** A block is foreground when its (3×3-block smoothed) contrast reaches this share of the 95th percentile… */
    relativeContrast: 0.3,
    /** …and at least this many gray levels of standard deviation (a flat or blank image has none). */
    minContrast: 6,
    /** Foreground blocks also need this orientation coherence (noise is incoherent). */
    minCoherence: 0.12,
    /** Majority vote radius in blocks, then holes are filled and only large components kept. */
    voteRadius: 2,
    /** Components smaller than this share of the largest one are dropped. */
    minComponentShare: 0.2,
    /** Width of the always-background frame along the image edge (≥ the oriented filters' reach). */
    frame: 20,
  },
  /** Gaussian smoothing of the orientation tensor, in blocks. */
  orientationSigma: 1.6,
  enhance: {
    /** Orientation quantisation of the oriented filters. */
    bins: 24,
    /** Along-ridge smoothing: half length and Gaussian sigma. */
    alongHalf: 8,
    alongSigma: 4,
    /** Sample spacing of the along-ridge kernel. */
    alongStep: 1,
    /** Across-ridge Gabor band-pass: half length, and envelope sigma as a share of the local period. */
    acrossHalf: 8,
    acrossSigmaPerPeriod: 0.45,
  },
  frequency: {
    /** Plausible ridge periods at 500 ppi (children's fingers to coarse adult ridges). */
    minPeriod: 5,
    maxPeriod: 15,
    /** Half length of the profile taken across the ridges, and its half width along them. */
    profileHalf: 16,
    profileWidth: 4,
    /** A profile whose autocorrelation peak is below this has no clear period. */
    minPeak: 0.25,
    /** Periods are measured every `stride` blocks in each direction and filled in between. */
    stride: 1,
    /** Smoothing of the period field, in blocks. */
    sigma: 2,
    /** Used when no block of the image has a clear period. */
    fallback: 9,
  },
  binarize: {
    /** Ridge islands and valley holes smaller than this (pixels) are noise. */
    minArea: 24,
  },
  skeleton: {
    /** Ridge pieces with two endings shorter than this are dots or fragments. */
    fragment: 20,
    /** Branches from an ending to a junction shorter than this are spurs. */
    spur: 14,
    /** Loops (two junctions joined twice) shorter than this in total are pores or lakes. */
    loop: 36,
    /** Junction-to-junction links shorter than this, across the ridge flow, are bridges. */
    bridge: 14,
    /** Facing endings closer than this are a broken ridge. */
    gap: 18,
    /** Path length traced from a minutia to measure its direction. */
    directionTrace: 12,
  },
  minutiae: {
    /** Minutiae closer than this to the background are cut by the segmentation border. */
    borderDistance: 14,
    /** At most this many minutiae are kept, best quality first. */
    max: 96,
  },
} as const;
