/** A work queue (LESC IAQs, ERO decisions, the jail's detainers): oldest first, live time in queue. */
import { useCallback } from 'react';
import type { Page } from '../../../src/server/contract/common.ts';
import type { QueueItem } from '../../../src/server/contract/steps.ts';
import { api, qs } from '../api.ts';
import { formatDuration, formatTime } from '../format.ts';
import { syncClock, useLiveChanges, useServerNow } from '../live.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { Pager, SearchBox, usePaged } from '../components/paged.tsx';
import { Empty, ErrorBox, Loading, PageHeader } from '../components/ui.tsx';

export interface QueueSpec {
  title: string;
  path: string;
  api: string;
  intro: string;
  empty: string;
  open: (i: QueueItem) => string;
  openLabel: string;
}

export const iaqQueue: QueueSpec = {
  title: 'IAQ queue',
  path: '/queue/iaq',
  api: '/api/queues/lesc',
  intro: 'Immigration alien queries from IDENT matches, oldest first. Check the draft from the systems of record and send the IAR.',
  empty: 'No IAQ is waiting. New queries appear here as soon as IDENT matches a booking.',
  open: (i) => `/iaqs/${encodeURIComponent(i.bookingId)}`,
  openLabel: 'Answer',
};

export const decisionQueue: QueueSpec = {
  title: 'Decisions',
  path: '/queue/decisions',
  api: '/api/queues/ero',
  intro: 'Cases with an IAR, waiting for your decision, oldest first.',
  empty: 'No case is waiting for a decision.',
  open: (i) => `/decisions/${encodeURIComponent(i.bookingId)}`,
  openLabel: 'Decide',
};

export const jailQueue: QueueSpec = {
  title: 'Detainers to answer',
  path: '/queue/jail',
  api: '/api/queues/jail',
  intro: 'Detainers lodged against people in your jail, waiting for your answer under local law, oldest first.',
  empty: 'No detainer is waiting for an answer.',
  open: (i) => `/bookings/${encodeURIComponent(i.bookingId)}`,
  openLabel: 'Answer',
};

export function Queue({ spec }: { spec: QueueSpec }) {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api<Page<QueueItem>>('GET', `${spec.api}${qs({ q, cursor, limit: 25 })}`).then((p) => {
        const first = p.items[0];
        if (first) syncClock(new Date(Date.parse(first.openedAt) + first.waitingMs).toISOString());
        return p;
      }),
    [q, spec.api],
  );
  const paged = usePaged(fetchPage, `${spec.api}|${q}`);
  const { reload } = paged;
  useLiveChanges(() => reload());
  const now = useServerNow();

  return (
    <>
      <PageHeader title={spec.title} />
      <p className="muted">{spec.intro}</p>
      <div className="toolbar">
        <SearchBox label={`Search ${spec.title}`} value={q} placeholder="Name, booking number, TCN, SID or FIN" onSearch={(text) => navigate(`${spec.path}${qs({ q: text })}`)} />
      </div>
      <ErrorBox error={paged.error} title="The queue could not be loaded" />
      {!paged.page && paged.loading ? (
        <Loading what="Loading the queue" />
      ) : paged.page?.items.length === 0 ? (
        <Empty title={q ? `Nothing in the queue matches “${q}”` : 'The queue is empty'}>{q ? 'Clear the search to see the whole queue.' : spec.empty}</Empty>
      ) : (
        paged.page && (
          <div className="table-wrap">
            <table className="stack" aria-label={spec.title}>
              <thead>
                <tr>
                  <th scope="col">Booking</th>
                  <th scope="col">Name</th>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">Received</th>
                  <th scope="col">In queue</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {paged.page.items.map((i) => (
                  <tr key={i.bookingId}>
                    <td data-label="Booking">
                      {i.bookingNumber}
                      <div className="hint">{i.fin ? `FIN ${i.fin}` : `TCN ${i.tcn}`}</div>
                    </td>
                    <td data-label="Name">
                      {i.name}
                      <div className="hint">DOB {i.dob}</div>
                    </td>
                    <td data-label="Jurisdiction">{i.jurisdictionName}</td>
                    <td data-label="Received">{formatTime(i.openedAt, i.timeZone)}</td>
                    <td data-label="In queue" className="num">
                      {formatDuration(Math.max(0, now - Date.parse(i.openedAt)))}
                    </td>
                    <td>
                      <Link className="button" href={spec.open(i)} aria-label={`${spec.openLabel}: ${i.name}, ${i.bookingNumber}`}>
                        {spec.openLabel}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <Pager paged={paged} label={spec.title} />
    </>
  );
}
