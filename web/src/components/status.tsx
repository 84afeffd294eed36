/** Colour for a booking's state: red where a person is held or was held on no conviction, green when closed with no action. */
import type { BookingSummary } from '../../../src/server/contract/bookings.ts';
import { Badge, type Tone } from './ui.tsx';

export function statusTone(b: Pick<BookingSummary, 'step' | 'detainerState' | 'outcome'>): Tone {
  if (b.detainerState === 'honoured') return 'bad';
  if (b.detainerState === 'lodged' || b.detainerState === 'requested') return 'warn';
  if (b.outcome === 'custody_transferred') return 'bad';
  if (b.outcome) return 'good';
  return 'info';
}

export function StatusBadge({ b }: { b: Pick<BookingSummary, 'step' | 'detainerState' | 'outcome' | 'status'> }) {
  return <Badge tone={statusTone(b)}>{b.status}</Badge>;
}
