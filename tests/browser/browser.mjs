// Shared by the browser tests and the screenshot script: launches Debian's
// chromium with the flags CI needs. Nothing is downloaded.
import { chromium } from 'playwright-core';

export const BASE = process.env.WHOSAID_URL ?? 'http://127.0.0.1:8080';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--no-first-run'],
  });
}

// Returns the JSON of an API path on the server under test.
export async function api(path) {
  const r = await fetch(BASE + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}
