/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core; never a
 * downloaded browser. Playwright gives every launch a fresh temporary --user-data-dir itself (it
 * refuses one passed in args), so no profile survives between runs. Share one browser per test
 * file and open one context per signed-in role.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot, requireOrSkip } from './env.ts';

export const chromiumPath = process.env.SECCOM_CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Skip reason outside CI when Chromium is missing; under CI=true a missing browser fails. */
export function browserSkip(): string | false {
  return requireOrSkip(`Chromium at ${chromiumPath}`, existsSync(chromiumPath));
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: browserTimeoutMs });
}

/** The screenshots folder (gitignored): test-output/screenshots/. */
export const screenshotDir = join(repoRoot, 'test-output', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * How long one browser action or wait may take before it fails (Playwright's default is 30 s, which
 * a loaded 2-core CI machine has exceeded). Waits are for conditions, never fixed sleeps, so a
 * generous bound costs nothing when things are fast. SECCOM_BROWSER_TIMEOUT_MS overrides it.
 */
export const browserTimeoutMs = Number(process.env.SECCOM_BROWSER_TIMEOUT_MS ?? 90_000);
/** A bound for one whole browser test (several signed-in roles, many waits): it fails rather than hangs. */
export const browserTestTimeoutMs = 8 * browserTimeoutMs;

export interface Viewport {
  width: number;
  height: number;
}
export const desktop: Viewport = { width: 1280, height: 800 };
export const narrow: Viewport = { width: 390, height: 844 };

/** A fresh context (own cookies) whose actions and waits are bounded by browserTimeoutMs. */
export async function newContext(browser: Browser, baseURL: string, viewport = desktop): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, timezoneId: 'UTC', locale: 'en-US' });
  context.setDefaultTimeout(browserTimeoutMs);
  context.setDefaultNavigationTimeout(browserTimeoutMs);
  return context;
}

/** A fresh context signed in through the real sign-in form. */
export async function signedIn(browser: Browser, baseURL: string, username: string, password: string, viewport = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseURL, viewport);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
  return { context, page };
}
