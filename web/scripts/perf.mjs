// Measures the built app in Debian's Chromium against a throwaway server:
// time to interactive on localhost, and scrolling a 10,000-message
// conversation. Prints the figures; asserts nothing.
//
//   node scripts/perf.mjs [--messages 10000]
import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");
const VENV = join(ROOT, ".venv", "bin");
const RUNS = 5;
const MAX_SCROLL_MS = 120_000;
const messages =
  Number(process.argv[process.argv.indexOf("--messages") + 1]) || 10_000;
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForServer(url, deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${url}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))
  ];
}

// Runs in the page before its own scripts: notes the moment the chat is
// usable (messages shown, composer present) without polling from outside.
function watchReady() {
  const check = () => {
    if (window.__chatReady) return;
    const row = document.querySelector('[data-testid="message-scroller"] li');
    const composer = document.querySelector('textarea[aria-label="Message"]');
    if (row && composer) window.__chatReady = performance.now();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
  });
}

async function loadOnce(context, url) {
  const page = await context.newPage();
  await page.addInitScript(watchReady);
  await page.goto(url);
  await page.waitForFunction(() => window.__chatReady);
  await page.waitForSelector('[data-status="live"]');
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const api = performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.includes("/api/"));
    return {
      fcp: fcp?.startTime ?? NaN,
      domContentLoaded: nav.domContentLoadedEventEnd,
      firstApiCall: Math.min(...api.map((entry) => entry.startTime)),
      ready: window.__chatReady,
    };
  });
  await page.close();
  return timing;
}

async function measureLoad(browser, baseURL, token, conversationId) {
  const url = `${baseURL}/?c=${conversationId}`;
  const cold = [];
  const warm = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    await context.addCookies([
      { name: "notetaker_session", value: token, url: baseURL },
    ]);
    cold.push(await loadOnce(context, url));
    warm.push(await loadOnce(context, url));
    await context.close();
  }
  return { cold, warm };
}

/** Scrolls up until every older page is loaded, then down through all of it,
 * recording each frame's duration. */
async function measureScroll(browser, baseURL, token, conversationId) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 800 },
  });
  await context.addCookies([
    { name: "notetaker_session", value: token, url: baseURL },
  ]);
  const page = await context.newPage();
  await page.goto(`${baseURL}/?c=${conversationId}`);
  await page.waitForSelector('[data-testid="message-scroller"] li');
  const result = await page.evaluate(
    async ({ total, maxMs }) => {
      const scroller = document.querySelector(
        '[data-testid="message-scroller"]',
      );
      const list = scroller.querySelector("ol");
      const frames = (step, done) =>
        new Promise((resolve) => {
          const durations = [];
          let last = performance.now();
          const started = last;
          const tick = (now) => {
            durations.push(now - last);
            last = now;
            step();
            if (done() || now - started > maxMs)
              resolve({ durations, ms: now - started });
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
      const up = await frames(
        () => (scroller.scrollTop -= 2000),
        () => Number(list.dataset.count) >= total && scroller.scrollTop === 0,
      );
      const down = await frames(
        () => (scroller.scrollTop += 600),
        () =>
          scroller.scrollTop + scroller.clientHeight >=
          scroller.scrollHeight - 1,
      );
      return {
        loaded: Number(list.dataset.count),
        up,
        down,
        renderedRows: list.querySelectorAll("li").length,
      };
    },
    { total: messages, maxMs: MAX_SCROLL_MS },
  );
  await context.close();
  return result;
}

function frameStats({ durations, ms }) {
  const frames = durations.slice(1);
  return {
    seconds: (ms / 1000).toFixed(1),
    frames: frames.length,
    fps: (frames.length / (ms / 1000)).toFixed(0),
    p50: median(frames).toFixed(1),
    p95: percentile(frames, 95).toFixed(1),
    max: Math.max(...frames).toFixed(1),
    over50: frames.filter((d) => d > 50).length,
  };
}

const dir = mkdtempSync(join(tmpdir(), "notetaker-perf-"));
const env = {
  ...process.env,
  NOTETAKER_DATABASE_URL: `sqlite+aiosqlite:///${join(dir, "perf.db")}`,
  NOTETAKER_LOG_LEVEL: "WARNING",
};
const seeded = JSON.parse(
  execFileSync(
    join(VENV, "python"),
    [
      join(ROOT, "scripts", "seed_conversation.py"),
      "--messages",
      String(messages),
    ],
    { env },
  ).toString(),
);
const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const server = spawn(
  join(VENV, "notetaker"),
  ["serve", "--host", "127.0.0.1", "--port", String(port)],
  {
    env,
    stdio: "inherit",
  },
);
let browser;
try {
  await waitForServer(`${baseURL}/api/health/ready`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const load = await measureLoad(
    browser,
    baseURL,
    seeded.token,
    seeded.conversation_id,
  );
  const scroll = await measureScroll(
    browser,
    baseURL,
    seeded.token,
    seeded.conversation_id,
  );

  const row = (name, runs) =>
    console.log(
      `${name.padEnd(6)} FCP ${median(runs.map((r) => r.fcp)).toFixed(0)} ms · DOMContentLoaded ${median(runs.map((r) => r.domContentLoaded)).toFixed(0)} ms · first API call ${median(runs.map((r) => r.firstApiCall)).toFixed(0)} ms · interactive (messages + composer) ${median(runs.map((r) => r.ready)).toFixed(0)} ms`,
    );
  console.log(
    `\nTime to interactive, chat page, localhost (median of ${RUNS})`,
  );
  row("cold", load.cold);
  row("warm", load.warm);
  console.log(
    `\nScrolling a ${messages}-message conversation (loaded ${scroll.loaded}; ${scroll.renderedRows} rows in the DOM at the end)`,
  );
  for (const [name, stats] of [
    ["up, paging older in", frameStats(scroll.up)],
    ["down, all loaded", frameStats(scroll.down)],
  ])
    console.log(
      `${name.padEnd(20)} ${stats.seconds} s · ${stats.frames} frames · ${stats.fps} fps · frame p50 ${stats.p50} ms · p95 ${stats.p95} ms · max ${stats.max} ms · frames > 50 ms: ${stats.over50}`,
    );
  mkdirSync(join(ROOT, "artifacts"), { recursive: true });
  writeFileSync(
    join(ROOT, "artifacts", "perf.json"),
    JSON.stringify(
      {
        messages,
        load,
        scroll: {
          loaded: scroll.loaded,
          renderedRows: scroll.renderedRows,
          up: frameStats(scroll.up),
          down: frameStats(scroll.down),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
