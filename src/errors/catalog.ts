/**
 * The one error catalog. Each area declares its codes in codes/<area>.ts; this file joins them,
 * and docs/errors.md is generated from it (`npm run docs:errors`, checked by a test).
 */
import type { ErrorSpec } from './define.ts';
import { coreCodes } from './codes/core.ts';
import { storeCodes } from './codes/store.ts';
import { busCodes } from './codes/bus.ts';
import { pipelineCodes } from './codes/pipeline.ts';
import { imageCodes } from './codes/images.ts';
import { templateCodes } from './codes/templates.ts';
import { wsqCodes } from './codes/wsq.ts';
import { ansiNistCodes } from './codes/ansi-nist.ts';
import { ebtsCodes } from './codes/ebts.ts';
import { policyCodes } from './codes/policy.ts';
import { biometricCodes } from './codes/biometrics.ts';
import { searchCodes } from './codes/search.ts';
import { serverCodes } from './codes/server.ts';

export const catalog = {
  ...coreCodes,
  ...storeCodes,
  ...busCodes,
  ...pipelineCodes,
  ...imageCodes,
  ...wsqCodes,
  ...templateCodes,
  ...ansiNistCodes,
  ...ebtsCodes,
  ...policyCodes,
  ...biometricCodes,
  ...searchCodes,
  ...serverCodes,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof catalog;

/** Area of each code, for the generated documentation. */
export const areas: Record<string, Record<string, ErrorSpec>> = {
  core: coreCodes,
  store: storeCodes,
  bus: busCodes,
  pipeline: pipelineCodes,
  images: imageCodes,
  wsq: wsqCodes,
  templates: templateCodes,
  'ansi-nist': ansiNistCodes,
  ebts: ebtsCodes,
  policy: policyCodes,
  biometrics: biometricCodes,
  search: searchCodes,
  server: serverCodes,
};
