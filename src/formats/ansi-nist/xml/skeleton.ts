/**
 * Where each traditional field lives in the ANSI/NIST-ITL 2011 / EBTS 10.0 NIEM XML encoding.
 * One ordered skeleton per record type: children are listed in the order the XSD sequences
 * require (checked by validating our output against the XSDs), so the writer emits valid XML by
 * walking the skeleton, and the reader maps elements back to fields by walking it too.
 *
 * Covered: Type-1, the EBTS Type-2 fields of CAR/CNA/SRE/ERRT, Type-4 and Type-14. A field or
 * element outside these is reported (unmapped), never dropped silently.
 */

/**
 * How a value is spelled in XML. `date`: CCYYMMDD <-> YYYY-MM-DD; `datetime`: 1.014 GMT;
 * `bool`: Y/N <-> true/false; `pad2`: at least two digits in XML, none leading in traditional
 * (record types); `int`: a number written as is, read without leading zeros or spaces;
 * `base64`: binary data.
 */
export type Conv = 'text' | 'date' | 'datetime' | 'bool' | 'pad2' | 'int' | 'base64';

/** A composite traditional value split over several elements (rebuilt on reading). */
export type Part = 'major' | 'minor' | 'given' | 'middle' | 'surname' | 'mnuType' | 'mnuId';

export interface Binding {
  field: number;
  /** 0-based item; default 0. */
  item?: number;
  /** A fixed subfield, for fields whose subfields map to different elements (1.003 CNT). */
  subfield?: number;
  conv?: Conv;
  part?: Part;
}

export interface SkeletonNode {
  el: string;
  children?: SkeletonNode[];
  bind?: Binding;
  /** Repeats once per subfield of `field` (from subfield `from`), or once per item of its first subfield. */
  repeat?: { field: number; per: 'subfield' | 'item'; from?: number };
}

const n = (el: string, ...children: SkeletonNode[]): SkeletonNode => ({ el, children });
const v = (el: string, field: number, opts: Omit<Binding, 'field'> = {}): SkeletonNode => ({ el, bind: { field, ...opts } });
const each = (node: SkeletonNode, field: number, from?: number): SkeletonNode => ({
  ...node,
  repeat: { field, per: 'subfield', ...(from !== undefined ? { from } : {}) },
});
const id = (el: string, field: number, opts: Omit<Binding, 'field'> = {}) => n(el, v('nc:IdentificationID', field, opts));
const org = (el: string, field: number) => n(el, id('nc:OrganizationIdentification', field));
const date = (el: string, field: number, opts: Omit<Binding, 'field'> = {}) => n(el, v('nc:Date', field, { ...opts, conv: 'date' }));
const name = (el: string, field: number) =>
  n(el, v('nc:PersonGivenName', field, { part: 'given' }), v('nc:PersonMiddleName', field, { part: 'middle' }), v('nc:PersonSurName', field, { part: 'surname' }));

/** Every record starts with its category code and (but Type-1) its IDC. */
const rcc: SkeletonNode = { el: 'ansi-nist:RecordCategoryCode' };

const type1: SkeletonNode[] = [
  rcc,
  n(
    'ansi-nist:Transaction',
    date('ansi-nist:TransactionDate', 5),
    org('ansi-nist:TransactionDestinationOrganization', 7),
    org('ansi-nist:TransactionOriginatingOrganization', 8),
    n('ansi-nist:TransactionUTCDate', v('nc:DateTime', 14, { conv: 'datetime' })),
    id('ansi-nist:TransactionControlIdentification', 9),
    id('ansi-nist:TransactionControlReferenceIdentification', 10),
    n('ansi-nist:TransactionDomain', id('ansi-nist:DomainVersionNumberIdentification', 13, { item: 1 }), v('ansi-nist:TransactionDomainName', 13)),
    each(
      n(
        'ansi-nist:TransactionApplicationProfile',
        v('ansi-nist:ApplicationProfileOrganizationName', 16),
        v('ansi-nist:ApplicationProfileName', 16, { item: 1 }),
        id('ansi-nist:ApplicationProfileVersionIdentification', 16, { item: 2 }),
      ),
      16,
    ),
    n('ansi-nist:TransactionImageResolutionDetails', v('ansi-nist:NativeScanningResolutionValue', 11), v('ansi-nist:NominalTransmittingResolutionValue', 12)),
    v('ansi-nist:TransactionMajorVersionValue', 2, { part: 'major' }),
    v('ansi-nist:TransactionMinorVersionValue', 2, { part: 'minor' }),
    v('ansi-nist:TransactionPriorityValue', 6),
    v('ebts:TransactionCategoryCode', 4),
    n(
      'ansi-nist:TransactionContentSummary',
      v('ansi-nist:ContentFirstRecordCategoryCode', 3, { subfield: 0, conv: 'int' }),
      v('ansi-nist:ContentRecordQuantity', 3, { subfield: 0, item: 1, conv: 'pad2' }),
      each(n('ansi-nist:ContentRecordSummary', id('ansi-nist:ImageReferenceIdentification', 3, { item: 1 }), v('ansi-nist:RecordCategoryCode', 3, { conv: 'pad2' })), 3, 1),
    ),
    each(
      n(
        'ansi-nist:TransactionCharacterSetDirectory',
        v('ansi-nist:CharacterSetCommonNameCode', 15, { item: 1 }),
        v('ansi-nist:CharacterSetIndexCode', 15),
        id('ansi-nist:CharacterSetVersionIdentification', 15, { item: 2 }),
      ),
      15,
    ),
  ),
];

const type2: SkeletonNode[] = [
  rcc,
  id('ansi-nist:ImageReferenceIdentification', 2),
  n(
    'itl:UserDefinedDescriptiveDetail',
    n(
      'ebts:DomainDefinedDescriptiveFields',
      v('ansi-nist:RecordRetentionIndicator', 5, { conv: 'bool' }),
      n('ansi-nist:RecordForwardOrganizations', each(id('nc:OrganizationIdentification', 7), 7)),
      v('ansi-nist:RecordRapSheetRequestIndicator', 70, { conv: 'bool' }),
      v('nc:CaveatText', 6),
      n(
        'ebts:RecordImageCaptureDetail',
        v('ansi-nist:CaptureDeviceMakeText', 67),
        v('ansi-nist:CaptureDeviceModelText', 67, { item: 1 }),
        v('ansi-nist:CaptureDeviceSerialNumberText', 67, { item: 2 }),
      ),
      n(
        'ebts:RecordTransactionData',
        n(
          'ebts:TransactionResponseData',
          v('ebts:TransactionSearchResultsCode', 59),
          each(v('ebts:TransactionStatusText', 60), 60),
          v('ebts:TransactionElectronicRapSheetText', 75),
        ),
      ),
      n(
        'ebts:RecordTransactionActivity',
        v('j:SubjectOffenderNoticeText', 56),
        date('ebts:ArrestDate', 45),
        v('nc:CaseTrackingID', 9),
        // One arrest offense per criminal cycle (the XSD allows one ArrestOffenseData in each).
        each(n('ebts:CriminalCycle', n('ebts:ArrestOffenseData', date('ebts:OffenseDate', 47), v('j:ChargeText', 47, { item: 1 }))), 47),
        each(org('ebts:RecordControllingAgency', 73), 73),
      ),
      n(
        'ebts:RecordSubject',
        each(name('ebts:PersonAlternateName', 19), 19),
        each(date('nc:PersonBirthDate', 22), 22),
        each(v('ebts:PersonCitizenshipCode', 21), 21),
        v('nc:PersonEyeColorCode', 31),
        v('ebts:PersonHairColorCode', 32),
        n('nc:PersonHeightMeasure', v('nc:MeasurePointValue', 27)),
        name('ebts:PersonName', 18),
        each(n('nc:PersonOtherIdentification', v('nc:IdentificationID', 17, { part: 'mnuId' }), v('ebts:PersonIDCategoryCode', 17, { part: 'mnuType' })), 17),
        n('ebts:PersonPhysicalFeature', each(v('nc:PhysicalFeatureCategoryCode', 26), 26)),
        v('nc:PersonRaceCode', 25),
        v('ebts:PersonSexCode', 24),
        each(id('nc:PersonSSNIdentification', 16), 16),
        id('nc:PersonStateIdentification', 15),
        n('nc:PersonWeightMeasure', v('nc:MeasurePointValue', 29)),
        v('ebts:PersonBirthPlaceCode', 20),
        each(id('j:PersonFBIIdentification', 14), 14),
        v('ebts:PersonAdultTreatmentIndicator', 87, { conv: 'bool' }),
        v('ebts:PersonDigitalImageAvailableIndicator', 36, { conv: 'bool' }),
        v('ebts:PersonPalmPrintAvailableIndicator', 35, { conv: 'bool' }),
        n('ebts:PersonFingerprintSet', each(n('itl:FingerprintImageFingerMissing', v('ansi-nist:FingerPositionCode', 84), v('itl:FingerMissingCode', 84, { item: 1 })), 84)),
        v('nc:EmployeeOccupationText', 40),
      ),
    ),
  ),
];

const type4: SkeletonNode[] = [
  rcc,
  id('ansi-nist:ImageReferenceIdentification', 2, { conv: 'pad2' }),
  n(
    'ansi-nist:FingerprintImage',
    v('nc:BinaryBase64Object', 9, { conv: 'base64' }),
    n('ansi-nist:ImageCaptureDetail', v('ansi-nist:CaptureResolutionCode', 5)),
    v('ansi-nist:ImageCompressionAlgorithmCode', 8),
    v('ansi-nist:ImageHorizontalLineLengthPixelQuantity', 6),
    v('ansi-nist:ImageVerticalLineLengthPixelQuantity', 7),
    n('ansi-nist:FingerprintImagePosition', { el: 'ansi-nist:FingerPositionCode', bind: { field: 4 }, repeat: { field: 4, per: 'item' } }),
    v('ansi-nist:FingerprintImageImpressionCaptureCategoryCode', 3),
  ),
];

const type14: SkeletonNode[] = [
  rcc,
  id('ansi-nist:ImageReferenceIdentification', 2),
  n(
    'itl:FingerprintImage',
    v('nc:BinaryBase64Object', 999, { conv: 'base64' }),
    v('ansi-nist:ImageBitsPerPixelQuantity', 12),
    n(
      'ansi-nist:ImageCaptureDetail',
      date('ansi-nist:CaptureDate', 5),
      v('ansi-nist:CaptureHorizontalPixelDensityValue', 16),
      org('ansi-nist:CaptureOrganization', 4),
      v('ansi-nist:CaptureVerticalPixelDensityValue', 17),
    ),
    v('ansi-nist:ImageCommentText', 20),
    v('ansi-nist:ImageCompressionAlgorithmText', 11),
    v('ansi-nist:ImageHorizontalLineLengthPixelQuantity', 6),
    v('ansi-nist:ImageHorizontalPixelDensityValue', 9),
    v('ansi-nist:ImageScaleUnitsCode', 8),
    v('ansi-nist:ImageVerticalLineLengthPixelQuantity', 7),
    v('ansi-nist:ImageVerticalPixelDensityValue', 10),
    v('ansi-nist:FingerprintImageImpressionCaptureCategoryCode', 3),
    each(v('ansi-nist:FingerPositionCode', 13), 13),
    each(n('itl:FingerprintImageFingerMissing', v('ansi-nist:FingerPositionCode', 18), v('itl:FingerMissingCode', 18, { item: 1 })), 18),
  ),
];

export interface RecordSkeleton {
  type: number;
  element: string;
  binary: boolean;
  children: SkeletonNode[];
}

export const skeletons: readonly RecordSkeleton[] = [
  { type: 1, element: 'itl:PackageInformationRecord', binary: false, children: type1 },
  { type: 2, element: 'itl:PackageDescriptiveTextRecord', binary: false, children: type2 },
  { type: 4, element: 'itl:PackageHighResolutionGrayscaleImageRecord', binary: true, children: type4 },
  { type: 14, element: 'itl:PackageFingerprintImageRecord', binary: false, children: type14 },
];

export const rootElement = 'itl:NISTBiometricInformationExchangePackage';
