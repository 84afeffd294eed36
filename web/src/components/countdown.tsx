/** The detainer hold's live countdown to expiry (pipeline clock), with the expiry in the jail's zone. */
import { formatDuration, formatTime } from '../format.ts';
import { useServerNow } from '../live.ts';

export function Countdown({ expiresAt, timeZone, label = 'Hold ends in' }: { expiresAt: string; timeZone: string; label?: string }) {
  const now = useServerNow();
  const left = Date.parse(expiresAt) - now;
  const urgent = left < 6 * 3_600_000;
  return (
    <div className="countdown-box" data-testid="countdown">
      <div className="muted">{left > 0 ? label : 'Hold expired at'}</div>
      <div className={urgent ? 'countdown urgent' : 'countdown'} role="timer" aria-live="off">
        {left > 0 ? formatDuration(left) : formatTime(expiresAt, timeZone)}
      </div>
      <div className="hint">Expires {formatTime(expiresAt, timeZone)}</div>
    </div>
  );
}
