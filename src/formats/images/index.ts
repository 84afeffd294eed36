export type { GrayImage } from './gray-image.ts';
export { decodeImage } from './decode-image.ts';
export { sniffImageFormat, type ImageFormat } from './sniff.ts';
export { decodePng, encodePng } from './png.ts';
export { decodeTiff } from './tiff.ts';
export { decodeJpeg } from './jpeg.ts';
export { decodeJpeg2000 } from './jpeg2000.ts';
export { decodeBmp } from './bmp.ts';
export { DEFAULT_MAX_PIXELS, type ImageDecodeOptions } from './limits.ts';
