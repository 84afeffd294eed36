/** Instants leave the API as ISO 8601 with the offset of the jurisdiction's zone. */
import { formatWithOffset } from '../../policy/time/zoned-time.ts';

export function zoned(d: Date, timeZone: string): string;
export function zoned(d: Date | null | undefined, timeZone: string): string | null;
export function zoned(d: Date | null | undefined, timeZone: string): string | null {
  return d ? formatWithOffset(d.getTime(), timeZone) : null;
}
