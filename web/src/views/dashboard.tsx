/**
 * The overseer's dashboard: what the program did in the reader's jurisdiction. Figures the
 * program was criticised for are first: detainers on people with no conviction, US citizens in
 * the flow, and holds near or past expiry (which must always be zero).
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Page } from '../../../src/server/contract/common.ts';
import type { StatsView } from '../../../src/server/contract/stats.ts';
import { api, qs } from '../api.ts';
import { formatTime } from '../format.ts';
import { useLiveChanges } from '../live.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../session.tsx';
import { Chart, palette } from '../components/chart.tsx';
import { Empty, ErrorBox, Field, Loading, PageHeader } from '../components/ui.tsx';

type Breakdown = StatsView['byLevel'];
type Lists = Pick<StatsView, 'noConvictionCases' | 'escalations' | 'holdsNearExpiry' | 'holdsPastExpiry' | 'more'>;

function listsOf(s: StatsView): Lists {
  return { noConvictionCases: s.noConvictionCases, escalations: s.escalations, holdsNearExpiry: s.holdsNearExpiry, holdsPastExpiry: s.holdsPastExpiry, more: s.more };
}

/** The figures the lists follow: when they move, the lists shown may be out of date. */
function listCounts(s: StatsView): string {
  return [s.totals.detainersNoConviction, s.totals.citizenshipClaims, s.holdCounts.near, s.holdCounts.past].join(',');
}

export function Dashboard() {
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(period);
  const [stats, setStats] = useState<StatsView | null>(null);
  const [error, setError] = useState<unknown>(null);

  const query = qs({ from: period.from, to: period.to });
  // The lists name people, and showing them is an audited read of each: they load with the page,
  // the period, or the reader's "Refresh lists"; the live refresh brings the figures alone.
  const load = useCallback(
    () =>
      api<StatsView>('GET', `/api/stats${query}`)
        .then((s) => {
          setStats(s);
          setListed({ at: s.now, counts: listCounts(s) });
          setError(null);
        })
        .catch(setError),
    [query],
  );
  const [listed, setListed] = useState<{ at: StatsView['now']; counts: string } | null>(null);
  const refreshFigures = useCallback(
    () =>
      api<StatsView>('GET', `/api/stats${qs({ from: period.from, to: period.to, lists: 'none' })}`)
        .then((fresh) => {
          setStats((shown) => (shown ? { ...fresh, ...listsOf(shown) } : shown));
          setError(null);
        })
        .catch(setError),
    [period],
  );
  useEffect(() => void load(), [load]);
  // Figures follow the pipeline, at most every few seconds.
  const [dirty, setDirty] = useState(false);
  useLiveChanges(() => setDirty(true));
  useEffect(() => {
    if (!dirty) return;
    const id = setTimeout(() => {
      setDirty(false);
      void refreshFigures();
    }, 3000);
    return () => clearTimeout(id);
  }, [dirty, refreshFigures]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };

  return (
    <>
      <PageHeader title="Oversight">
        <a className="button" href={`/api/stats.csv${query}`} download>
          Export CSV
        </a>
      </PageHeader>
      <form className="inline-form" onSubmit={apply} aria-label="Period">
        <Field label="From" id="from">
          <input id="from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field label="Until (exclusive)" id="to">
          <input id="to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <button type="submit">Apply</button>
      </form>
      <ErrorBox error={error} title="The statistics could not be loaded" />
      {!stats ? error ? null : <Loading what="Counting" /> : <Figures s={stats} period={period} listed={listed} onRefreshLists={() => void load()} />}
    </>
  );
}

/**
 * One of the dashboard's lists: its first page comes with the figures, and "Show more" appends the
 * next keyset page from the list's own route. The pages already shown stay while the first page
 * ends on the same row (the figures reload as the pipeline moves).
 */
function useMore<T>(first: T[], cursor: string | null, url: (cursor: string) => string) {
  const [extra, setExtra] = useState<{ rows: T[]; cursor: string | null }>({ rows: [], cursor });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setExtra({ rows: [], cursor }), [cursor]);
  const next = extra.cursor;
  const more = () => {
    if (!next) return;
    setBusy(true);
    api<Page<T>>('GET', url(next))
      .then((p) => {
        setExtra((e) => ({ rows: [...e.rows, ...p.items], cursor: p.nextCursor }));
        setError(null);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return { rows: [...first, ...extra.rows], more: next ? more : undefined, busy, error };
}

function MoreButton({ list, what }: { list: ReturnType<typeof useMore<unknown>>; what: string }) {
  return (
    <>
      <ErrorBox error={list.error} title={`More ${what} could not be loaded`} />
      {list.more && (
        <div className="page-actions">
          <button type="button" onClick={list.more} disabled={list.busy}>
            {list.busy ? 'Loading…' : `Show more ${what}`}
          </button>
        </div>
      )}
    </>
  );
}

function Figures({
  s,
  period,
  listed,
  onRefreshLists,
}: {
  s: StatsView;
  period: { from: string; to: string };
  listed: { at: StatsView['now']; counts: string } | null;
  onRefreshLists: () => void;
}) {
  const { user } = useSignedIn();
  const t = s.totals;
  const cases = useMore(s.noConvictionCases, s.more.noConvictionCases, (cursor) => `/api/stats/no-conviction${qs({ ...period, cursor, limit: 50 })}`);
  const escalated = useMore(s.escalations, s.more.escalations, (cursor) => `/api/stats/escalations${qs({ cursor, limit: 50 })}`);
  const near = useMore(s.holdsNearExpiry, s.more.holdsNearExpiry, (cursor) => `/api/stats/holds${qs({ expiry: 'near', cursor, limit: 50 })}`);
  const past = useMore(s.holdsPastExpiry, s.more.holdsPastExpiry, (cursor) => `/api/stats/holds${qs({ expiry: 'past', cursor, limit: 50 })}`);
  if (t.bookings === 0) return <Empty title="No bookings in this period">{s.scopeLabel}: nothing was booked in the period chosen.</Empty>;
  const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '—');
  const overdue = s.holdCounts.past;
  return (
    <>
      <p className="muted">
        {s.scopeLabel} · as of {formatTime(s.now, user.timeZone)}
      </p>
      <div className="kpis" data-testid="kpis">
        <Kpi label="Bookings" value={t.bookings} />
        <Kpi label="IDENT matches" value={t.identMatches} note={pct(t.identMatches, t.bookings)} />
        <Kpi label="Detainers issued" value={t.detainers} />
        <Kpi label="Detainers on people with no conviction" value={t.detainersNoConviction} note={pct(t.detainersNoConviction, t.detainers)} alarm={t.detainersNoConviction > 0} />
        <Kpi label="US citizens matched in IDENT" value={t.citizensInFlow} />
        <Kpi label="Detainers on US citizens" value={t.detainersOnCitizens} alarm={t.detainersOnCitizens > 0} />
        <Kpi label="Citizenship claims (to LESC)" value={t.citizenshipClaims} alarm={t.citizenshipClaims > 0} />
        <Kpi label="Holds near expiry (6 h)" value={s.holdCounts.near} />
        <Kpi label="Holds past expiry (must be 0)" value={overdue} alarm={overdue > 0} ok={overdue === 0} />
        <Kpi label="Honoured / declined / lapsed" value={`${t.honoured} / ${t.declined} / ${t.lapsed}`} />
        <Kpi label="Custody transferred to ICE" value={t.custodyTransferred} />
      </div>
      <div className="charts">
        <section className="card">
          <h2>Monthly trend</h2>
          <TrendChart trend={s.trend} />
        </section>
        <BreakdownCard title="By conviction level" rows={s.byLevel} />
        <BreakdownCard title="By priority" rows={s.byPriority} />
        <BreakdownCard title="By conviction status" rows={s.byConviction} />
        <BreakdownCard title="By outcome" rows={s.byOutcome} />
        <BreakdownCard title="By jurisdiction" rows={s.byJurisdiction} />
        <BreakdownCard title="By immigration status (IAR)" rows={s.byImmigrationStatus} />
      </div>
      {listed && (
        <div className="page-actions" role="status" data-testid="lists-as-of">
          <span className={listed.counts === listCounts(s) ? 'muted' : undefined}>
            {listed.counts === listCounts(s) ? 'Lists below' : 'The figures have moved since the lists below were'} as of {formatTime(listed.at, user.timeZone)}.
          </span>
          <button type="button" onClick={onRefreshLists}>
            Refresh lists
          </button>
        </div>
      )}
      <HoldsTable title="Holds near expiry" list={near} empty="No hold ends within 6 hours." />
      <HoldsTable title="Holds past expiry" list={past} empty="None: nobody is held past the end of the hold." />
      <EscalationsCard list={escalated} />
      <section className="card" aria-labelledby="no-conviction-h">
        <h2 id="no-conviction-h">Detainers on people with no conviction</h2>
        {cases.rows.length === 0 ? (
          <p className="muted">None in this period.</p>
        ) : (
          <div className="table-wrap">
            <table className="stack" aria-label="Detainers on people with no conviction">
              <thead>
                <tr>
                  <th scope="col">Booking</th>
                  <th scope="col">Name</th>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Form / state</th>
                  <th scope="col">Status (IAR)</th>
                </tr>
              </thead>
              <tbody>
                {cases.rows.map((c) => (
                  <tr key={c.bookingId}>
                    <td data-label="Booking">
                      <Link href={`/bookings/${encodeURIComponent(c.bookingId)}`}>{c.bookingNumber}</Link>
                    </td>
                    <td data-label="Name">{c.name}</td>
                    <td data-label="Jurisdiction">{c.jurisdictionName}</td>
                    <td data-label="Submitted">{formatTime(c.submittedAt, c.timeZone)}</td>
                    <td data-label="Form / state">
                      {c.form} / {c.state}
                    </td>
                    <td data-label="Status">{c.immigrationStatus ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <MoreButton list={cases} what="detainers on people with no conviction" />
      </section>
    </>
  );
}

/** Cases escalated for a claim of US citizenship: the claim stops any detainer, a person follows it up. */
function EscalationsCard({ list }: { list: ReturnType<typeof useMore<StatsView['escalations'][number]>> }) {
  const rows = list.rows;
  return (
    <section className="card" aria-labelledby="escalations-h">
      <h2 id="escalations-h">Escalated cases (claims of US citizenship)</h2>
      {rows.length === 0 ? (
        <p className="muted">No escalated case in your jurisdiction.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack" aria-label="Escalated cases">
            <thead>
              <tr>
                <th scope="col">Booking</th>
                <th scope="col">Name</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Claimed</th>
                <th scope="col">Escalated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={`${e.bookingId}-${e.reason}`}>
                  <td data-label="Booking">
                    <Link href={`/bookings/${encodeURIComponent(e.bookingId)}`}>{e.bookingNumber}</Link>
                  </td>
                  <td data-label="Name">{e.name}</td>
                  <td data-label="Jurisdiction">{e.jurisdictionName}</td>
                  <td data-label="Claimed">{e.claimedAt ? `${formatTime(e.claimedAt, e.timeZone)}, to the ${e.madeTo}` : '—'}</td>
                  <td data-label="Escalated">
                    {formatTime(e.raisedAt, e.timeZone)} by {e.raisedBy}
                    <div className="hint">{e.note}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MoreButton list={list} what="escalated cases" />
    </section>
  );
}

function Kpi({ label, value, note, alarm, ok }: { label: string; value: number | string; note?: string; alarm?: boolean; ok?: boolean }) {
  return (
    <div className={`kpi${alarm ? ' alarm' : ok ? ' ok' : ''}`}>
      <div className="value">{value}</div>
      <div className="label">
        {label}
        {note && ` · ${note}`}
      </div>
    </div>
  );
}

function BreakdownCard({ title, rows }: { title: string; rows: Breakdown }) {
  const option = useMemo(
    () => ({
      color: palette,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.key), inverse: true },
      series: [
        { name: 'Bookings', type: 'bar', data: rows.map((r) => r.bookings) },
        { name: 'Detainers', type: 'bar', data: rows.map((r) => r.detainers) },
      ],
    }),
    [rows],
  );
  return (
    <section className="card">
      <h2>{title}</h2>
      <Chart option={option} label={`${title}: ${rows.map((r) => `${r.key} ${r.bookings} bookings, ${r.detainers} detainers`).join('; ')}`} />
    </section>
  );
}

function TrendChart({ trend }: { trend: StatsView['trend'] }) {
  const option = useMemo(
    () => ({
      color: palette,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trend.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Bookings', type: 'line', data: trend.map((m) => m.bookings) },
        { name: 'Detainers', type: 'line', data: trend.map((m) => m.detainers) },
        { name: 'No conviction', type: 'line', data: trend.map((m) => m.detainersNoConviction) },
        { name: 'IDENT matches', type: 'line', data: trend.map((m) => m.identMatches) },
      ],
    }),
    [trend],
  );
  return <Chart option={option} label={`Monthly trend: ${trend.map((m) => `${m.month} ${m.bookings} bookings, ${m.detainers} detainers`).join('; ')}`} />;
}

function HoldsTable({ title, list, empty }: { title: string; list: ReturnType<typeof useMore<StatsView['holdsNearExpiry'][number]>>; empty: string }) {
  const rows = list.rows;
  return (
    <section className="card">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {rows.map((h) => (
            <li key={h.bookingId}>
              <Link href={`/bookings/${encodeURIComponent(h.bookingId)}`}>{h.bookingNumber}</Link> {h.name}, {h.jurisdictionName}: hold ends{' '}
              {formatTime(h.holdExpiresAt, h.timeZone)}
            </li>
          ))}
        </ul>
      )}
      <MoreButton list={list} what={title.toLowerCase()} />
    </section>
  );
}
