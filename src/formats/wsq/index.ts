export { decodeWsq, readWsqInfo, type WsqDecodeOptions, type WsqInfo } from './decode.ts';
export { parseNistCom, formatNistCom, type NistCom } from './nistcom.ts';
export type { FrameHeader } from './tables.ts';
export { encodeWsq, DEFAULT_BITRATE, type WsqEncodeOptions } from './encode.ts';
