/**
 * NISTCOM: the NIST comment convention inside WSQ (and JPEG) COM segments, lines of
 * "NAME VALUE", the first being "NIST_COM <number of lines>". Writers put PIX_WIDTH, PIX_HEIGHT,
 * PIX_DEPTH, PPI, LOSSY, COLORSPACE, COMPRESSION, WSQ_BITRATE there.
 */
export type NistCom = Record<string, string>;

const HEADER = 'NIST_COM';

export function isNistCom(text: string): boolean {
  return text.startsWith(HEADER);
}

/** Parses the fields; the header count is not trusted (writers disagree on whether it counts itself). */
export function parseNistCom(text: string): NistCom {
  const fields: NistCom = {};
  for (const line of text.split('\n')) {
    const m = /^(\S+)[ \t]?(.*)$/.exec(line.replace(/\r$/, ''));
    if (m && m[1] !== HEADER) fields[m[1]!] = m[2]!;
  }
  return fields;
}

/** Writes fields with the header line NBIS writes: the count includes the header line itself. */
export function formatNistCom(fields: NistCom): string {
  const entries = Object.entries(fields);
  return [`${HEADER} ${entries.length + 1}`, ...entries.map(([k, v]) => `${k} ${v}`)].join('\n');
}

/** Resolution from a NISTCOM PPI field; absent, non-numeric or -1 (unknown) gives undefined. */
export function nistComPpi(fields: NistCom | undefined): number | undefined {
  const v = fields?.PPI;
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return undefined;
  const ppi = Number(v);
  return ppi > 0 ? ppi : undefined;
}
