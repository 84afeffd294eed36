/**
 * The console in a real browser (Debian's Chromium through playwright-core): each role signs in
 * and sees its work; one livescan booking goes from the jail's upload through LESC, ERO and back
 * to the jail's answer on the detainer, with its countdown; another county's officer cannot open
 * it by URL. Screenshots of each main view go to test-output/screenshots/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildTenprint, readTransaction } from '../../src/formats/ebts/index.ts';
import { bookingFromEbts } from '../../src/pipeline/ebts-booking.ts';
import { type Viewport, browserSkip, browserTestTimeoutMs, browserTimeoutMs, launchBrowser, narrow, newContext, screenshot, signedIn } from '../support/browser.ts';
import { startConsoleServer, type ConsoleServer } from '../support/console-server.ts';
import { counties, worldPassword, type Person } from '../support/console-world.ts';
import { repoRoot, requireOrSkip, sharedDataPresent } from '../support/env.ts';
import { sampleCar } from '../support/ebts-sample.ts';

const skip = browserSkip() || requireOrSkip('../shared/data (the NIST sample prints for the livescan file)', sharedDataPresent());
const tcn = 'CT-E2E-0001';
const bookingId = `B-${tcn}`;

/** A livescan file for New Haven (4 fingers keep extraction short) and the person it shows, on file with DHS and the FBI. */
function livescan(): { file: string; person: Person } {
  const base = sampleCar();
  const bytes = buildTenprint({
    ...base,
    fingerprints: base.fingerprints.slice(0, 4),
    header: { ...base.header, ori: counties.newHaven.ori, tcn, date: '20120305' },
    subject: { ...base.subject, name: 'ROJAS,PEDRO', sex: 'M', placeOfBirth: 'MX', datesOfBirth: ['19830612'] },
    arrest: { ...base.arrest, date: '20120305', caseNumber: 'NH-2012-0042' },
  });
  const dir = join(repoRoot, 'test-output');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'livescan-new-haven.an2');
  writeFileSync(file, bytes);
  const templates = bookingFromEbts(readTransaction(bytes)).prints;
  const person: Person = {
    key: 'rojas',
    family: 'ROJAS',
    given: 'PEDRO',
    dob: '1983-06-12',
    sex: 'M',
    pob: 'MX',
    ident: { fin: 'FIN0000099', status: 'overstay', aNumber: 'A099887766', priorRemovalOrder: false },
    fbi: { number: 'FBI000099', convictions: [{ offense: 'ASSAULT 2ND DEGREE', ncic: '1399', level: 2, felony: true, on: '2010-07-01' }] },
    templates,
  };
  return { file, person };
}

describe('the console in Chromium', { skip }, () => {
  // Every wait is for a condition, bounded by browserTimeoutMs (test/support/browser.ts); each test as a whole by browserTestTimeoutMs.
  let server: ConsoleServer;
  let browser: Browser;
  let file: string;

  // Building the console and seeding the world can take minutes on a loaded machine; bounded all the same.
  before(
    async () => {
      const scan = livescan();
      file = scan.file;
      const nh = [counties.newHaven.id];
      server = await startConsoleServer({ steps: { lesc: nh, ero: nh, jail: nh }, extraPeople: [scan.person] });
      browser = await launchBrowser();
    },
    { timeout: browserTestTimeoutMs },
  );
  after(
    async () => {
      await browser?.close();
      await server?.close();
    },
    { timeout: browserTimeoutMs },
  );

  const as = (username: string, viewport?: Viewport) => signedIn(browser, server.baseURL, username, worldPassword, viewport);
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  test('sign-in is keyboard-usable; a wrong password says so', { timeout: browserTestTimeoutMs }, async () => {
    const context = await newContext(browser, server.baseURL);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('User name').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'username', 'the user name field has focus');
    await page.keyboard.type('hartford');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('SECCOM_LOGIN_FAILED').waitFor();
    await screenshot(page, 'login-failed');
    await page.getByLabel('Password').fill(worldPassword);
    await page.keyboard.press('Enter');
    await heading(page, 'Bookings');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bookings', 'focus lands on the page title');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Submit booking', 'then on the page action');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    await skipLink.focus();
    assert.ok(await skipLink.isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await context.close();
  });

  test('one booking from the livescan upload to the jail honouring the detainer', { timeout: browserTestTimeoutMs }, async () => {
    // The analyst watches the IAQ queue: the booking must appear there without a reload.
    const lesc = await as('analyst');
    await lesc.page.getByRole('link', { name: 'IAQ queue' }).click();
    await heading(lesc.page, 'IAQ queue');
    await lesc.page.getByText('The queue is empty').waitFor();
    await screenshot(lesc.page, 'iaq-queue-empty');

    const jail = await as('newhaven');
    await jail.page.getByRole('link', { name: 'Submit booking' }).first().click();
    await heading(jail.page, 'Submit a booking');
    await jail.page.getByLabel('Booking file').setInputFiles(file);
    await screenshot(jail.page, 'submit-booking');
    await jail.page.getByRole('button', { name: 'Submit booking' }).click();
    await heading(jail.page, /ROJAS, PEDRO/);
    await jail.page.getByText('Awaiting the LESC analyst').first().waitFor();
    await screenshot(jail.page, 'booking-at-lesc');

    const row = lesc.page.getByRole('row', { name: /ROJAS, PEDRO/ });
    await row.waitFor();
    await screenshot(lesc.page, 'iaq-queue');
    await row.getByRole('link', { name: /Answer/ }).click();
    await heading(lesc.page, 'IAR for ROJAS, PEDRO');
    assert.equal(await lesc.page.getByLabel('Immigration status').inputValue(), 'overstay');
    await lesc.page.getByLabel('Remarks').fill('Checked IDENT and the FBI record: overstay, one felony conviction.');
    await screenshot(lesc.page, 'iar-form');
    await lesc.page.getByRole('button', { name: 'Send the IAR' }).click();
    await heading(lesc.page, 'IAQ queue');
    await lesc.page.getByText('The queue is empty').waitFor();

    const ero = await as('ero');
    await ero.page.getByRole('link', { name: 'Decisions' }).click();
    await ero.page.getByRole('row', { name: /ROJAS, PEDRO/ }).waitFor();
    await screenshot(ero.page, 'ero-queue');
    await ero.page.getByRole('row', { name: /ROJAS, PEDRO/ }).getByRole('link', { name: /Decide/ }).click();
    await heading(ero.page, 'Decide: ROJAS, PEDRO');
    await ero.page.getByText('Lodge a detainer (Form I-247) (recommended)').waitFor();
    await screenshot(ero.page, 'ero-decision');
    await ero.page.getByLabel(/Lodge a detainer/).check();
    await ero.page.getByLabel('Reason').fill('Priority 1: level 2 conviction (assault).');
    await ero.page.getByRole('button', { name: 'Record the decision' }).click();
    await heading(ero.page, /ROJAS, PEDRO/);

    await jail.page.getByRole('link', { name: 'Detainers to answer' }).click();
    await jail.page.getByRole('row', { name: /ROJAS, PEDRO/ }).waitFor();
    await screenshot(jail.page, 'jail-queue');
    await jail.page.getByRole('row', { name: /ROJAS, PEDRO/ }).getByRole('link', { name: /Answer/ }).click();
    await jail.page.getByRole('heading', { name: 'Answer the detainer' }).waitFor();
    await jail.page.getByRole('region', { name: 'The local rules' }).waitFor();
    await screenshot(jail.page, 'jail-answer');
    await jail.page.getByLabel(/Honour/).check();
    await jail.page.getByLabel('Reason').fill('Felony conviction on record; held under the detainer.');
    await jail.page.getByRole('button', { name: 'Record the answer' }).click();
    await jail.page.getByText('Held on a detainer').first().waitFor();
    // What the engine answered is shown as stored with the records: ICE's decision and the jail's answer.
    await jail.page.getByRole('region', { name: 'Why: the rules ICE decided under' }).getByText('I-247', { exact: true }).waitFor();
    await jail.page.getByRole('region', { name: "The jail's answer under its local rules" }).getByText(/^Detainer clock/).waitFor();
    const countdown = jail.page.getByTestId('countdown');
    await countdown.waitFor();
    const first = await countdown.getByRole('timer').innerText();
    assert.match(first, /\d+ (d|h|min)/);
    await screenshot(jail.page, 'booking-held-countdown');
    // The clock is the pipeline's: move it on and the countdown follows without a reload.
    server.clock.advance(3 * 3_600_000);
    await jail.page.waitForFunction((before) => document.querySelector('[role=timer]')?.textContent !== before, first);

    await Promise.all([lesc.context.close(), ero.context.close(), jail.context.close()]);
  });

  test("another county's officer cannot open the booking by its URL", { timeout: browserTestTimeoutMs }, async () => {
    const { context, page } = await as('hartford');
    const api = await page.request.get(`/api/bookings/${bookingId}`);
    assert.equal(api.status(), 404);
    await page.goto(`/bookings/${bookingId}`);
    await page.getByText('Booking not found').waitFor();
    assert.ok(!(await page.content()).includes('ROJAS'), 'nothing of the record reaches the page');
    await screenshot(page, 'other-county-not-found');
    await context.close();
  });

  test('the state bureau, the county board and the inspector', { timeout: browserTestTimeoutMs }, async () => {
    const sib = await as('sib');
    await heading(sib.page, 'Bookings');
    await sib.page.getByLabel('Search bookings').fill('ROJAS');
    await sib.page.keyboard.press('Enter');
    await sib.page.getByRole('row', { name: /ROJAS, PEDRO/ }).waitFor();
    await screenshot(sib.page, 'sib-search');
    await sib.context.close();

    const board = await as('board');
    await heading(board.page, 'Oversight');
    await board.page.getByTestId('kpis').waitFor();
    // The lists name people (an audited read): they reload when the reader asks, with their time shown.
    await board.page.getByTestId('lists-as-of').getByText(/^Lists below as of /).waitFor();
    const reload = board.page.waitForRequest((r) => new URL(r.url()).pathname === '/api/stats' && !r.url().includes('lists=none'));
    await board.page.getByRole('button', { name: 'Refresh lists' }).click();
    await reload;
    await screenshot(board.page, 'board-dashboard');
    await board.context.close();

    const inspector = await as('inspector');
    // "Show more" appends the next keyset page from the list's own route. The world's few cases fit
    // on the dashboard's first page, so that page is cut to none, its cursor set before every case.
    const beforeAll = Buffer.from(JSON.stringify(['2100-01-01T00:00:00.000Z', '~'])).toString('base64url');
    const firstPageCut = (url: URL) => url.pathname === '/api/stats';
    await inspector.page.route(firstPageCut, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { noConvictionCases: unknown[]; more: Record<string, string | null> };
      await route.fulfill({ response, json: { ...body, noConvictionCases: [], more: { ...body.more, noConvictionCases: beforeAll } } });
    });
    // A fresh load, so that the dashboard's figures come through the route (signing in may have shown them already).
    await inspector.page.goto('/dashboard');
    await inspector.page.getByTestId('kpis').getByText('Holds past expiry (must be 0)').waitFor();
    const more = inspector.page.getByRole('button', { name: 'Show more detainers on people with no conviction' });
    await more.click();
    await inspector.page.getByRole('table', { name: 'Detainers on people with no conviction' }).getByRole('cell', { name: 'REYES, ANA' }).waitFor();
    await more.waitFor({ state: 'detached' });
    await inspector.page.unroute(firstPageCut);
    await screenshot(inspector.page, 'dashboard');
    await inspector.page.getByRole('link', { name: 'Audit log' }).click();
    await inspector.page.getByText('Chain verified').waitFor();
    await inspector.page.getByLabel('Actor').fill('user:newhaven');
    await inspector.page.getByRole('button', { name: 'Filter' }).click();
    await inspector.page.getByRole('cell', { name: /console_decisions/ }).first().waitFor();
    await screenshot(inspector.page, 'audit');
    // Search by the person's name: the entries about that person's records, the filters cleared.
    await inspector.page.getByRole('form', { name: 'Filters' }).getByRole('button', { name: 'Clear' }).click();
    await inspector.page.getByLabel("Search the audit of a person's bookings").fill('ROJAS, PEDRO');
    await inspector.page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await inspector.page.getByTestId('audit-search-scope').getByText('records of 1 booking this search names').waitFor();
    await inspector.page.getByRole('cell', { name: `bookings ${bookingId}` }).first().waitFor();
    await inspector.page.getByRole('cell', { name: /^detainers / }).first().waitFor();
    const records = await inspector.page.getByRole('table', { name: 'Audit entries' }).locator('td[data-label="Record"] code').allInnerTexts();
    assert.ok(records.length > 0 && !records.some((id) => /^B-/.test(id) && !id.includes(bookingId)), records.join(' '));
    await screenshot(inspector.page, 'audit-search');
    await inspector.context.close();
  });

  test('administration of users and jurisdictions', { timeout: browserTestTimeoutMs }, async () => {
    const { context, page } = await as('admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await heading(page, 'Users');
    await page.getByLabel('User name').fill('clerk');
    await page.getByLabel('Display name').fill('Night Clerk');
    await page.getByLabel('Agency ORI').fill(counties.hartford.ori);
    await page.getByLabel('Jurisdiction').fill(`county:${counties.hartford.id}`);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Password (shown once)').waitFor();
    await screenshot(page, 'admin-users');
    await page.getByRole('link', { name: 'Jurisdictions' }).click();
    await page.getByRole('link', { name: counties.cook.name }).click();
    await page.getByRole('heading', { name: 'Policy versions (federal first)' }).waitFor();
    // Illinois asked not to share in 2011; the engine says it had no effect once participation was mandatory.
    await page.getByRole('region', { name: /Participation/ }).getByText('prints go to DHS').waitFor();
    assert.equal(await page.getByText('request honoured').count(), 0, 'no hand-set switch for what the engine decides');
    await screenshot(page, 'admin-jurisdiction');
    await page.getByRole('link', { name: 'All jurisdictions' }).click();
    await page.getByLabel('Search jurisdictions').fill('IL');
    await page.keyboard.press('Enter');
    // The server answers the search: Connecticut's jails leave the list, Cook County stays.
    await page.getByRole('link', { name: counties.hartford.name }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: counties.cook.name }).waitFor();
    await screenshot(page, 'admin-jurisdictions-search');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByText('No API tokens').waitFor();
    await page.getByLabel('Token name').fill('nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText(/New token/).waitFor();
    await page.getByRole('cell', { name: 'nightly export' }).waitFor();
    await screenshot(page, 'api-tokens');
    await context.close();
  });

  test('readable on a narrow screen: the navigation folds behind Menu', { timeout: browserTestTimeoutMs }, async () => {
    const { context, page } = await as('newhaven', narrow);
    await heading(page, 'Bookings');
    assert.equal(await page.getByRole('navigation', { name: 'Sections' }).isVisible(), false);
    await screenshot(page, 'bookings-narrow');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Detainers to answer' }).waitFor();
    await screenshot(page, 'menu-narrow');
    await page.getByRole('link', { name: 'Bookings' }).click();
    await page.getByRole('link', { name: /NH-2012-0042/ }).click();
    await page.getByTestId('countdown').waitFor();
    await screenshot(page, 'booking-detail-narrow');
    await context.close();
  });
});
