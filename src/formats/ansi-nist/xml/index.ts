/** The NIEM XML encoding of ANSI/NIST-ITL transactions (EBTS 10.0 profile). */
export { writeAnsiNistXml } from './write-xml.ts';
export { parseAnsiNistXml, readAnsiNistXml, type XmlReadResult, type UnmappedElement } from './read-xml.ts';
export { validateXsd, assertValidXsd, defaultXsdDir, type XsdError } from './xsd.ts';
export { skeletons, type RecordSkeleton } from './skeleton.ts';
