// Test fixtures: an index built from data/corpus plus three feed articles (one markup-laden), the real
// server on a free loopback port, and headless Debian Chromium with a fresh profile.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);

export const env = {
  server: requireEnv('NEWS_SERVER_BIN'),
  indexer: requireEnv('NEWS_INDEXER_BIN'),
  out: requireEnv('NEWS_BROWSER_OUT'),
  corpus: requireEnv('NEWS_CORPUS_DIR'),
  web: requireEnv('NEWS_WEB_DIR'),
};

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run the tests through run-browser-tests.sh / ctest)`);
  return value;
}

export const XSS_ARTICLE = {
  id: 'browser-test-markup',
  title: 'Zebrafish markup <script>alert(1)</script> headline',
  // A feed's body with real tags is read as HTML (core/text/html_text.hpp) and loses them; written
  // as references, the markup reaches the article as text, which the page must show as text.
  body: 'Zebrafish paragraph with &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; as plain text.\n\n' +
    'A second zebrafish paragraph about aquariums & "quotes" that must stay text.',
  source: 'Browser Test Wire',
  authors: ['Mallory <b>Markup</b>'],
};

// A NewsAPI article as its API returns it: no id (its URL is one, with '/', '?' and '&' in it),
// the source an object.
export const NEWSAPI_ARTICLE = {
  source: { id: null, name: 'Example Newswire' },
  author: 'Nora Narwhal',
  title: 'Narwhal tusks sense the sea, researchers find',
  description: 'Short.',
  url: 'https://news.example/2024/01/narwhal-tusks?ref=rss&utm=x',
  publishedAt: '2024-01-05T09:30:00Z',
  content: 'Narwhal tusks carry millions of nerve endings that sense the water around them.',
};

// A second dated narwhal story, a year earlier: a date range can tell the two apart.
export const DATED_ARTICLE = {
  id: 'browser-test-narwhal-2023',
  title: 'Narwhal pods counted from the air over Baffin Bay',
  body: 'Survey flights over Baffin Bay counted narwhal pods along the ice edge for the first time in a decade.',
  source: 'Example Newswire',
  published: '2023-03-14',
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function buildIndex() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-browser-'));
  const feed = path.join(work, 'markup.jsonl');
  fs.writeFileSync(feed, [XSS_ARTICLE, NEWSAPI_ARTICLE, DATED_ARTICLE].map((a) => `${JSON.stringify(a)}\n`).join(''));
  const db = path.join(work, 'index');
  await run(env.indexer, ['index', '--quiet', '--db', db, env.corpus, feed], { timeout: 120_000 });
  return { work, db };
}

async function waitReady(base, child, deadlineMs) {
  const until = Date.now() + deadlineMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with status ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return;
      last = `readyz ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready after ${deadlineMs} ms (${last})`);
}

export async function startServer(db) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const log = fs.openSync(path.join(env.out, 'server.log'), 'a');
    const child = spawn(env.server, ['--index', db, '--port', String(port), '--bind', '127.0.0.1', '--web', env.web,
      '--rate-limit', '0'], { stdio: ['ignore', log, log] });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitReady(base, child, 20_000);
      return { base, stop: () => stopProcess(child) };
    } catch (err) {
      await stopProcess(child);
      if (attempt === 2) throw new Error(`${err.message}; see ${path.join(env.out, 'server.log')}`);
    }
  }
  throw new Error('unreachable');
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name) {
  const dir = path.join(env.out, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
