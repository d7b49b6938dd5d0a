import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Workers load this file again; the environment carries the first choice of
// port and database to them.
function freePort(): string {
  const script =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}

process.env.E2E_PORT ??= freePort();
process.env.E2E_DB_DIR ??= mkdtempSync(join(tmpdir(), "notetaker-e2e-"));
// The one account that may open the operator pages (see e2e/performance.spec.ts).
process.env.E2E_OPERATOR_EMAIL ??= "operator@example.com";

const port = process.env.E2E_PORT;
const root = resolve(import.meta.dirname, "..");
const baseURL = `http://127.0.0.1:${port}`;

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  outputDir: join(root, "artifacts", "playwright"),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL,
    timezoneId: "Europe/Lisbon",
    locale: "en-US",
    viewport: { width: 1366, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `${join(root, ".venv", "bin", "notetaker")} serve --host 127.0.0.1 --port ${port}`,
    cwd: root,
    url: `${baseURL}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NOTETAKER_DATABASE_URL: `sqlite+aiosqlite:///${join(process.env.E2E_DB_DIR, "e2e.db")}`,
      NOTETAKER_LOG_LEVEL: "WARNING",
      NOTETAKER_ADMIN_EMAILS: JSON.stringify([process.env.E2E_OPERATOR_EMAIL]),
    },
  },
});
