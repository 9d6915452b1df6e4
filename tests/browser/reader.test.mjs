// The reader in a real browser: text size, search by speaker, highlights and
// the who-said-what list, and an article full of markup that must stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, api, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

async function articleOf(speaker) {
  const r = await api(`/api/quotes?speaker=${encodeURIComponent(speaker)}&limit=1`);
  assert.ok(r.results.length > 0, `no quotes by ${speaker}`);
  return r.results[0].article_id;
}

const fontSize = (page, selector) =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).fontSize);

test('text size: +, − and reset change the computed size, which survives reloads and pages', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const id = await articleOf('Varga');
  await page.goto(`${BASE}/articles/${id}`);
  const value = page.locator('.textsize-value');
  assert.equal(await fontSize(page, '.article-text p'), '18px');
  assert.equal(await value.textContent(), '18 px');

  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  assert.equal(await fontSize(page, '.article-text p'), '22px');
  assert.equal(await value.textContent(), '22 px');

  await page.reload();
  assert.equal(await fontSize(page, '.article-text p'), '22px');
  assert.equal(await value.textContent(), '22 px');

  // Another page shows the same size, and the keyboard alone works.
  await page.goto(`${BASE}/`);
  assert.equal(await fontSize(page, 'main'), '22px');
  await page.getByRole('button', { name: 'Smaller text' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await fontSize(page, 'main'), '20px');
  assert.equal(await value.textContent(), '20 px');

  await page.getByRole('button', { name: 'Reset text size' }).click();
  assert.equal(await fontSize(page, 'main'), '18px');
  await page.reload();
  assert.equal(await fontSize(page, 'main'), '18px');
  assert.equal(await value.textContent(), '18 px');
  await context.close();
});

test('search by speaker on a phone-width screen, then open a result', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.getByLabel('Speaker').fill('Varga');
  await page.getByLabel('Speaker').press('Enter');
  await page.waitForURL(/\/search\?/);
  const speakers = await page.locator('.result .speaker').allTextContents();
  assert.ok(speakers.length >= 3, `expected several results, got ${speakers.length}`);
  for (const s of speakers) assert.equal(s, 'Elena Varga');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);

  const link = page.locator('.result .article-link').first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(/\/articles\/\d+#q\d+$/);
  assert.equal(await page.locator('h1').textContent(), 'Leaders end summit with pledge on grid links');
  const anchor = href.split('#')[1];
  assert.equal(await page.locator(`mark#${anchor}`).count(), 1);
  assert.match(await page.locator('.provenance').textContent(), /Example News, citing AFP/);
  await context.close();
});

test('statements are highlighted at their offsets, with details on focus and hover, and the side list jumps to them', async () => {
  const page = await browser.newPage();
  const id = await articleOf('Varga');
  const record = await api(`/api/articles/${id}`);
  await page.goto(`${BASE}/articles/${id}`);

  const quotes = record.article.quotes;
  assert.ok(quotes.length > 3);
  assert.equal(await page.locator('.who-said-what li').count(), quotes.length);
  for (let i = 0; i < quotes.length; i++) {
    const mark = page.locator(`mark#q${record.quote_ids[i]}`);
    assert.equal(await mark.count(), 1, `no highlight for quote ${record.quote_ids[i]}`);
    // innerText leaves out the hidden tooltip: what shows is the quote.
    assert.equal(await mark.evaluate((el) => el.innerText), quotes[i].content.text);
  }

  // Speakers get different colours.
  const varga = page.locator('mark.stmt', { hasText: 'This is the week' });
  // Another speaker's statement, found through the API rather than by its
  // words, so the test does not pin the engine's exact spans.
  const other = quotes.findIndex((q) => q.speaker === 'Tomas Adamkus');
  assert.ok(other >= 0, 'no statement by Tomas Adamkus');
  const adamkus = page.locator(`mark#q${record.quote_ids[other]}`);
  const bg = (l) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(await bg(varga), await bg(adamkus));
  assert.notEqual(await bg(varga), 'rgba(0, 0, 0, 0)');

  // Focus shows speaker, cue, addressee and date.
  const tip = varga.locator(':scope > .tip');
  assert.equal(await tip.isVisible(), false);
  await varga.focus();
  assert.equal(await tip.isVisible(), true);
  const text = await tip.textContent();
  for (const part of ['Elena Varga', 'told', 'reporters', '2025-06-12']) assert.ok(text.includes(part), `${part} missing from "${text}"`);
  await page.locator('h1').hover();
  await page.locator('h1').click();
  assert.equal(await tip.isVisible(), false);
  const adamkusTip = adamkus.locator(':scope > .tip');
  await adamkus.hover();
  assert.equal(await adamkusTip.isVisible(), true);
  assert.ok((await adamkusTip.textContent()).includes('Tomas Adamkus'));

  // The side list jumps to (and focuses) each statement.
  const links = page.locator('.who-said-what a');
  const last = links.last();
  const target = (await last.getAttribute('href')).slice(1);
  await last.click();
  await page.waitForFunction((t) => document.activeElement && document.activeElement.id === t, target);
  assert.equal(new URL(page.url()).hash, `#${target}`);
  await page.close();
});

test('an article full of markup renders as text and runs no script', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const id = await articleOf('Whitlock');
  const person = (await api('/api/quotes?speaker=Whitlock&limit=1')).results[0].person_id;
  const pages = [
    `/articles/${id}`,
    `/search?q=${encodeURIComponent('<script>window.__pwned=9</script>')}`,
    `/search?speaker=Whitlock`,
    `/people/${person}`,
    `/quotes/${(await api('/api/quotes?speaker=Whitlock&limit=1')).results[0].id}`,
  ];
  for (const path of pages) {
    await page.goto(BASE + path);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `script ran on ${path}`);
    assert.equal(await page.locator('main img, main script, main textarea, main iframe').count(), 0, path);
    assert.equal(await page.locator('script').count(), 1, path);  // reader.js only.
  }
  await page.goto(`${BASE}/articles/${id}`);
  assert.match(await page.locator('h1').textContent(), /<script>window.__pwned = 1<\/script>/);
  const body = await page.locator('.article-text').innerText();
  assert.ok(body.includes('"><img src=x onerror=window.__pwned=3>'));
  assert.ok(body.includes('</textarea><script>window.__pwned=4</script>'));
  assert.equal(await page.locator('main a[href^="javascript:"]').count(), 0);
  // The statements are still highlighted and listed.
  assert.equal(await page.locator('.who-said-what li').count(), 3);
  assert.deepEqual(dialogs, []);
  await context.close();
});
