/**
 * Type-98 (information assurance) <-> itl:PackageInformationAssuranceRecord (ANSI/NIST-ITL 1-2011
 * Table 57): 98.003 DFO format owner, 98.004 SRC and 98.993 SAN the organization, 98.005 DFT
 * format type, 98.006 DCD creation date-time (GMT), 98.900 ALF audit log (items EVT, EVR, IID,
 * AGT, OLD; one log entry per subfield), 98.901 ARN audit revision number. User-defined fields
 * (98.200-98.899) have no element: itl:UserDefinedFields is abstract and nothing substitutes it.
 */
import { fromRows, type Row } from '../nodes.ts';
import { idc, rcc } from './common.ts';

const L = 'ansi-nist:AssuranceLogEntry*';
const rows: Row[] = [
  rcc,
  idc(98),
  ['ansi-nist:AssuranceFormatOwnerIdentification/nc:IdentificationID', '98.003'],
  ['ansi-nist:AssuranceOrganization/nc:OrganizationIdentification/nc:IdentificationID', '98.004'],
  ['ansi-nist:AssuranceOrganization/nc:OrganizationName', '98.993'],
  ['ansi-nist:AssuranceFormatIdentification/nc:IdentificationID', '98.005'],
  ['ansi-nist:AssuranceDateTime/nc:DateTime', '98.006', { conv: 'datetime' }],
  [`${L}/ansi-nist:AssuranceLogEventCode`, '98.900A'],
  [`${L}/ansi-nist:AssuranceLogEventReasonText`, '98.900B'],
  [`${L}/ansi-nist:AssuranceLogEventLocationText`, '98.900C'],
  [`${L}/ansi-nist:AssuranceLogAgentText`, '98.900D'],
  [`${L}/ansi-nist:AssuranceLogEventOriginalValueText`, '98.900E'],
  ['ansi-nist:AssuranceAuditRevisionIdentification/nc:IdentificationID', '98.901'],
];

export const assuranceRecord = fromRows(98, rows);
