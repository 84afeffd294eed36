import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { ManualClock } from '../../domain/clock.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Store } from '../../store/store.ts';
import { bulkBookingId, seedBulkBookings } from '../../../test/support/bulk-bookings.ts';
import { openTestStore } from '../../../test/support/store.ts';
import { LiveHub } from './hub.ts';

/** The part of a response the hub uses: it writes, ends, and hears the connection close. */
class FakeResponse extends EventEmitter {
  destroyed = false;
  readonly chunks: string[] = [];
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.destroyed = true;
    this.emit('close');
  }
  changed(): string[] {
    return this.chunks.filter((c) => c.startsWith('event: change')).map((c) => (JSON.parse(c.split('data: ')[1]!) as { bookingId: string }).bookingId);
  }
}

describe('live updates hub', () => {
  let store: Store;
  const clock = new ManualClock('2012-03-05T15:00:00Z');
  // Polled by hand: the interval is far longer than the test.
  let hub: LiveHub;
  const touch = (n: number) =>
    store.transaction((tx) => appendAudit(tx, [{ at: clock.now(), actor: 'test', action: 'update', entity: 'bookings', entityId: bulkBookingId(n), data: {} }]));
  const client = async () => {
    const res = new FakeResponse();
    await hub.add({ visibility: {}, res: res as unknown as ServerResponse });
    return res;
  };

  before(async () => {
    store = await openTestStore('pglite');
    await seedBulkBookings(store, 3);
    hub = new LiveHub(store, clock, 3_600_000);
  });
  after(async () => {
    hub.close();
    await store.close();
  });

  test('a change made right after a client connects reaches it, though no poll ran in between', async () => {
    const a = await client();
    await touch(1);
    await hub.poll();
    assert.deepEqual(a.changed(), [bulkBookingId(1)]);
    a.end();
  });

  test('changes made while nobody listened are not replayed to the next client', async () => {
    assert.equal(hub.clientCount, 0);
    await touch(2);
    const b = await client();
    await touch(3);
    await hub.poll();
    assert.deepEqual(b.changed(), [bulkBookingId(3)]);
    b.end();
  });
});
