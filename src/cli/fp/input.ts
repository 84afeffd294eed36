/**
 * What `fp` commands accept as a fingerprint: an image file (any format decodeImage reads), an
 * ANSI INCITS 378 / ISO/IEC 19794-2 minutiae record (.ansi, .iso, .ist; first finger view) or a
 * packed matcher template (.scfp, written by `fp extract --template-out`). Told apart by content,
 * not by file name.
 */
import { readFileSync } from 'node:fs';
import { SeccomError } from '../../errors/index.ts';
import { decodeImage } from '../../formats/images/index.ts';
import { readFingerTemplates } from '../../formats/templates/index.ts';
import { extractTemplate, type Extraction } from '../../biometrics/extract/extract.ts';
import { PACKED_MAGIC, packTemplate, readPackedTemplate, type PackedTemplate } from '../../biometrics/match/packed-template.ts';

export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read ${path}: ${(e as Error).message}`, { location: { file: path } });
  }
}

export function extractFile(path: string, ppi: number | undefined, keepStages = false): Extraction {
  const image = decodeImage(readInput(path), { ppi });
  return extractTemplate(image, { ppi, keepStages });
}

function isPacked(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === PACKED_MAGIC;
}

/** "FMR\0" starts every ANSI 378 and ISO 19794-2 finger minutiae record. */
function isMinutiaeRecord(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x46 && bytes[1] === 0x4d && bytes[2] === 0x52 && bytes[3] === 0;
}

/** A packed template from an image, a standard minutiae record or a packed template file. */
export function loadPacked(path: string, ppi: number | undefined): PackedTemplate {
  const bytes = readInput(path);
  if (isPacked(bytes)) return readPackedTemplate(bytes);
  if (isMinutiaeRecord(bytes)) {
    const [view] = readFingerTemplates(bytes);
    if (!view) throw new SeccomError('SECCOM_INVALID_ARGUMENT', `${path}: the minutiae record has no finger view`, { location: { file: path } });
    return packTemplate(view);
  }
  const image = decodeImage(bytes, { ppi });
  return packTemplate(extractTemplate(image, { ppi }).template);
}
