/**
 * Type-20 (source representation) <-> itl:PackageSourceRepresentationRecord and Type-21
 * (associated context) <-> itl:PackageAssociatedContextRecord (ANSI/NIST-ITL 1-2011 Tables 53,
 * 54). Item orders: AQS acquisition source code, analog-to-digital conversion, radio transmission
 * format, special characteristics; SFT/AFT file type, decoding instructions; SEG segment number,
 * internal file pointer, NOP, then x,y pairs; TIX start, end. The record-level COM is the
 * Source/ContextCommentText.
 *
 * The XSD holds the data as an image, an audio or a video element, and the traditional record does
 * not say which (AQS codes overlap, and Type-21 has none): a record with a time index (TIX) is
 * audio when its file type is an audio format, else video; one without is an image. Audio and
 * video require a time segment, so this is the choice that validates.
 */
import { fromRows, type ContainerOpts, type Row, type When } from '../nodes.ts';
import { capture, extended, idc, image, polygon, rcc } from './common.ts';

const AUDIO = ['AAC', 'AIF', 'AIFF', 'AMR', 'AU', 'FLAC', 'M4A', 'MP3', 'OGG', 'OPUS', 'WAV', 'WMA'].flatMap((s) => [s, s.toLowerCase()]);
const still: When = { field: 19, present: false };
const audio: When = { field: 19, present: true, and: { field: 15, in: AUDIO } };
const video: When = { field: 19, present: true, and: { field: 15, notIn: AUDIO } };
const kinds = (prefix: string): Record<string, ContainerOpts> => ({
  [`ansi-nist:${prefix}Image`]: { when: still },
  [`ansi-nist:${prefix}Audio`]: { when: audio },
  [`ansi-nist:${prefix}Audio/ansi-nist:BiometricCaptureDetail`]: { keep: true },
  [`ansi-nist:${prefix}Video`]: { when: video },
  [`ansi-nist:${prefix}Video/ansi-nist:BiometricCaptureDetail`]: { keep: true },
});

const segments = (t: number, at: string): Row[] => [
  [`${at}/ansi-nist:ImageSegment*/ansi-nist:ImageSegmentIdentification/nc:IdentificationID`, `${t}.016A`],
  [`${at}/ansi-nist:ImageSegment*/ansi-nist:ImageSegmentInternalIdentification/nc:IdentificationID`, `${t}.016B`],
  ...polygon(`${at}/ansi-nist:ImageSegment*`, `${t}.016`, 'C', 3),
];

const times = (t: number, at: string): Row[] => [
  [`${at}/ansi-nist:TimeSegment*/ansi-nist:TimeSegmentStartTimeValue`, `${t}.019A`],
  [`${at}/ansi-nist:TimeSegment*/ansi-nist:TimeSegmentEndTimeValue`, `${t}.019B`],
];

/** Capture fields of each record type (x.005 is the source or context date). */
const captured = { 20: { geo: 998, date: 5, dui: 903, mms: 904, src: 4, san: 993 }, 21: { geo: 998, date: 5, src: 4, san: 993 } };

/** The three forms of the data: image (with segments), audio (time segments), video (both). */
function media(t: 20 | 21, prefix: string): Row[] {
  const [I, A, V] = ['Image', 'Audio', 'Video'].map((k) => `ansi-nist:${prefix}${k}`) as [string, string, string];
  const data = (at: string): Row => [`${at}/nc:BinaryBase64Object`, `${t}.999`, { conv: 'base64' }];
  const imageRows: Row[] =
    t === 20
      ? image(20, I, { ...captured[20], bpx: 12, csp: 13, hps: 17, vps: 18 })
      : [data(I), ...capture(21, I, captured[21])];
  return [
    ...imageRows,
    ...segments(t, I),
    data(A),
    ...capture(t, A, captured[t], 'ansi-nist:BiometricCaptureDetail'),
    ...times(t, A),
    data(V),
    ...capture(t, V, captured[t], 'ansi-nist:BiometricCaptureDetail'),
    ...segments(t, V),
    ...times(t, V),
  ];
}

const source: Row[] = [
  rcc,
  idc(20),
  ...extended(20),
  ['ansi-nist:SourceRecordCardinalityCode', '20.003'],
  ['ansi-nist:SourceAcquisition*/ansi-nist:AcquisitionSourceCode', '20.014A'],
  ['ansi-nist:SourceAcquisition*/ansi-nist:AcquisitionDigitalConversionDescriptionText', '20.014B'],
  ['ansi-nist:SourceAcquisition*/ansi-nist:AcquisitionFormatDescriptionText', '20.014C'],
  ['ansi-nist:SourceAcquisition*/ansi-nist:AcquisitionSpecialCharacteristicsText', '20.014D'],
  ['ansi-nist:SourceFileFormat/ansi-nist:SourceFileCategoryText', '20.015A'],
  ['ansi-nist:SourceFileFormat/ansi-nist:SourceFileDecodingInstructionsText', '20.015B'],
  ['ansi-nist:SourceCommentText', '20.020'],
  ['ansi-nist:SourceIdentification/nc:IdentificationID', '20.021'],
  ['ansi-nist:SourceExternalFileReferenceText', '20.994'],
  ...media(20, 'Source'),
];

const context: Row[] = [
  rcc,
  idc(21),
  ...extended(21),
  ['ansi-nist:ContextFileFormat/ansi-nist:ContextFileCategoryText', '21.015A'],
  ['ansi-nist:ContextFileFormat/ansi-nist:ContextFileDecodingInstructionsText', '21.015B'],
  ['ansi-nist:ContextCommentText', '21.020'],
  ['ansi-nist:ContextIdentification/nc:IdentificationID', '21.021'],
  ['ansi-nist:ContextExternalFileReferenceText', '21.994'],
  ...media(21, 'Context'),
];

export const sourceRecord = fromRows(20, source, kinds('Source'));
export const contextRecord = fromRows(21, context, kinds('Context'));
