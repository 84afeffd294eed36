/**
 * Row groups shared by several record types: the record header (category, IDC), the ITL 2011
 * extended-record fields (x.902 ANN, x.995 ASC, x.996 HAS, x.997 SOR), image capture details
 * (x.998 GEO among them) and image quality. Field numbers differ per type, so they are parameters.
 */
import type { Row, RowOpts } from '../nodes.ts';

export const rcc: Row = ['ansi-nist:RecordCategoryCode', '@rcc'];

export const idc = (t: number, opts: RowOpts = {}): Row => ['ansi-nist:ImageReferenceIdentification/nc:IdentificationID', `${t}.002`, opts];

/** ANN, ASC, HAS, SOR: the ExtendedPackageDataRecordType fields, right after the header. */
export const extended = (t: number): Row[] => [
  ['ansi-nist:ProcessAnnotation*/ansi-nist:ProcessUTCDate/nc:DateTime', `${t}.902A`, { conv: 'datetime' }],
  ['ansi-nist:ProcessAnnotation*/ansi-nist:ProcessName', `${t}.902B`],
  ['ansi-nist:ProcessAnnotation*/ansi-nist:ProcessOwnerText', `${t}.902C`],
  ['ansi-nist:ProcessAnnotation*/ansi-nist:ProcessDescriptionText', `${t}.902D`],
  ['ansi-nist:AssociatedContext*/ansi-nist:ContextIdentification/nc:IdentificationID', `${t}.995A`],
  ['ansi-nist:AssociatedContext*/ansi-nist:ImageSegmentIdentification/nc:IdentificationID', `${t}.995B`],
  ['ansi-nist:ImageHashValue', `${t}.996`],
  ['ansi-nist:SourceRepresentation*/ansi-nist:SourceIdentification/nc:IdentificationID', `${t}.997A`],
  ['ansi-nist:SourceRepresentation*/ansi-nist:ImageSegmentIdentification/nc:IdentificationID', `${t}.997B`],
];

/** Capture fields present in a record type, as field numbers (MMS: make, model, serial items). */
export interface CaptureFields {
  geo?: number;
  date?: number;
  dui?: number;
  mms?: number;
  cert?: { field: number; item: string };
  hps?: number;
  src?: number;
  san?: number;
  vps?: number;
  dmm?: number;
  scf?: number;
}

/**
 * ImageCaptureDetail (or `detail`: the BiometricCaptureDetail of audio and video), in XSD order.
 * GEO (x.998) items: UTE, LTD, LTM, LTS, LGD, LGM, LGS, ELE, GDC, GCM, GCE, GCN, GRT, OSI, OCV;
 * UTE is the capture's UTC time.
 */
export function capture(t: number, at: string, c: CaptureFields, detail = 'ansi-nist:ImageCaptureDetail'): Row[] {
  const p = `${at}/${detail}`;
  const loc = `${p}/ansi-nist:CaptureLocation`;
  const coord = `${loc}/ansi-nist:LocationTwoDimensionalGeographicCoordinate`;
  const rows: Row[] = [];
  const r = (path: string, field: number | undefined, item = '', opts: RowOpts = {}) => {
    if (field !== undefined) rows.push([path, `${t}.${String(field).padStart(3, '0')}${item}`, opts]);
  };
  r(`${loc}/nc:LocationDescriptionText`, c.geo, 'M');
  r(`${loc}/nc:LocationGeographicElevation/nc:MeasurePointValue`, c.geo, 'H');
  r(`${coord}/nc:GeographicCoordinateLatitude/nc:LatitudeDegreeValue`, c.geo, 'B');
  r(`${coord}/nc:GeographicCoordinateLatitude/nc:LatitudeMinuteValue`, c.geo, 'C');
  r(`${coord}/nc:GeographicCoordinateLatitude/nc:LatitudeSecondValue`, c.geo, 'D');
  r(`${coord}/nc:GeographicCoordinateLongitude/nc:LongitudeDegreeValue`, c.geo, 'E');
  r(`${coord}/nc:GeographicCoordinateLongitude/nc:LongitudeMinuteValue`, c.geo, 'F');
  r(`${coord}/nc:GeographicCoordinateLongitude/nc:LongitudeSecondValue`, c.geo, 'G');
  r(`${coord}/ansi-nist:GeodeticDatumCoordinateSystemCode|ansi-nist:GeodeticDatumCoordinateSystemName`, c.geo, 'I');
  r(`${loc}/nc:LocationUTMCoordinate/nc:UTMEastingValue`, c.geo, 'K');
  r(`${loc}/nc:LocationUTMCoordinate/nc:UTMGridZoneID`, c.geo, 'J');
  r(`${loc}/nc:LocationUTMCoordinate/nc:UTMNorthingValue`, c.geo, 'L');
  r(`${loc}/ansi-nist:LocationAlternateGeographicSystemValue/ansi-nist:GeographicLocationSystemName`, c.geo, 'N');
  r(`${loc}/ansi-nist:LocationAlternateGeographicSystemValue/ansi-nist:GeographicLocationText`, c.geo, 'O');
  r(`${p}/ansi-nist:CaptureUTCDateTime/nc:DateTime`, c.geo, 'A', { conv: 'datetime' });
  r(`${p}/ansi-nist:CaptureDate/nc:Date`, c.date, '', { conv: 'date' });
  r(`${p}/ansi-nist:CaptureDeviceIdentification/nc:IdentificationID`, c.dui);
  r(`${p}/ansi-nist:CaptureDeviceMakeText`, c.mms, 'A');
  r(`${p}/ansi-nist:CaptureDeviceModelText`, c.mms, 'B');
  r(`${p}/ansi-nist:CaptureDeviceSerialNumberText`, c.mms, 'C');
  r(`${p}/ansi-nist:CaptureDeviceCertificationCode`, c.cert?.field, c.cert?.item);
  r(`${p}/ansi-nist:CaptureHorizontalPixelDensityValue`, c.hps);
  r(`${p}/ansi-nist:CaptureOrganization/nc:OrganizationIdentification/nc:IdentificationID`, c.src);
  r(`${p}/ansi-nist:CaptureOrganization/nc:OrganizationName`, c.san);
  r(`${p}/ansi-nist:CaptureVerticalPixelDensityValue`, c.vps);
  r(`${p}/ansi-nist:CaptureDeviceMonitoringModeCode`, c.dmm);
  r(`${p}/ansi-nist:CaptureIdentification/nc:IdentificationID`, c.scf);
  return rows;
}

/** The biom:ImageType fields a tagged image record has (x.006-x.011 and x.999 are the same in all). */
export interface ImageFields extends CaptureFields {
  /** 16.003 UDI, the image's description. */
  description?: number;
  bpx?: number;
  csp?: number;
  com?: number;
  /** QVU, QAV, QAP subfields (10.024, 16.024, 17.024). */
  quality?: number;
  /** 10.003 IMT. */
  category?: number;
}

/** biom:ImageType in XSD order: data, capture details, then the image attributes. */
export function image(t: number, at: string, f: ImageFields): Row[] {
  const ref = (n: number) => `${t}.${String(n).padStart(3, '0')}`;
  const opt = (n: number | undefined, el: string): Row[] => (n === undefined ? [] : [[`${at}/${el}`, ref(n)]]);
  return [
    [`${at}/nc:BinaryBase64Object`, ref(999), { conv: 'base64' }],
    ...opt(f.description, 'nc:BinaryDescriptionText'),
    ...opt(f.bpx, 'ansi-nist:ImageBitsPerPixelQuantity'),
    ...capture(t, at, f),
    ...opt(f.csp, 'ansi-nist:ImageColorSpaceCode'),
    ...opt(f.com, 'ansi-nist:ImageCommentText'),
    ...opt(11, 'ansi-nist:ImageCompressionAlgorithmText'),
    ...opt(6, 'ansi-nist:ImageHorizontalLineLengthPixelQuantity'),
    ...opt(9, 'ansi-nist:ImageHorizontalPixelDensityValue'),
    ...(f.quality === undefined ? [] : quality(at, ref(f.quality))),
    // SLC 0 (no units: HPS and VPS give the pixel aspect ratio) is outside the schema's {1, 2}; the element is optional, and leaving it out says the same.
    [`${at}/ansi-nist:ImageScaleUnitsCode`, ref(8), { absent: '0' }],
    ...opt(f.category, 'ansi-nist:ImageCategoryCode'),
    ...opt(7, 'ansi-nist:ImageVerticalLineLengthPixelQuantity'),
    ...opt(10, 'ansi-nist:ImageVerticalPixelDensityValue'),
  ];
}

/** Image quality subfields, items QVU, QAV, QAP (10.024, 16.024, 17.024, 99.102, 9.135, 9.316). */
export const quality = (at: string, ref: string, el = 'ansi-nist:ImageQuality'): Row[] => [
  [`${at}/${el}*/ansi-nist:QualityAlgorithmProductIdentification/nc:IdentificationID`, `${ref}C`],
  [`${at}/${el}*/ansi-nist:QualityValue`, `${ref}A`],
  [`${at}/${el}*/ansi-nist:QualityAlgorithmVendorIdentification|ansi-nist:QualityMeasureVendorIdentification/nc:IdentificationID`, `${ref}B`],
];

/** Friction-ridge quality subfields, items FGP, QVU, QAV, QAP (13.024, 14.023/024, 15.024). */
export const ridgeQuality = (at: string, position: string, ref: string): Row[] => [
  [`${at}/ansi-nist:${position}`, `${ref}A`],
  [`${at}/ansi-nist:QualityAlgorithmProductIdentification/nc:IdentificationID`, `${ref}D`],
  [`${at}/ansi-nist:QualityAlgorithmVendorIdentification/nc:IdentificationID`, `${ref}C`],
  [`${at}/ansi-nist:QualityValue`, `${ref}B`],
];

/**
 * A polygon as traditional items: a count then x,y pairs from item `from`, under the element
 * `at` (NOP + vertex pairs of 10.015, 10.033, 10.045, 14.025, 17.033-037).
 */
export const polygon = (at: string, ref: string, count: string, from: number, vertex = 'ansi-nist:PositionPolygonVertex', quantity = 'ansi-nist:PositionPolygonVertexQuantity'): Row[] => [
  [`${at}/${quantity}`, `${ref}${count}`],
  [`${at}/${vertex}+${from}.2/ansi-nist:PositionHorizontalCoordinateValue`, `${ref}A`],
  [`${at}/${vertex}+${from}.2/ansi-nist:PositionVerticalCoordinateValue`, `${ref}B`],
];
