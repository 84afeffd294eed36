/**
 * The one error catalog. Each area declares its codes in codes/<area>.ts; this file joins them,
 * and docs/errors.md is generated from it (`npm run docs:errors`, checked by a test).
 */
import type { ErrorSpec } from './define.ts';
import { coreCodes } from './codes/core.ts';

export const catalog = {
  ...coreCodes,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof catalog;

/** Area of each code, for the generated documentation. */
export const areas: Record<string, Record<string, ErrorSpec>> = {
  core: coreCodes,
};
