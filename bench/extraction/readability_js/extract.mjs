// Readability.js (with jsdom) over DIR/*/source.html: pages/s on one
// thread, extraction only (files are read first). Prints one result line
// that compare.sh parses; the check counts pages with article text.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
const pages = readdirSync(dir).sort()
  .filter((d) => existsSync(join(dir, d, "source.html")))
  .map((d) => readFileSync(join(dir, d, "source.html"), "utf8"));
const quiet = new VirtualConsole();  // Pages' CSS and script errors are noise here.
let withText = 0;
const start = process.hrtime.bigint();
for (const html of pages) {
  const dom = new JSDOM(html, { url: "https://example.com/", virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  if (article && article.textContent && article.textContent.trim().length > 0) withText++;
  dom.window.close();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`RESULT readability.js pages=${pages.length} with_text=${withText} seconds=${seconds.toFixed(3)}`);
