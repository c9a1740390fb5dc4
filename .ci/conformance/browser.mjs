// Loads pages in Debian's Chromium through playwright-core and reports what
// a reader's browser would see: console errors, failed or external requests,
// axe-core violations in the light and dark colour schemes, horizontal
// scrolling on a 375 px wide phone, and where printing to PDF puts each
// <article>. One browser serves every page.
//
// stdin:  {chromium, origin, pages: [{name, url}], screenshots?: [{url, path, width, height, colorScheme}]}
// stdout: {chromium, playwright, axe, pages: [{name, problems, axe, background, narrow, print}]}

import { join } from 'node:path';
import { input, modules, output, tools, version } from './lib.mjs';
import { articlePages } from './pdf.mjs';

const require = tools();
const { chromium } = require('playwright-core');
const axePath = join(modules(), 'axe-core', 'axe.min.js');

// The flags real-clients.md found necessary for headless Chromium as root
// here; playwright adds --headless and its own fresh --user-data-dir.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The paper the print check uses: A4 with 15 mm margins unless the page's
// own @page rule sets margins.
const paper = { width: '210mm', height: '297mm', margin: '15mm' };

const req = await input();
const browser = await chromium.launch({ executablePath: req.chromium, args, timeout: 60_000 });
try {
  const result = {
    chromium: browser.version(),
    playwright: version('playwright-core'),
    axe: version('axe-core'),
    pages: [],
  };
  // Two pages at a time: the machine this runs on has two cores.
  result.pages = new Array(req.pages.length);
  let next = 0;
  const worker = async () => {
    while (next < req.pages.length) {
      const i = next++;
      result.pages[i] = await check(req.pages[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  for (const s of req.screenshots ?? []) await screenshot(s);
  output(result);
} finally {
  await browser.close();
}

// open loads url in a fresh context and records every problem the page
// causes while it lives: console errors, uncaught exceptions, failed
// requests, HTTP errors, and requests that leave the test server (those
// are blocked, so the check never touches the network).
async function open(url, phase, problems, options = {}, script = null) {
  const ctx = await browser.newContext(options);
  // An init script runs through the DevTools protocol: it adds no element
  // to the page and no Content-Security-Policy can block it.
  if (script) await ctx.addInitScript({ path: script });
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(req.origin + '/') || u.startsWith('data:') || u.startsWith('about:')) return route.continue();
    problems.push({ phase, kind: 'external request', text: u });
    return route.abort('blockedbyclient');
  });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      const loc = m.location();
      problems.push({ phase, kind: `console ${m.type()}`, text: `${m.text()} (${loc.url}:${loc.lineNumber})` });
    }
  });
  page.on('pageerror', (e) => problems.push({ phase, kind: 'uncaught exception', text: String(e) }));
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith(req.origin + '/')) return; // reported as external
    problems.push({ phase, kind: 'failed request', text: `${r.url()}: ${r.failure()?.errorText}` });
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push({ phase, kind: 'HTTP error', text: `${r.url()}: ${r.status()}` });
  });
  const resp = await page.goto(url, { waitUntil: 'load' });
  if (!resp || !resp.ok()) problems.push({ phase, kind: 'HTTP error', text: `${url}: ${resp ? resp.status() : 'no response'}` });
  return { ctx, page };
}

async function check({ name, url }) {
  const problems = [];
  const out = { name, problems, axe: {}, background: {}, narrow: null, print: null };

  for (const colorScheme of ['light', 'dark']) {
    const { ctx, page } = await open(url, colorScheme, problems, { colorScheme, viewport: { width: 1000, height: 800 } }, axePath);
    // The background the portfolio's fragment gets in this scheme, if the page has one.
    out.background[colorScheme] = await page.evaluate(() => {
      const el = document.querySelector('.incident-portfolio');
      return el ? getComputedStyle(el).backgroundColor : '';
    });
    out.axe[colorScheme] = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    });
    await ctx.close();
  }

  {
    const { ctx, page } = await open(url, 'narrow', problems, { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    out.narrow = await page.evaluate(() => {
      const root = document.scrollingElement;
      const wide = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > root.clientWidth + 0.5 && wide.length < 10) {
          wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} right=${Math.round(r.right)}`);
        }
      }
      // The legend's groups (roles, severities) stay whole where they fit
      // a line: every child of a group that fits sits on one row, and the
      // separator that ends a group never starts a row.
      const broken = [];
      for (const g of document.querySelectorAll('.legend-group')) {
        const kids = [...g.children];
        const rects = kids.map((k) => k.getBoundingClientRect());
        // A child starts a row when it sits below the one before it.
        const starts = rects.map((r, i) => i > 0 && r.top >= rects[i - 1].bottom - 0.5);
        const gap = parseFloat(getComputedStyle(g).columnGap) || 0;
        const width = rects.reduce((w, r) => w + r.width, 0) + gap * (kids.length - 1);
        const room = g.parentElement.getBoundingClientRect().width;
        if (width < room && starts.includes(true)) {
          broken.push(`a group of ${kids.length} (${Math.round(width)} px of ${Math.round(room)}) spans rows, at tops ${rects.map((r) => Math.round(r.top)).join(', ')}`);
        }
        kids.forEach((k, i) => {
          if (k.classList.contains('legend-sep') && (i === 0 || starts[i])) {
            broken.push(`the separator starts a row at ${Math.round(rects[i].top)}`);
          }
        });
      }
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide, legendGroups: document.querySelectorAll('.legend-group').length, legendBroken: broken };
    });
    await ctx.close();
  }

  out.print = await print(url, problems);
  return out;
}

// print lays the page out as the printer would (print media, viewport as
// wide as the paper's printable area), measures each <article>, prints a
// tagged PDF and reads back from the PDF's structure tree which pages each
// article landed on.
async function print(url, problems) {
  const { ctx, page } = await open(url, 'print', problems, { viewport: { width: 800, height: 1000 } });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const area = await page.evaluate(areaOf, paper);
  await page.setViewportSize({ width: Math.floor(area.width), height: Math.floor(area.height) });
  const layout = await page.evaluate(() => ({
    overflow: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
    articles: [...document.querySelectorAll('article')].map((a) => {
      const r = a.getBoundingClientRect();
      return { id: a.id, height: r.height, breakInside: getComputedStyle(a).breakInside };
    }),
  }));
  const pdf = await page.pdf({
    width: paper.width,
    height: paper.height,
    margin: { top: paper.margin, right: paper.margin, bottom: paper.margin, left: paper.margin },
    tagged: true,
    printBackground: false,
  });
  await ctx.close();
  const tagged = articlePages(pdf);
  return {
    bytes: pdf.length,
    header: pdf.subarray(0, 5).toString('latin1'),
    pages: tagged.pages,
    area,
    overflow: layout.overflow,
    articles: layout.articles.map((a, i) => ({ ...a, fits: a.height <= area.height, pdfPages: tagged.articles[i] ?? null })),
    pdfArticles: tagged.articles.length,
  };
}

// areaOf runs in the page: the printable area in CSS px, from the page's
// own @page margins where it sets them, else from the default margin.
function areaOf(paper) {
  const px = (len) => {
    const d = document.createElement('div');
    d.style.cssText = `position:absolute;visibility:hidden;width:${len}`;
    document.body.append(d);
    const w = d.getBoundingClientRect().width;
    d.remove();
    return w;
  };
  const m = { top: paper.margin, right: paper.margin, bottom: paper.margin, left: paper.margin };
  const visit = (rules) => {
    for (const r of rules) {
      if (r instanceof CSSPageRule && !r.selectorText) {
        for (const side of Object.keys(m)) {
          const v = r.style.getPropertyValue('margin-' + side);
          if (v) m[side] = v;
        }
      } else if (r.cssRules) visit(r.cssRules);
    }
  };
  for (const sheet of document.styleSheets) visit(sheet.cssRules);
  return {
    margins: m,
    width: px(paper.width) - px(m.left) - px(m.right),
    height: px(paper.height) - px(m.top) - px(m.bottom),
  };
}

async function screenshot({ url, path, width, height, colorScheme }) {
  const problems = [];
  const { ctx, page } = await open(url, 'screenshot', problems, { colorScheme: colorScheme || 'light', viewport: { width, height } });
  await page.screenshot({ path, fullPage: false });
  await ctx.close();
  if (problems.length) throw new Error('screenshot: ' + JSON.stringify(problems));
}
