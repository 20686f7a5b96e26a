#!/usr/bin/env node
// Opens one HTML file in headless Chromium, as a board member's browser would, and prints what it
// saw as JSON on stdout: every request, console message, dialog and page error; whether any
// script ran; the visible text; axe-core's WCAG violations; full-page screenshots at phone and
// laptop widths; and the page again with JavaScript switched off. The Python tests
// (tests/pipeline/test_browser.py) run it and judge the results.
//
//   node check.mjs --html FILE [--html FILE ...] [--screenshots DIR] [--chromium /usr/bin/chromium] [--no-axe]
//
// One Chromium launch per run, a fresh browser context for each look at each file. With one
// --html the report is one object; with several, an array of them in the order given (and no
// screenshots, which would share their names). The briefing's Content-Security-Policy is bypassed on purpose:
// axe has to be injected, and the script checks must prove the HTML itself carries no script,
// whatever a policy would have blocked.

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = { phone: [390, 844], laptop: [1366, 768] };
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: options } = parseArgs({
  options: {
    html: { type: 'string', multiple: true },
    screenshots: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    'no-axe': { type: 'boolean', default: false },
  },
});
if (!options.html || (options.html.length > 1 && options.screenshots)) {
  console.error(
    'usage: node check.mjs --html FILE [--html FILE ...] [--screenshots DIR] [--chromium PATH] [--no-axe]' +
      ' (screenshots of one file only)',
  );
  process.exit(2);
}
const urls = options.html.map((file) => pathToFileURL(resolve(file)).href);

// What left the page: anything but file: and data: is refused before it reaches the network,
// and recorded, so a test can name it.
async function watchedContext(browser, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const seen = { requests: [], console: [], dialogs: [], pageErrors: [], websockets: [] };
  context.on('request', (request) => seen.requests.push(request.url()));
  await context.route(
    (target) => target.protocol !== 'file:' && target.protocol !== 'data:',
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('console', (message) => seen.console.push({ type: message.type(), text: message.text() }));
  page.on('dialog', (dialog) => {
    seen.dialogs.push({ type: dialog.type(), message: dialog.message() });
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  page.on('websocket', (socket) => seen.websockets.push(socket.url()));
  page.on('popup', (popup) => seen.requests.push(`popup:${popup.url()}`));
  return { context, page, seen };
}

// Scripts Chromium compiled in the page's own world, counted through the DevTools protocol before
// this checker runs anything there: the proof that the document itself ran nothing.
async function countPageScripts(page) {
  const session = await page.context().newCDPSession(page);
  const pageWorlds = new Set();
  const parsed = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.isDefault) pageWorlds.add(context.id);
  });
  session.on('Debugger.scriptParsed', (script) => parsed.push(script));
  await session.send('Runtime.enable');
  await session.send('Debugger.enable');
  return () =>
    parsed
      .filter((script) => pageWorlds.has(script.executionContextId))
      .map((script) => ({ url: script.url, length: script.length }));
}

async function openWithJavaScript(browser, url) {
  const { context, page, seen } = await watchedContext(browser, {
    bypassCSP: true,
    viewport: { width: WIDTHS.laptop[0], height: WIDTHS.laptop[1] },
  });
  const seconds = {};
  let clock = Date.now();
  const lap = (name) => {
    seconds[name] = (Date.now() - clock) / 1000;
    clock = Date.now();
  };
  const scriptsSoFar = await countPageScripts(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200); // give a deferred handler (onload, setTimeout) its chance
  const scriptsParsed = scriptsSoFar();
  const probe = await page.evaluate(() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    title: document.title,
    scriptElements: document.querySelectorAll('script').length,
    handlerAttributes: [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name))
        .map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
    ),
    scriptUrls: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .flatMap((element) => ['href', 'src', 'action', 'formaction'].map((name) => element.getAttribute(name)))
      .filter((value) => value && /^\s*(javascript|vbscript):/i.test(value)),
  }));

  lap('load');
  const screenshots = {};
  if (options.screenshots) {
    mkdirSync(options.screenshots, { recursive: true });
    for (const [name, [width, height]] of Object.entries(WIDTHS)) {
      await page.setViewportSize({ width, height });
      const path = join(options.screenshots, `${name}-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      screenshots[name] = { path, width, ...(await layout(page, width)) };
    }
  }
  lap('screenshots');

  // Everything a reader can reach: the figures behind each chart are in closed <details>.
  const text = await page.evaluate(() => {
    document.querySelectorAll('details').forEach((details) => (details.open = true));
    return document.body.innerText;
  });

  // axe at both widths: on a phone the wide tables scroll, and a scrolling box must be reachable
  // by keyboard.
  const axe = { version: null, violations: [], incomplete: [] };
  if (!options['no-axe']) {
    await page.addScriptTag({ path: AXE });
    axe.version = await page.evaluate(() => window.axe.version);
  }
  for (const [name, [width, height]] of options['no-axe'] ? [] : Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height });
    const found = await runAxe(page);
    for (const rule of found.violations) {
      const same = axe.violations.find(
        (seen) => seen.id === rule.id && JSON.stringify(seen.nodes) === JSON.stringify(rule.nodes),
      );
      if (same) same.widths.push(name);
      else axe.violations.push({ ...rule, widths: [name] });
    }
    axe.incomplete.push(...found.incomplete.map((rule) => ({ ...rule, width: name })));
  }
  lap('axe');
  await context.close();
  return { ...seen, scriptsParsed, probe, screenshots, text, axe, seconds };
}

async function runAxe(page) {
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    const brief = (rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      helpUrl: rule.helpUrl,
      nodes: rule.nodes.map((node) => ({
        target: node.target,
        html: node.html.slice(0, 300),
        summary: node.failureSummary,
      })),
    });
    return {
      violations: result.violations.map(brief),
      incomplete: result.incomplete.map((rule) => ({
        id: rule.id,
        targets: rule.nodes.map((node) => node.target.join(' ')).slice(0, 10),
      })),
    };
  }, WCAG_TAGS);
}

// Where the page is wider than the window: the innermost elements that stick out past its right
// edge, or whose text does (a long word that cannot wrap). Those inside a scrolling box, such as
// .table-scroll, scroll on their own and are fine.
async function layout(page, width) {
  return page.evaluate((viewport) => {
    const insideScrollingBox = (element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    const sticksOut = (element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0) return false;
      const spills = getComputedStyle(element).overflowX === 'visible';
      const textOverflow = spills ? element.scrollWidth - element.clientWidth : 0;
      return box.right > viewport + 1 || (textOverflow > 1 && box.left + element.scrollWidth > viewport + 1);
    };
    const found = [...document.body.querySelectorAll('*')].filter(
      (element) => sticksOut(element) && !insideScrollingBox(element),
    );
    const innermost = found.filter((element) => !found.some((other) => other !== element && element.contains(other)));
    const describe = (element) =>
      element.localName +
      (element.id ? `#${element.id}` : '') +
      [...element.classList].map((name) => `.${name}`).join('');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      overflowing: innermost.slice(0, 20).map((element) => ({
        element: describe(element),
        right: Math.round(element.getBoundingClientRect().left + element.scrollWidth),
        text: (element.innerText || element.getAttribute('alt') || '').slice(0, 120),
      })),
    };
  }, width);
}

async function openWithoutJavaScript(browser, url) {
  const { context, page, seen } = await watchedContext(browser, { javaScriptEnabled: false });
  await page.goto(url, { waitUntil: 'load' });
  const h1 = await page.locator('h1').allInnerTexts();
  const h2 = await page.locator('h2').allInnerTexts();
  const visibleHeadings = await page.locator('h1:visible, h2:visible').count();
  const contents = await page.locator('nav').allInnerTexts();
  // In-page links (the contents, "more in ...") need no script, but their targets must exist.
  const brokenAnchors = await page
    .locator('a[href^="#"]')
    .evaluateAll((links) =>
      links
        .map((link) => link.getAttribute('href'))
        .filter((href) => href.length > 1 && !document.getElementById(decodeURIComponent(href.slice(1)))),
    );
  // On paper a link cannot be followed: the print stylesheet must write out where it goes.
  await page.emulateMedia({ media: 'print' });
  const printedLinks = await page
    .locator('a[href^="http"]')
    .evaluateAll((links) =>
      links.map((link) => ({ href: link.href, after: getComputedStyle(link, '::after').content })),
    );
  await context.close();
  return { ...seen, h1, h2, visibleHeadings, contents, brokenAnchors, printedLinks };
}

const browser = await chromium.launch({
  executablePath: options.chromium,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const reports = [];
  for (const url of urls) {
    const started = Date.now();
    const withJavaScript = await openWithJavaScript(browser, url);
    const withoutJavaScript = await openWithoutJavaScript(browser, url);
    reports.push({
      url,
      chromium: browser.version(),
      seconds: (Date.now() - started) / 1000,
      withJavaScript,
      withoutJavaScript,
    });
  }
  process.stdout.write(JSON.stringify(urls.length === 1 ? reports[0] : reports));
} finally {
  await browser.close();
}
