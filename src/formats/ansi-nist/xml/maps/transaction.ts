/** Type-1 (transaction information) <-> itl:PackageInformationRecord. */
import { fromRows, type Row } from '../nodes.ts';
import { rcc } from './common.ts';

const t = 'ansi-nist:Transaction';
const cnt = `${t}/ansi-nist:TransactionContentSummary`;

const rows: Row[] = [
  rcc,
  [`${t}/ansi-nist:TransactionDate/nc:Date`, '1.005', { conv: 'date' }],
  [`${t}/ansi-nist:TransactionDestinationOrganization/nc:OrganizationIdentification/nc:IdentificationID`, '1.007'],
  [`${t}/ansi-nist:TransactionOriginatingOrganization/nc:OrganizationIdentification/nc:IdentificationID`, '1.008'],
  [`${t}/ansi-nist:TransactionUTCDate/nc:DateTime`, '1.014', { conv: 'datetime' }],
  [`${t}/ansi-nist:TransactionControlIdentification/nc:IdentificationID`, '1.009'],
  [`${t}/ansi-nist:TransactionControlReferenceIdentification/nc:IdentificationID`, '1.010'],
  [`${t}/ansi-nist:TransactionDomain/ansi-nist:DomainVersionNumberIdentification/nc:IdentificationID`, '1.013B'],
  [`${t}/ansi-nist:TransactionDomain/ansi-nist:TransactionDomainName`, '1.013A'],
  [`${t}/ansi-nist:TransactionApplicationProfile*/ansi-nist:ApplicationProfileOrganizationName`, '1.016A'],
  [`${t}/ansi-nist:TransactionApplicationProfile*/ansi-nist:ApplicationProfileName`, '1.016B'],
  [`${t}/ansi-nist:TransactionApplicationProfile*/ansi-nist:ApplicationProfileVersionIdentification/nc:IdentificationID`, '1.016C'],
  [`${t}/ansi-nist:TransactionImageResolutionDetails/ansi-nist:NativeScanningResolutionValue`, '1.011'],
  [`${t}/ansi-nist:TransactionImageResolutionDetails/ansi-nist:NominalTransmittingResolutionValue`, '1.012'],
  [`${t}/ansi-nist:TransactionMajorVersionValue`, '1.002', { split: 'version.major' }],
  [`${t}/ansi-nist:TransactionMinorVersionValue`, '1.002', { split: 'version.minor' }],
  [`${t}/ansi-nist:TransactionPriorityValue`, '1.006'],
  [`${t}/ebts:TransactionCategoryCode`, '1.004'],
  [`${cnt}/ansi-nist:ContentFirstRecordCategoryCode`, '1.003A', { sub: 0, conv: 'int' }],
  [`${cnt}/ansi-nist:ContentRecordQuantity`, '1.003B', { sub: 0, conv: 'pad2' }],
  [`${cnt}/ansi-nist:ContentRecordSummary*1/ansi-nist:ImageReferenceIdentification/nc:IdentificationID`, '1.003B'],
  [`${cnt}/ansi-nist:ContentRecordSummary*1/ansi-nist:RecordCategoryCode`, '1.003A', { conv: 'pad2' }],
  [`${t}/ansi-nist:TransactionCharacterSetDirectory*/ansi-nist:CharacterSetCommonNameCode`, '1.015B'],
  [`${t}/ansi-nist:TransactionCharacterSetDirectory*/ansi-nist:CharacterSetIndexCode`, '1.015A'],
  [`${t}/ansi-nist:TransactionCharacterSetDirectory*/ansi-nist:CharacterSetVersionIdentification/nc:IdentificationID`, '1.015C'],
];

export const transactionRecord = fromRows(1, rows);
