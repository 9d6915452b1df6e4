// Writes the README's screenshots of the reader and the search page into the
// directory given as the first argument.
import { launch, api, BASE } from './browser.mjs';

const out = process.argv[2];
const browser = await launch();
try {
  const varga = await api('/api/quotes?speaker=Varga&limit=1');
  const articleId = varga.results[0].article_id;
  const wide = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await wide.goto(`${BASE}/articles/${articleId}`);
  await wide.locator('mark.stmt').nth(2).focus();
  await wide.screenshot({ path: `${out}/reader.png` });
  await wide.goto(`${BASE}/search?speaker=Varga`);
  await wide.screenshot({ path: `${out}/search.png` });
  const phone = await browser.newPage({ viewport: { width: 390, height: 760 } });
  await phone.goto(`${BASE}/articles/${articleId}`);
  await phone.screenshot({ path: `${out}/reader-phone.png` });
} finally {
  await browser.close();
}
