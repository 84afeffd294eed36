/**
 * Which XML element holds each record type, and its mapping tree (built from the tables in
 * ./maps). Record types outside this list (3, 5, 6, 18, 22) are reported, never dropped.
 */
import type { SkeletonNode } from './nodes.ts';
import type { DataGroups } from './data-groups.ts';
import { transactionRecord } from './maps/transaction.ts';
import { descriptiveRecord } from './maps/descriptive.ts';
import { fingerprintRecord, highResolutionRecord, latentRecord, palmprintRecord, userDefinedImageRecord } from './maps/friction-ridge.ts';
import { minutiaeRecord } from './maps/minutiae.ts';
import { signatureGroups, signatureRecord } from './maps/signature.ts';
import { faceRecord } from './maps/face.ts';
import { irisRecord } from './maps/iris.ts';
import { cbeffRecord, testingRecord } from './maps/other-images.ts';
import { plantarRecord } from './maps/plantar.ts';
import { assuranceRecord } from './maps/assurance.ts';
import { contextRecord, sourceRecord } from './maps/source-context.ts';

export interface RecordSkeleton {
  type: number;
  element: string;
  children: SkeletonNode[];
  /** Fields without an element of their own go to the generic place (Type-2's ebts:StateDefinedFields). */
  generic: boolean;
  /** Binary data written as element groups when the record says so (Type-8 vectors); else base64. */
  groups?: DataGroups;
}

const record = (type: number, element: string, children: SkeletonNode[], generic = false, groups?: DataGroups): RecordSkeleton => ({
  type,
  element,
  children,
  generic,
  ...(groups ? { groups } : {}),
});

export const skeletons: readonly RecordSkeleton[] = [
  record(1, 'itl:PackageInformationRecord', transactionRecord),
  record(2, 'itl:PackageDescriptiveTextRecord', descriptiveRecord, true),
  record(4, 'itl:PackageHighResolutionGrayscaleImageRecord', highResolutionRecord),
  record(7, 'itl:PackageUserDefinedImageRecord', userDefinedImageRecord),
  record(8, 'itl:PackageSignatureImageRecord', signatureRecord, false, signatureGroups),
  record(9, 'itl:PackageMinutiaeRecord', minutiaeRecord),
  record(10, 'itl:PackageFacialAndSMTImageRecord', faceRecord),
  record(13, 'itl:PackageLatentImageRecord', latentRecord),
  record(14, 'itl:PackageFingerprintImageRecord', fingerprintRecord),
  record(15, 'itl:PackagePalmprintImageRecord', palmprintRecord),
  record(16, 'itl:PackageUserDefinedTestingImageRecord', testingRecord),
  record(17, 'itl:PackageIrisImageRecord', irisRecord),
  record(19, 'itl:PackagePlantarImageRecord', plantarRecord),
  record(20, 'itl:PackageSourceRepresentationRecord', sourceRecord),
  record(21, 'itl:PackageAssociatedContextRecord', contextRecord),
  record(98, 'itl:PackageInformationAssuranceRecord', assuranceRecord),
  record(99, 'itl:PackageCBEFFBiometricDataRecord', cbeffRecord),
];

export const rootElement = 'itl:NISTBiometricInformationExchangePackage';
