/**
 * Type-2 (EBTS descriptive record) <-> itl:PackageDescriptiveTextRecord: the EBTS 10.0 element of
 * each 2.xxx field, as the templates in ebts-10.0-ws-specification/samples/xml label them (the
 * comment before each element names the field), in the order of ebts:DomainDefinedDescriptiveFieldsType.
 * Letters after a field number are its items (2.047A = DOO, 2.047B = AOL). Fields with no EBTS
 * element go to ebts:StateDefinedFields (see generic-fields.ts).
 *
 * Where EBTS 10.0 defines an element but no traditional form, the choice made here is:
 * ebts:PersonFourthImportanceName / PersonFifthImportanceName are items 2 and 3 after the name
 * (NAM, AKA, SNAM); a print position descriptor inside one item (BID, ATR, CNL) is the finger
 * number followed by the image code (`2MED`); custody data (SSD, SED, SLE, SST, SRA, RSC, STT) sits
 * in the first criminal cycle; NCIC classification (FPC) has one subfield per finger element.
 */
import { fromRows, type Row } from '../nodes.ts';
import { idc, rcc } from './common.ts';

const D = 'itl:UserDefinedDescriptiveDetail/ebts:DomainDefinedDescriptiveFields';
const RB = `${D}/ebts:RecordRapBackData`;
const TD = `${D}/ebts:RecordTransactionData`;
const RD = `${TD}/ebts:TransactionResponseData`;
const TA = `${D}/ebts:RecordTransactionActivity`;
const CC = `${TA}/ebts:CriminalCycle*`;
const CS = `${CC}/ebts:CustodySupervisoryData`;
const S = `${D}/ebts:RecordSubject`;
const FS = `${S}/ebts:PersonFingerprintSet`;
const FINGER = `${FS}/ebts:FingerprintImageFinger*`;
const ID = 'nc:IdentificationID';

const names = (at: string, ref: string, extra = true): Row[] => [
  [`${at}/nc:PersonGivenName`, ref, { split: 'name.given' }],
  [`${at}/nc:PersonMiddleName`, ref, { split: 'name.middle' }],
  [`${at}/nc:PersonSurName`, ref, { split: 'name.surname' }],
  ...(extra
    ? ([
        [`${at}/ebts:PersonFourthImportanceName`, `${ref}B`],
        [`${at}/ebts:PersonFifthImportanceName`, `${ref}C`],
      ] as Row[])
    : []),
];

const ppd = (at: string, ref: string): Row[] => [
  [`${at}/ebts:PrintPositionDescriptors/ansi-nist:FingerPositionCode`, ref, { split: 'ppd.fgp' }],
  [`${at}/ebts:PrintPositionDescriptors/ebts:FingerImageCode`, ref, { split: 'ppd.fic' }],
];

const address = (at: string, ref: string, splitter: 'address' | 'employer'): Row[] => [
  [`${at}/nc:LocationAddress/nc:StructuredAddress/nc:LocationStreet/nc:StreetNumberText`, ref, { split: `${splitter}.number` }],
  [`${at}/nc:LocationAddress/nc:StructuredAddress/nc:LocationStreet/nc:StreetName`, ref, { split: `${splitter}.street` }],
  [`${at}/nc:LocationAddress/nc:StructuredAddress/nc:LocationCityName`, ref, { split: `${splitter}.city` }],
  [`${at}/nc:LocationAddress/nc:StructuredAddress/nc:LocationStateNCICLSTACode`, ref, { split: `${splitter}.state` }],
  [`${at}/nc:LocationAddress/nc:StructuredAddress/nc:LocationPostalCode`, ref, { split: `${splitter}.postal` }],
  [`${at}/nc:LocationAddress/nc:AddressFullText`, ref, { split: `${splitter}.full` }],
];

const rows: Row[] = [
  rcc,
  idc(2),
  [`${D}/ansi-nist:RecordRetentionIndicator`, '2.005', { conv: 'bool' }],
  [`${D}/ansi-nist:RecordForwardOrganizations/nc:OrganizationIdentification*/${ID}`, '2.007'],
  [`${D}/ansi-nist:RecordRapSheetRequestIndicator`, '2.070', { conv: 'bool' }],
  [`${D}/ebts:HitNotificationRequestIndicator`, '2.2051', { conv: 'bool' }],
  [`${D}/nc:CaveatText`, '2.006'],
  [`${D}/ebts:RecordPointOfContact/ebts:PointOfContactName`, '2.2072A'],
  [`${D}/ebts:RecordPointOfContact/nc:OrganizationPrimaryContactInformation/nc:ContactTelephoneNumber/nc:FullTelephoneNumber/nc:TelephoneNumberFullID`, '2.2072B'],
  [`${D}/ebts:TierLevelCode`, '2.2046'],
  [`${D}/ebts:RecordBiometricImageCategoryCode*`, '2.062'],
  [`${D}/ebts:RecordImageCaptureDetail/ansi-nist:CaptureDeviceMakeText`, '2.067A'],
  [`${D}/ebts:RecordImageCaptureDetail/ansi-nist:CaptureDeviceModelText`, '2.067B'],
  [`${D}/ebts:RecordImageCaptureDetail/ansi-nist:CaptureDeviceSerialNumberText`, '2.067C'],
  [`${D}/ebts:RecordFBIRepositoryCode*`, '2.098'],
  [`${D}/ebts:RecordImagesRequestedQuantity`, '2.2010'],
  [`${D}/ebts:RecordFeaturesRequestIndicator`, '2.095', { conv: 'bool' }],
  [`${D}/ebts:RecordPhotoRequestIndicator`, '2.096', { conv: 'bool' }],

  // Rap back.
  [`${RB}/ebts:RecordRapBackActivityNotificationFormatCode`, '2.2062'],
  [`${RB}/ebts:RecordRapBackActivityNotificationID*`, '2.2041'],
  [`${RB}/ebts:RecordRapBackAttentionText`, '2.2070'],
  [`${RB}/ebts:RecordRapBackCategoryCode`, '2.2065'],
  [`${RB}/ebts:RecordRapBackDisclosureIndicator`, '2.2067', { conv: 'bool' }],
  [`${RB}/ebts:RecordRapBackExpirationDate/nc:Date`, '2.2015', { conv: 'date' }],
  [`${RB}/nc:DateRange/nc:StartDate/nc:Date`, '2.2068A', { conv: 'date' }],
  [`${RB}/nc:DateRange/nc:EndDate/nc:Date`, '2.2068B', { conv: 'date' }],
  [`${RB}/ebts:RecordRapBackInStateOptOutIndicator`, '2.2063', { conv: 'bool' }],
  [`${RB}/ansi-nist:RecordForwardOrganizations/nc:OrganizationIdentification*/${ID}`, '2.2020'],
  [`${RB}/ebts:ReturnAllRecordsIndicator`, '2.2047', { conv: 'bool' }],
  [`${RB}/ebts:RecordRapBackSubscriptionDate/nc:Date`, '2.2054', { conv: 'date' }],
  [`${RB}/ebts:RecordRapBackSubscriptionID`, '2.2048'],
  [`${RB}/ebts:RecordRapBackSubscriptionListText`, '2.2050'],
  [`${RB}/ebts:RecordRapBackSubscriptionTerm`, '2.2071'],
  [`${RB}/ebts:RecordRapBackTermDate/nc:Date`, '2.2049', { conv: 'date' }],
  [`${RB}/ebts:RecordRapBackTriggeringEventCode*`, '2.2040'],
  [`${RB}/ebts:RecordRapBackUserDefinedElement*/ebts:UserDefinedElementName`, '2.2064A'],
  [`${RB}/ebts:RecordRapBackUserDefinedElement*/ebts:UserDefinedElementText`, '2.2064B'],
  [`${RB}/ebts:TransactionRapBackMaintenanceCode`, '2.2039'],
  [`${RB}/ebts:TransactionRapBackTriggeringEvent*/ebts:RapBackEventDate/nc:Date`, '2.2069A', { conv: 'date' }],
  [`${RB}/ebts:TransactionRapBackTriggeringEvent*/ebts:RapBackTriggeringEventCode`, '2.2069B'],
  [`${RB}/ebts:TransactionRapBackTriggeringEvent*/ebts:RapBackEventText`, '2.2069C'],

  // Transaction data: requests and responses.
  [`${TD}/ansi-nist:TransactionSubmissionMilitaryCode`, '2.042'],
  [`${TD}/ebts:TransactionMaintenanceActionCode`, '2.2052'],
  [`${TD}/ebts:TransactionDescriptionText`, '2.088'],
  [`${TD}/ebts:TransactionFingerprintImagesRequested/ansi-nist:FingerPositionCode*`, '2.057'],
  [`${TD}/ebts:TransactionFingerprintImagesUpdated/ansi-nist:FingerPositionCode*`, '2.072'],
  [`${TD}/ebts:TransactionPrintPositionDescriptors*/ansi-nist:FingerPositionCode`, '2.2030A'],
  [`${TD}/ebts:TransactionPrintPositionDescriptors*/ebts:FingerImageCode`, '2.2030B'],
  [`${TD}/ebts:TransactionImagesRequestedQuantity`, '2.079'],
  [`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*/j:PersonFBIIdentification/${ID}`, '2.2028A'],
  [`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*/ebts:BiometricImageCategoryCode`, '2.2028B'],
  [`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*/ebts:BiometricSetID`, '2.2028C'],
  [`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*/ansi-nist:FrictionRidgePositionCode`, '2.2028D'],
  ...ppd(`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*`, '2.2028E'),
  [`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*/ansi-nist:FaceImageSubjectPoseCode`, '2.2028F'],
  [`${TD}/ebts:TransactionBiometricImagesRequested/ebts:BiometricImageDescription*/nc:PhysicalFeatureCategoryCode`, '2.2028G'],
  [`${RD}/ebts:BiometricImageList/ebts:CandidateImage*/j:PersonFBIIdentification/${ID}`, '2.2073A'],
  [`${RD}/ebts:BiometricImageList/ebts:CandidateImage*/ebts:BiometricSetID`, '2.2073B'],
  [`${RD}/ebts:BiometricImageList/ebts:CandidateImage*/nc:BiometricCaptureDate/nc:Date`, '2.2073C', { conv: 'date' }],
  [`${RD}/ebts:BiometricImageList/ebts:CandidateImage*/ebts:RecordBiometricImageCategoryCode`, '2.2073D'],
  [`${RD}/ebts:TransactionHitCategoryCode`, '2.2024'],
  [`${RD}/ansi-nist:TransactionReasonText`, '2.080'],
  [`${RD}/ebts:TransactionActionText`, '2.071'],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ebts:RecordReceivingAgency/${ID}`, '2.2032A'],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ebts:RecordDisseminationDate/nc:Date`, '2.2032B', { conv: 'date' }],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ebts:RecordTransactionCategoryCode`, '2.2032C'],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ebts:BiometricSetID`, '2.2032D'],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ebts:BiometricImageCategoryCode`, '2.2032E'],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ansi-nist:FrictionRidgePositionCode`, '2.2032F'],
  ...ppd(`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*`, '2.2032G'),
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/ansi-nist:FaceImageSubjectPoseCode`, '2.2032H'],
  [`${RD}/ebts:TransactionAuditTrailRecordList/ebts:AuditTrailRecord*/nc:PhysicalFeatureCategoryCode`, '2.2032I'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/j:PersonFBIIdentification/${ID}`, '2.2033A'],
  ...names(`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:PersonName`, '2.2033B', false),
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:BiometricSetID`, '2.2033C'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:RecordBiometricImageCategoryCode`, '2.2033D'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ansi-nist:FrictionRidgePositionCode`, '2.2033E'],
  ...ppd(`${RD}/ebts:TransactionCandidateList/ebts:Candidate*`, '2.2033F'),
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:CandidateMatchScoreValue`, '2.2033G'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:BiometricImageAvailableCode%,`, '2.2033H'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:RecordFBIRepositoryCode`, '2.2033I'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ansi-nist:ImageReferenceIdentification/${ID}`, '2.2033J'],
  [`${RD}/ebts:TransactionCandidateList/ebts:Candidate*/ebts:ORIPointOfContactText`, '2.2033K'],
  [`${RD}/ebts:TransactionPenetrationQueryResponsePercent`, '2.078'],
  [`${RD}/ebts:TransactionRepositoryResponse/ebts:TransactionRepositoryResponseRecord*/ebts:RepositoryParameterText`, '2.065A'],
  [`${RD}/ebts:TransactionRepositoryResponse/ebts:TransactionRepositoryResponseRecord*/ebts:RepositoryParameterValueText`, '2.065B'],
  [`${RD}/ebts:TransactionRepositoryResponse/ebts:TransactionRepositoryResponseRecord*/ebts:RepositoryCriminalParameterPercent`, '2.065C'],
  [`${RD}/ebts:TransactionRepositoryResponse/ebts:TransactionRepositoryResponseRecord*/ebts:RepositoryCivilParameterPercent`, '2.065D'],
  [`${RD}/ebts:TransactionRepositoryResponse/ebts:TransactionRepositoryResponseRecord*/ebts:RepositoryCombinedParameterPercent`, '2.065E'],
  [`${RD}/ebts:TransactionResponseIndicator`, '2.082', { conv: 'bool' }],
  [`${RD}/ebts:TransactionSearchResultsCode`, '2.059'],
  [`${RD}/ebts:TransactionStatusText*`, '2.060'],
  [`${RD}/ebts:TransactionSupplementaryIdentityInformationText`, '2.2023'],
  [`${RD}/ebts:TransactionElectronicRapSheetText`, '2.075'],
  [`${RD}/ebts:TransactionBiometricImageEnrollmentRecordList/ebts:BiometricImageEnrollmentRecord*/ebts:BiometricSetID`, '2.2061A'],
  [`${RD}/ebts:TransactionBiometricImageEnrollmentRecordList/ebts:BiometricImageEnrollmentRecord*/ebts:BiometricImageCategoryCode`, '2.2061B'],
  [`${RD}/ebts:TransactionBiometricImageEnrollmentRecordList/ebts:BiometricImageEnrollmentRecord*/ansi-nist:FaceImageSubjectPoseCode`, '2.2061C'],
  [`${RD}/ebts:TransactionBiometricImageEnrollmentRecordList/ebts:BiometricImageEnrollmentRecord*/nc:PhysicalFeatureCategoryCode`, '2.2061D'],
  [`${TD}/ebts:TransactionSearchAreaCode*`, '2.044'],
  [`${TD}/ebts:TransactionSearchRequestCategoryCode`, '2.043'],
  // ULF 2.083 in every template but BDEC, whose comment says ULR 2.2034.
  [`${TD}/ebts:TransactionUnsolvedLatentFileIndicator`, '2.083', { conv: 'bool' }],

  // Transaction activity: arrest, court and custody segments.
  [`${TA}/nc:ActivityReasonText`, '2.037'],
  [`${TA}/ebts:EnrollmentEventID`, '2.2035'],
  [`${TA}/j:SubjectOffenderNoticeText`, '2.056'],
  [`${TA}/ebts:ArrestDate/nc:Date`, '2.045', { conv: 'date' }],
  [`${TA}/ebts:ArrestDateSuffixCode`, '2.046'],
  [`${TA}/nc:CaseTrackingID`, '2.009'],
  [`${TA}/ebts:OffenseCategoryCode`, '2.053'],
  [`${CC}/ebts:ArrestOffenseData/ebts:OffenseDate/nc:Date`, '2.047A', { conv: 'date' }],
  [`${CC}/ebts:ArrestOffenseData/j:ChargeText`, '2.047B'],
  [`${CC}/ebts:CourtDispositionData/nc:DispositionDate/nc:Date`, '2.051A', { conv: 'date' }],
  [`${CC}/ebts:CourtDispositionData/j:ChargeText`, '2.051B'],
  [`${CC}/ebts:CourtDispositionData/nc:DispositionText`, '2.051C'],
  [`${CC}/ebts:CourtDispositionData/ebts:DispositionCategoryCodeText`, '2.051D'],
  [`${CC}/ebts:CourtDispositionData/ebts:CourtCountNumber`, '2.051E'],
  [`${CS}/nc:StartDate/nc:Date`, '2.054', { conv: 'date' }],
  [`${CS}/nc:EndDate/nc:Date`, '2.2100', { conv: 'date' }],
  [`${CS}/ebts:SupervisionStatus/nc:StatusText`, '2.055'],
  [`${CS}/ebts:SupervisionStatus/ebts:SupervisionStatusCode*`, '2.2101'],
  [`${CS}/ebts:SupervisedReleaseActionCode`, '2.2104'],
  [`${CS}/ebts:SupervisedReleaseRevocationReasonText`, '2.2102'],
  [`${CS}/ebts:SupervisionReceivingOrganizationID`, '2.2103'],
  [`${TA}/ebts:RecordControllingAgency*/nc:OrganizationIdentification/${ID}`, '2.073'],
  [`${TA}/ebts:AFISSegmentControlID`, '2.086'],
  [`${TA}/ebts:BiometricSetID*`, '2.2029'],
  [`${TA}/nc:CaseTitleText`, '2.061'],
  [`${TA}/ebts:ContributorCaseIdentificationNumber*/ebts:ContributorCasePrefixIdentification/nc:IdentificationCategoryText`, '2.010A'],
  [`${TA}/ebts:ContributorCaseIdentificationNumber*/ebts:ContributorCaseIdentification/${ID}`, '2.010B'],
  [`${TA}/ebts:ContributorCaseIdentificationNumber*/ebts:ContributorCaseExtensionIdentification/${ID}`, '2.011'],
  [`${TA}/ebts:FBIFileNumber/${ID}`, '2.003'],
  [`${TA}/ebts:FBILatentCaseIdentification/ebts:FBILatentCaseNumber/${ID}`, '2.012'],
  [`${TA}/ebts:FBILatentCaseIdentification/ebts:FBILatentCaseNumberExtension/${ID}`, '2.013'],
  [`${TA}/ebts:ContributorAssignedIdentificationNumber/${ID}`, '2.2022'],
  [`${TA}/ebts:CivilRecordIdentification/${ID}`, '2.085'],

  // The subject.
  [`${S}/nc:PersonAgeMeasure/nc:MeasureRangeValue/nc:RangeMinimumValue`, '2.023', { split: 'range2.min' }],
  [`${S}/nc:PersonAgeMeasure/nc:MeasureRangeValue/nc:RangeMaximumValue`, '2.023', { split: 'range2.max' }],
  ...names(`${S}/ebts:PersonAlternateName*`, '2.019'),
  [`${S}/nc:PersonBirthDate*/nc:Date`, '2.022', { conv: 'date' }],
  [`${S}/ebts:PersonCitizenshipCode*`, '2.021'],
  [`${S}/nc:PersonEyeColorCode`, '2.031'],
  [`${S}/ebts:PersonHairColorCode`, '2.032'],
  [`${S}/nc:PersonHeightMeasure/nc:MeasurePointValue`, '2.027'],
  [`${S}/nc:PersonHeightMeasure/nc:MeasureRangeValue/nc:RangeMinimumValue`, '2.028', { split: 'range3.min' }],
  [`${S}/nc:PersonHeightMeasure/nc:MeasureRangeValue/nc:RangeMaximumValue`, '2.028', { split: 'range3.max' }],
  [`${S}/nc:PersonHeightMeasure/nc:MeasureUnitText`, '=FeetInches'],
  ...names(`${S}/ebts:PersonName`, '2.018'),
  [`${S}/nc:PersonOtherIdentification*/${ID}`, '2.017', { split: 'mnu.id' }],
  [`${S}/nc:PersonOtherIdentification*/ebts:PersonIDCategoryCode`, '2.017', { split: 'mnu.type' }],
  [`${S}/ebts:PersonPhysicalFeature/nc:PhysicalFeatureCategoryCode*`, '2.026'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureDescriptionDetail*/ansi-nist:PhysicalFeatureColorDetail/ansi-nist:PhysicalFeaturePrimaryColorCode`, '2.2059A'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureDescriptionDetail*/ansi-nist:PhysicalFeatureColorDetail/ansi-nist:PhysicalFeatureSecondaryColorCode+1`, '2.2059A'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureDescriptionDetail*/ansi-nist:PhysicalFeatureCategoryCode`, '2.2058A'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureDescriptionDetail*/ansi-nist:PhysicalFeatureClassCode`, '2.2058B'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureDescriptionDetail*/ansi-nist:PhysicalFeatureDescriptionText`, '2.2058D'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureDescriptionDetail*/ansi-nist:PhysicalFeatureSubClassCode`, '2.2058C'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureSize/ansi-nist:PhysicalFeatureHeightMeasure`, '2.2055A'],
  [`${S}/ebts:PersonPhysicalFeature/ansi-nist:PhysicalFeatureSize/ansi-nist:PhysicalFeatureWidthMeasure`, '2.2055B'],
  [`${S}/nc:PersonRaceCode`, '2.025'],
  [`${S}/ebts:PersonSexCode`, '2.024'],
  [`${S}/nc:PersonSSNIdentification*/${ID}`, '2.016'],
  [`${S}/nc:PersonStateIdentification*/${ID}`, '2.015'],
  [`${S}/nc:PersonWeightMeasure/nc:MeasurePointValue`, '2.029'],
  [`${S}/nc:PersonWeightMeasure/nc:MeasureRangeValue/nc:RangeMinimumValue`, '2.030', { split: 'range3.min' }],
  [`${S}/nc:PersonWeightMeasure/nc:MeasureRangeValue/nc:RangeMaximumValue`, '2.030', { split: 'range3.max' }],
  [`${S}/ebts:PersonBirthPlaceCode`, '2.020'],
  [`${S}/ebts:PersonSubmittedBirthDate/nc:Date`, '2.2007', { conv: 'date' }],
  ...names(`${S}/ebts:PersonSubmittedName`, '2.2008'),
  [`${S}/j:PersonFBIIdentification*/${ID}`, '2.014'],
  [`${S}/j:PersonFirearmSalesDisqualifiedCode`, '2.2021'],
  [`${S}/ebts:ExternalSubjectID*`, '2.2037'],
  [`${S}/ebts:PersonAdultTreatmentIndicator`, '2.087', { conv: 'bool' }],
  [`${S}/ebts:PersonDigitalImageAvailableIndicator`, '2.036', { conv: 'bool' }],
  [`${S}/ebts:PersonPalmPrintAvailableIndicator`, '2.035', { conv: 'bool' }],
  [`${S}/ebts:BiometricImageAvailableCode*`, '2.2031'],
  // DPR is written with the finger set; FGP codes past the fingers (palms, 20+) go here.
  [`${S}/ebts:PersonGeneralizedFrictionRidgePositions/nc:BiometricCaptureDate/nc:Date`, '2.038', { conv: 'date', readOnly: true }],
  [`${S}/ebts:PersonGeneralizedFrictionRidgePositions/ansi-nist:FrictionRidgePositionCode*`, '2.074', { share: 'fgp', when: { field: 74, range: [20, 99] } }],
  [`${FS}/nc:BiometricCaptureDate/nc:Date`, '2.038', { conv: 'date' }],
  [`${FS}/itl:FingerprintImageFingerMissing*/ansi-nist:FingerPositionCode`, '2.084A'],
  [`${FS}/itl:FingerprintImageFingerMissing*/itl:FingerMissingCode|ansi-nist:FingerMissingCode`, '2.084B'],
  // FGP 2.074, restated as the first item of PAT 2.034, RCD1 2.091 and RCD2 2.092.
  [`${FINGER}/ansi-nist:FingerPositionCode`, '2.074', { also: [34, 91, 92] }],
  [`${FINGER}/ebts:NCICFingerprintClassificationCode`, '2.033'],
  [`${FINGER}/ebts:RidgeCoreDelta/ebts:FingerprintPatternClassificationCode`, '2.034B'],
  [`${FINGER}/ebts:RidgeCoreDelta/ansi-nist:RidgeCountValue`, '2.091B'],
  [`${FINGER}/ebts:RidgeCoreDelta/ansi-nist:RidgeCountValue`, '2.092B'],
  [`${S}/ansi-nist:FaceImageSubjectPoseCode`, '2.2036'],
  ...address(`${S}/ebts:PersonResidenceLocation`, '2.041', 'address'),
  [`${S}/nc:Employer/nc:EntityOrganization/nc:OrganizationName`, '2.039', { split: 'employer.org' }],
  [`${S}/nc:EmployeeOccupationText`, '2.040'],
  ...address(`${S}/nc:EmploymentLocation`, '2.039', 'employer'),

  ['itl:UserDefinedDescriptiveDetail/ebts:StateDefinedFields', '@udf'],
];

export const descriptiveRecord = fromRows(2, rows, {
  [D]: { keep: true },
  [CS]: { once: true },
  [FINGER]: { when: { field: 74, outside: [20, 99] }, share: 'fgp' },
});
