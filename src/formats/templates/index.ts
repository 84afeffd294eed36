export type {
  Ansi2009Format,
  Ansi2009Record,
  Ansi2009View,
  ExtendedData,
  FingerViewRecord,
  Iso2011Record,
  Iso2011View,
  MinutiaRecord,
  MinutiaeFormat,
  MinutiaeRecord,
  RidgeCounts,
} from './record.ts';
export { ridgeCounts, RIDGE_COUNT_TYPE } from './record.ts';
export { detectFormat, readMinutiaeRecord } from './read.ts';
export { writeMinutiaeRecord } from './write.ts';
export { ansi2009Edition, readAnsi2009Record, writeAnsi2009Record } from './ansi2009.ts';
export { isIso2011, readIso2011Record, writeIso2011Record } from './iso2011.ts';
export { toFingerTemplates, fromFingerTemplates, toAnsi2009Record, toIso2011Record, readFingerTemplates, type RecordOptions } from './convert.ts';
