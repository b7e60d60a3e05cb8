// The dashboard: reads the tracker's JSON API for the charts (charts.js) and the developments
// list, follows `/v1/feed/live`, and re-queries everything when the as-of date changes. Where the
// tracker requires an API key, it asks for one and sends it with every call.
import { el, escalationChart, exportControlsChart, fillTable, resizeCharts, signed } from './charts.js';

const $ = (id) => document.getElementById(id);
const FEED_SIZE = 20;
/** The tracker's kinds of record (`GET /v1/record-kinds`), each with its label and a hue of its own. */
const kinds = new Map();
const state = { asOf: '', live: undefined, newest: undefined };
/** Where the API key given in this tab is kept: never in the page's URL or in local storage. */
const KEY_STORAGE = 'tracker.apiKey';
const latest = {};

/** Headers of every call to the API: the key this tab was given, if any. */
function headers(accept) {
  const key = sessionStorage.getItem(KEY_STORAGE);
  return key ? { accept, authorization: `Bearer ${key}` } : { accept };
}

/** Shows the key form when the tracker refused us (401: no valid key; 403: a key that may not read). */
function askForKeyIf(response) {
  if (response.status !== 401 && response.status !== 403) return false;
  $('key-help').textContent =
    response.status === 401
      ? 'This tracker needs an API key with read access. It is kept for this tab only.'
      : 'This key may not read the tracker: use one with read access.';
  $('key-form').hidden = false;
  return true;
}

async function getJson(path, params = {}) {
  // The chosen day's end, in UTC: the answer as the tracker knew it then.
  const asOf = state.asOf ? `${state.asOf}T23:59:59.999Z` : '';
  const query = new URLSearchParams(Object.entries({ ...params, asOf }).filter(([, v]) => v !== ''));
  const response = await fetch(`${path}?${query}`, { headers: headers('application/json') });
  askForKeyIf(response);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `${response.status} ${response.statusText}`);
  return { body, query: query.toString() };
}

/** Runs a section's load and marks its state; an answer overtaken by a newer load is dropped. */
async function section(id, load) {
  const node = $(id);
  const token = (latest[id] = (latest[id] ?? 0) + 1);
  const stale = () => latest[id] !== token;
  node.dataset.state = 'loading';
  try {
    const query = await load(stale);
    if (stale()) return;
    node.dataset.query = query;
    node.dataset.state = 'ready';
  } catch (error) {
    if (stale()) return;
    node.dataset.state = 'error';
    node.querySelector('.summary').textContent = `Could not load: ${error.message}`;
  }
}

const chosenText = (select) =>
  select.value ? select.selectedOptions[0].text : select.selectedOptions[0].text.toLowerCase();

function loadExportControls() {
  return section('export-controls', async (stale) => {
    const params = { list: $('ec-list').value, country: $('ec-country').value };
    const { body, query } = await getJson('/v1/timelines/export-controls', params);
    if (stale()) return;
    const { days } = body;
    const scope = `${chosenText($('ec-country'))}, ${chosenText($('ec-list'))}`.replace(/^./, (c) => c.toUpperCase());
    const last = days.at(-1);
    const summary = last
      ? `${scope}: ${last.cumulative} listed by name and ${last.announcedCumulative} announced by count, as of ${last.date}.`
      : `${scope}: no listings recorded.`;
    $('ec-summary').textContent = summary;
    $('ec-chart').setAttribute('aria-label', `Step chart of cumulative listings. ${summary} Values in the data table.`);
    fillTable(
      $('ec-table'),
      days.map((d) => ({
        attrs: { 'data-date': d.date },
        cells: [
          ['date', d.date],
          ['added', d.added],
          ['removed', d.removed],
          ['cumulative', d.cumulative],
          ['announced', d.announced],
          ['announcedCumulative', d.announcedCumulative],
        ],
      })),
    );
    exportControlsChart($('ec-chart'), days);
    return query;
  });
}

async function loadAnchors() {
  const select = $('esc-anchor');
  const { body } = await getJson('/v1/anchors', { limit: 200 });
  const wanted = select.value || 'taiwan-inauguration-2024';
  select.replaceChildren(...body.items.map((a) => el('option', { value: a.name }, `${a.title} (${a.date})`)));
  if (body.items.length === 0) select.append(el('option', { value: '' }, 'No key dates recorded'));
  select.value = body.items.some((a) => a.name === wanted) ? wanted : (body.items[0]?.name ?? '');
}

function loadEscalation() {
  return section('escalation', async (stale) => {
    const anchor = $('esc-anchor').value;
    if (!anchor) throw new Error('no key date recorded yet.');
    const days = (input) => String(Math.min(365, Math.max(0, Math.trunc(Number(input.value) || 0))));
    const params = { anchor, before: days($('esc-before')), after: days($('esc-after')) };
    const { body, query } = await getJson('/v1/timelines/escalation', params);
    if (stale()) return;
    const rows = body.days.map((d) => ({ ...d, vessels: d.navyVessels + d.coastGuardVessels }));
    const peak = rows.reduce((a, b) => (b.escalationIndex > a.escalationIndex ? b : a), rows[0]);
    const title = `${body.anchor.title}, ${body.anchor.date}`;
    const summary =
      peak && peak.escalationIndex > 0
        ? `${title}: highest escalation index ${peak.escalationIndex} on ${peak.date} (day ${signed(peak.offset)}), with ${peak.aircraft} aircraft and ${peak.vessels} vessels.`
        : `${title}: no activity recorded in this window.`;
    $('esc-summary').textContent = summary;
    $('esc-chart').setAttribute(
      'aria-label',
      `Bars of aircraft and vessels per day, escalation index as a line. ${summary} Values in the data table.`,
    );
    fillTable(
      $('esc-table'),
      rows.map((d) => ({
        attrs: { 'data-offset': String(d.offset), 'data-date': d.date },
        cells: [
          ['offset', signed(d.offset)],
          ['date', d.date],
          ['aircraft', d.aircraft],
          ['vessels', d.vessels],
          ['escalationIndex', d.escalationIndex],
        ],
      })),
    );
    escalationChart($('esc-chart'), rows);
    return query;
  });
}

/** A kind's badge, tinted with its hue (set through the CSSOM: the page's CSP allows no inline style attribute). */
function kindBadge(kind) {
  const badge = el('span', { class: 'kind' }, kinds.get(kind)?.label ?? kind);
  badge.style.setProperty('--kind-hue', String(kinds.get(kind)?.hue ?? 0));
  return badge;
}

function feedEntry(item) {
  const url = /^https?:\/\//.test(item.source?.url ?? '') ? item.source.url : undefined;
  const headline = url ? el('a', { href: url, rel: 'noopener noreferrer' }, item.headline) : item.headline;
  const when = item.occurredAt ? el('time', { datetime: item.occurredAt }, item.occurredAt.slice(0, 10)) : 'undated';
  return el(
    'li',
    { 'data-position': item.position, 'data-record-id': item.recordId, 'data-kind': item.kind },
    kindBadge(item.kind),
    el('p', { class: 'headline' }, headline),
    el('p', { class: 'meta muted small' }, when, item.source?.publisher ? ` · ${item.source.publisher}` : ''),
  );
}

function loadFeed() {
  return section('feed', async (stale) => {
    const { body, query } = await getJson('/v1/feed', { limit: FEED_SIZE });
    if (stale()) return;
    $('feed-list').replaceChildren(...body.items.map(feedEntry));
    if (body.items.length === 0) $('feed-list').append(el('li', { class: 'muted' }, 'Nothing recorded yet.'));
    $('feed').querySelector('.summary').textContent = state.asOf
      ? `Newest first, as recorded by the end of ${state.asOf}.`
      : 'Newest first; new developments appear as they are recorded.';
    state.newest = body.items[0]?.position;
    return query;
  });
}

let refreshTimer;
/** Charts follow the feed: a new listing, rule or signal redraws the chart it belongs to. */
function refreshFor(kind) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    if (kind === 'sanctioned-entity' || kind === 'policy-action') void loadExportControls();
    if (kind === 'escalation-signal') void loadEscalation();
    if (kind === 'anchor') void loadAnchors().then(loadEscalation);
  }, 300);
}

function showDevelopment(item) {
  const list = $('feed-list');
  list.querySelector('li:not([data-position])')?.remove();
  list.prepend(feedEntry(item));
  while (list.children.length > FEED_SIZE) list.lastElementChild.remove();
  $('feed-announcer').textContent = `New development: ${item.headline}`;
  refreshFor(item.kind);
}

function followLive() {
  state.live?.abort();
  state.live = undefined;
  const status = $('live-status');
  if (state.asOf) {
    status.textContent = 'Paused: past view';
    status.dataset.live = 'paused';
    return;
  }
  state.live = new AbortController();
  // Resume right after the newest item listed, so nothing recorded in between is missed.
  void stream(state.live.signal, state.newest);
}

/** One Server-Sent Events message (`id`, `event`, `data`), or undefined for a comment such as a heartbeat. */
function parseMessage(block) {
  const message = {};
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    message[field] = field === 'data' && message.data !== undefined ? `${message.data}\n${value}` : value;
  }
  return Object.keys(message).length > 0 ? message : undefined;
}

/**
 * Follows `/v1/feed/live` through fetch rather than EventSource, which cannot send the API key;
 * after a drop it reconnects from the last development it showed, as EventSource would.
 */
async function stream(signal, lastId) {
  const status = $('live-status');
  const show = (text, live) => ((status.textContent = text), (status.dataset.live = live));
  while (!signal.aborted) {
    try {
      const after = lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : '';
      const response = await fetch(`/v1/feed/live${after}`, { headers: headers('text/event-stream'), signal });
      if (askForKeyIf(response)) return show('Offline', 'off');
      if (!response.ok || !response.body) throw new Error(`live feed answered ${response.status}`);
      show('Live', 'on');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer = (buffer + chunk.value).replace(/\r\n?/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = parseMessage(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (message?.id) lastId = message.id;
          if (message?.event === 'development') showDevelopment(JSON.parse(message.data));
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    show('Reconnecting…', 'off');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** The kinds' labels, and hues spread evenly around the colour wheel in the manifest's order. */
async function loadKinds() {
  if (kinds.size > 0) return;
  const { body } = await getJson('/v1/record-kinds');
  body.items.forEach(({ kind, label }, i) =>
    kinds.set(kind, { label, hue: Math.round((210 + (i * 360) / body.items.length) % 360) }),
  );
}

async function loadAll() {
  await loadKinds().catch(() => undefined);
  const escalation = loadAnchors().then(loadEscalation, loadEscalation);
  await Promise.all([loadExportControls(), escalation, loadFeed()]);
  followLive();
}

function init() {
  $('as-of').max = new Date().toISOString().slice(0, 10);
  $('as-of').addEventListener('change', (event) => {
    state.asOf = event.target.value;
    void loadAll();
  });
  $('as-of-now').addEventListener('click', () => {
    $('as-of').value = state.asOf = '';
    void loadAll();
  });
  $('key-form').addEventListener('submit', () => {
    sessionStorage.setItem(KEY_STORAGE, $('api-key').value.trim());
    $('api-key').value = '';
    $('key-form').hidden = true;
    void loadAll();
  });
  $('ec-form').addEventListener('change', () => void loadExportControls());
  $('esc-form').addEventListener('change', () => void loadEscalation());
  for (const form of document.querySelectorAll('form')) form.addEventListener('submit', (e) => e.preventDefault());
  new ResizeObserver(resizeCharts).observe($('main'));
  void loadAll();
}

init();
