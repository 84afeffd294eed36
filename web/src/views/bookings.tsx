/** The booking list: scoped to the user's jurisdiction by the server, searchable, keyset-paged, live. */
import { useCallback } from 'react';
import type { BookingSummary } from '../../../src/server/contract/bookings.ts';
import type { Page } from '../../../src/server/contract/common.ts';
import { api, qs } from '../api.ts';
import { formatTime } from '../format.ts';
import { useLiveChanges } from '../live.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { Pager, SearchBox, usePaged } from '../components/paged.tsx';
import { StatusBadge } from '../components/status.tsx';
import { Empty, ErrorBox, Loading, PageHeader } from '../components/ui.tsx';

export function Bookings() {
  const { search } = useLocation();
  const { can } = useSession();
  const q = search.get('q') ?? '';
  const fetchPage = useCallback((cursor: string | undefined) => api<Page<BookingSummary>>('GET', `/api/bookings${qs({ q, cursor, limit: 25 })}`), [q]);
  const paged = usePaged(fetchPage, q);
  const { reload } = paged;
  // Refresh the first page when a booking moves; later pages stay put while someone reads them.
  useLiveChanges(() => paged.pageNumber === 1 && reload());

  return (
    <>
      <PageHeader title="Bookings">
        {can('booking.submit') && (
          <Link className="button" href="/bookings/new">
            Submit booking
          </Link>
        )}
      </PageHeader>
      <div className="toolbar">
        <SearchBox
          label="Search bookings"
          value={q}
          placeholder="Name (FAMILY, Given), booking number, TCN, SID or FIN"
          onSearch={(text) => navigate(`/bookings${qs({ q: text })}`)}
        />
      </div>
      <ErrorBox error={paged.error} title="The bookings could not be loaded" />
      {!paged.page && paged.loading ? (
        <Loading what="Loading bookings" />
      ) : paged.page && paged.page.items.length === 0 ? (
        q ? (
          <Empty title={`No booking matches “${q}”`}>Search by family name (or FAMILY, Given), booking number, TCN, SID or FIN.</Empty>
        ) : (
          <Empty title="No bookings yet">Bookings of your jurisdiction appear here as soon as they are submitted.</Empty>
        )
      ) : (
        paged.page && <BookingTable items={paged.page.items} />
      )}
      <Pager paged={paged} label="Bookings" />
    </>
  );
}

function BookingTable({ items }: { items: BookingSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="stack" aria-label="Bookings">
        <thead>
          <tr>
            <th scope="col">Booking</th>
            <th scope="col">Name</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Submitted</th>
            <th scope="col">Status</th>
            <th scope="col">Hold ends</th>
          </tr>
        </thead>
        <tbody>
          {items.map((b) => (
            <tr key={b.id}>
              <td data-label="Booking">
                <Link href={`/bookings/${encodeURIComponent(b.id)}`}>{b.bookingNumber}</Link>
                <div className="hint">TCN {b.tcn}</div>
              </td>
              <td data-label="Name">
                {b.name}
                <div className="hint">DOB {b.dob}</div>
              </td>
              <td data-label="Jurisdiction">{b.jurisdictionName}</td>
              <td data-label="Submitted">{formatTime(b.submittedAt, b.timeZone)}</td>
              <td data-label="Status">
                <StatusBadge b={b} />
              </td>
              <td data-label="Hold ends">{b.holdExpiresAt ? formatTime(b.holdExpiresAt, b.timeZone) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
