/**
 * Live updates: one EventSource on /api/events for the whole console. Views subscribe to changes
 * (a booking moved a step) and the pipeline clock's ticks, which drive countdowns without reload.
 */
import { useEffect, useRef, useState } from 'react';

export interface ChangeEvent {
  bookingId: string | null;
  entity: string;
  seq: number;
}

type Listener = (e: ChangeEvent) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

// The pipeline clock, extrapolated between ticks: simulated time may run faster than wall time.
let clockBase = { server: Date.now(), local: Date.now(), rate: 1 };

export function syncClock(serverIso: string): void {
  const server = Date.parse(serverIso);
  if (Number.isNaN(server)) return;
  const local = Date.now();
  const elapsedLocal = local - clockBase.local;
  const rate = elapsedLocal > 500 ? Math.max(0, (server - clockBase.server) / elapsedLocal) : clockBase.rate;
  clockBase = { server, local, rate };
}

export function serverNow(): number {
  return clockBase.server + (Date.now() - clockBase.local) * clockBase.rate;
}

function connect(): void {
  if (source) return;
  source = new EventSource('/api/events');
  source.addEventListener('change', (e) => {
    const ev = JSON.parse((e as MessageEvent<string>).data) as ChangeEvent;
    for (const l of listeners) l(ev);
  });
  source.addEventListener('clock', (e) => syncClock((JSON.parse((e as MessageEvent<string>).data) as { now: string }).now));
}

export function disconnectLive(): void {
  source?.close();
  source = null;
}

/** Calls `onChange` for every change the server reports (filtered to the user's scope by the server). */
export function useLiveChanges(onChange: Listener): void {
  const ref = useRef(onChange);
  ref.current = onChange;
  useEffect(() => {
    connect();
    const l: Listener = (e) => ref.current(e);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
}

/** The pipeline clock's now, re-rendered every second. */
export function useServerNow(): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}
