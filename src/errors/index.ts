export { SeccomError, isSeccomError, type ErrorLocation } from './seccom-error.ts';
export { catalog, type ErrorCode } from './catalog.ts';
export { defineCodes, exitCodeFor, type ErrorSpec } from './define.ts';
