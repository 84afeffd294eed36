import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser, screenshot, signedIn } from '../support/browser.ts';
import { startConsoleServer, type ConsoleServer } from '../support/console-server.ts';
import { worldPassword } from '../support/console-world.ts';

const skip = browserSkip();

describe('console smoke', { skip }, () => {
  let server: ConsoleServer;
  let browser: Browser;
  before(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('jail officer sees the bookings and opens one', async () => {
    const { context, page } = await signedIn(browser, server.baseURL, 'hartford', worldPassword);
    await page.getByRole('heading', { name: 'Bookings' }).waitFor();
    await screenshot(page, 'bookings');
    await page.getByRole('link', { name: /BK-CT/ }).first().click();
    await page.getByTestId('timeline').waitFor();
    await screenshot(page, 'booking-detail');
    assert.ok(true);
    await context.close();
  });

  test('inspector dashboard and audit', async () => {
    const { context, page } = await signedIn(browser, server.baseURL, 'inspector', worldPassword);
    await page.getByRole('link', { name: 'Oversight' }).click();
    await page.getByTestId('kpis').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Chain verified').waitFor();
    await screenshot(page, 'audit');
    await context.close();
  });
});
