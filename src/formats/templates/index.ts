export type { ExtendedData, FingerViewRecord, MinutiaRecord, MinutiaeFormat, MinutiaeRecord, RidgeCounts } from './record.ts';
export { ridgeCounts, RIDGE_COUNT_TYPE } from './record.ts';
export { detectFormat, readMinutiaeRecord } from './read.ts';
export { writeMinutiaeRecord } from './write.ts';
export { toFingerTemplates, fromFingerTemplates, type RecordOptions } from './convert.ts';
