/* Service worker of the catalogue: precached pages and files, served from cache first.
 *
 * VERSION, PRECACHE ({group: {site-relative URL: content hash}}: "shared" for the files every
 * visitor needs, and one group per language) and FOLDERS ({language: its folder, "" at the
 * root}) are written above by the build. A first visit keeps the shared files and its own
 * language's; another language's files are kept once a page of it is opened. A new version
 * keeps the languages the previous one had. A page the list leaves out (a catalogue larger
 * than the build's limit for a language) is kept once it is opened.
 * A new version installs in the background, reusing every unchanged file from the previous
 * cache, and waits: the page tells it when to take over (never in the middle of a form; in
 * kiosk mode at the idle reset). It never reloads an open page; the previous cache is kept,
 * so a page opened under the old version still finds its files.
 */
"use strict";

const PREFIX = "cus-precache-";
const CACHE = PREFIX + VERSION;
const HASH_HEADER = "X-Cus-Hash";
const PARALLEL = 6;
const SCOPE = new URL(self.registration.scope);
const SHARED = "shared";
const PRIMARY = Object.keys(FOLDERS).find((code) => !FOLDERS[code]);
const started = new Set(); // languages this worker has begun to keep

/* The language of a page of the site: the folder its path starts with (the root: primary). */
function languageOf(url) {
  const path = url.startsWith(SCOPE.href) ? url.slice(SCOPE.href.length) : "";
  const found = Object.keys(FOLDERS).find((code) => FOLDERS[code] && path.startsWith(FOLDERS[code]));
  return found || PRIMARY;
}

function startPage(language) {
  return absolute(FOLDERS[language] || "./");
}

function absolute(path) {
  return new URL(path, SCOPE).href;
}

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/* A stored copy of url whose content hash is `hash`, from any earlier version's cache. */
async function reusable(url, hash, oldCaches) {
  for (const cache of oldCaches) {
    const response = await cache.match(url);
    if (response && response.headers.get(HASH_HEADER) === hash) {
      return response;
    }
  }
  return null;
}

/* Fetch past the HTTP cache, check the content against the list, store it with its hash. */
async function download(url, hash) {
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) {
    throw new Error("precache " + url + ": HTTP " + response.status);
  }
  const body = await response.arrayBuffer();
  const actual = (await sha256Hex(body)).slice(0, hash.length);
  const headers = new Headers(response.headers);
  // A file that changed since the build is stored under its real hash, so the next
  // version fetches it again instead of trusting it.
  headers.set(HASH_HEADER, actual);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/* Store the files of ``groups`` (reused from older caches where the hash is the same). */
async function precache(groups) {
  const cache = await caches.open(CACHE);
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  const oldCaches = await Promise.all(names.reverse().map((name) => caches.open(name)));
  const queue = groups.flatMap((group) => Object.entries(PRECACHE[group] || {}));
  async function worker() {
    while (queue.length) {
      const [path, hash] = queue.shift();
      const url = absolute(path);
      const stored = await cache.match(url);
      if (stored && stored.headers.get(HASH_HEADER) === hash) {
        continue;
      }
      const old = await reusable(url, hash, oldCaches);
      await cache.put(url, old || (await download(url, hash)));
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/* The languages to keep at install: of the open pages, and those an older version kept. */
async function wantedLanguages() {
  const wanted = new Set();
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    wanted.add(languageOf(client.url));
  }
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  for (const language of Object.keys(FOLDERS)) {
    for (const name of names) {
      if (await (await caches.open(name)).match(startPage(language))) {
        wanted.add(language);
      }
    }
  }
  if (!wanted.size) {
    wanted.add(PRIMARY);
  }
  return [...wanted];
}

/* The languages whose every file this version keeps. */
async function keptLanguages() {
  const cache = await caches.open(CACHE);
  const kept = [];
  for (const language of Object.keys(FOLDERS)) {
    const urls = Object.keys(PRECACHE[language] || {});
    const found = await Promise.all(urls.map((path) => cache.match(absolute(path))));
    if (found.every(Boolean)) {
      kept.push(language);
    }
  }
  return kept;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const languages = await wantedLanguages();
      languages.forEach((language) => started.add(language));
      await precache([SHARED, ...languages]);
    })().then(() => {
      // The very first version has no page to disturb: take over at once.
      if (!self.registration.active) {
        return self.skipWaiting();
      }
      return undefined;
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      // Keep the newest previous version for pages still open under it; drop the rest.
      await Promise.all(names.slice(0, -1).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

let takeoverAsked = false;

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "SKIP_WAITING") {
    takeoverAsked = true;
    event.waitUntil(self.skipWaiting());
  } else if (data.type === "VERSION" && event.ports[0]) {
    const files = Object.values(PRECACHE).reduce((sum, group) => sum + Object.keys(group).length, 0);
    event.waitUntil(
      keptLanguages().then((languages) =>
        event.ports[0].postMessage({ version: VERSION, files, languages, takeoverAsked }),
      ),
    );
  }
});

/* The cache key of a request: query and fragment never select a different static file. */
function keyOf(url) {
  const key = new URL(url);
  key.search = "";
  key.hash = "";
  if (key.pathname.endsWith("/index.html")) {
    key.pathname = key.pathname.slice(0, -"index.html".length);
  }
  return key.href;
}

async function fromCaches(url) {
  const key = keyOf(url);
  const own = await caches.open(CACHE);
  return (await own.match(key)) || (await caches.match(key));
}

async function handle(request, event) {
  const cached = await fromCaches(request.url);
  if (cached) {
    return cached;
  }
  try {
    const response = await fetch(request);
    if (request.mode === "navigate" && response.ok && response.type === "basic") {
      // A page the precache list left out (a large catalogue): kept once it is opened.
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(keyOf(request.url), copy)));
    }
    return response;
  } catch (error) {
    if (request.mode === "navigate") {
      const own = absolute(FOLDERS[languageOf(request.url)] + "offline/");
      const offline = (await fromCaches(own)) || (await fromCaches(absolute("offline/")));
      if (offline) {
        return offline;
      }
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.origin + "/")) {
    return;
  }
  if (!request.url.startsWith(SCOPE.href)) {
    return;
  }
  event.respondWith(handle(request, event));
  const language = languageOf(request.url);
  if (request.mode === "navigate" && !started.has(language)) {
    // A page in another language: keep that language's files too, in the background.
    started.add(language);
    event.waitUntil(precache([language]).catch(() => started.delete(language)));
  }
});
