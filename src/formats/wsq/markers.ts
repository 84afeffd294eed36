/** WSQ marker codes (IAFIS-IC-0110 §3); every segment but SOI/EOI carries a 16-bit length. */
export const SOI = 0xffa0;
export const EOI = 0xffa1;
export const SOF = 0xffa2;
export const SOB = 0xffa3;
export const DTT = 0xffa4;
export const DQT = 0xffa5;
export const DHT = 0xffa6;
export const DRT = 0xffa7;
export const COM = 0xffa8;

const names: Record<number, string> = {
  [SOI]: 'SOI',
  [EOI]: 'EOI',
  [SOF]: 'SOF',
  [SOB]: 'SOB',
  [DTT]: 'DTT',
  [DQT]: 'DQT',
  [DHT]: 'DHT',
  [DRT]: 'DRT',
  [COM]: 'COM',
};

/** Name used in error locations: the standard's mnemonic, or the hex code for anything else. */
export function markerName(marker: number): string {
  return names[marker] ?? `0x${marker.toString(16).padStart(4, '0')}`;
}
