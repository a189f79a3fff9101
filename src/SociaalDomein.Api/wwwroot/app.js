// SociaalDomein dashboard: plain JavaScript, no build step, no third-party code. Every figure comes from the API,
// called with the API key the user signs in with (kept in sessionStorage, so it is gone when the tab closes).
'use strict';

const KEY_STORAGE = 'sd-api-key';
const SVG = 'http://www.w3.org/2000/svg';
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const percent = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const LIGHT_TEXT = { green: 'on track', amber: 'watch', red: 'over ceiling', none: 'no ceiling' };
const PAGES_BY_ROLE = {
  contractmanager: ['overview', 'provider', 'alerts', 'daily'],
  datateam: ['overview', 'provider', 'alerts', 'daily', 'traffic'],
  backoffice: ['traffic'],
  admin: [],
};

let caller = null;

const $ = (selector) => document.querySelector(selector);

/** Creates an element: h('td', { class: 'num', dataset: { cents: 5 } }, 'text', childNode). */
function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const money = (cents) => (cents === null || cents === undefined ? '—' : euro.format(cents / 100));
const pct = (value) => (value === null || value === undefined ? '—' : `${percent.format(value)} %`);
const light = (status) => h('span', { class: `light ${status}`, dataset: { status } }, LIGHT_TEXT[status] ?? status);
const moneyCell = (cents) => h('td', { class: 'num', dataset: { cents: cents ?? '' } }, money(cents));

function showError(message) {
  const error = $('#error');
  error.textContent = message;
  error.hidden = !message;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path, options = {}) {
  const response = await fetch(`../${path.replace(/^\//, '')}`, {
    ...options,
    headers: { 'X-Api-Key': sessionStorage.getItem(KEY_STORAGE) ?? '', Accept: 'application/json', ...(options.headers ?? {}) },
  });
  if (!response.ok) {
    const problem = (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : null;
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

/** Reads every page of a list by following its next links (bounded: these lists are small). */
async function all(path) {
  const items = [];
  let next = path;
  for (let page = 0; next && page < 50; page++) {
    const result = await api(next);
    items.push(...result.items);
    next = result.next;
  }
  return items;
}

function route() {
  const [path] = location.hash.replace(/^#\/?/, '').split('?');
  const [page = 'overview', ...args] = path.split('/');
  return { page: page || 'overview', args };
}

function year() {
  return Number($('#year').value) || new Date().getFullYear();
}

// ---- Views ------------------------------------------------------------------------------------------------------

async function overview(view) {
  const [municipalities, contracts] = await Promise.all([
    all(`/api/municipalities?year=${year()}&limit=1000`),
    all(`/api/contracts?year=${year()}&limit=1000`),
  ]);
  view.append(
    h('h2', {}, `Region ${year()}: spend against ceilings per municipality`),
    table(['Municipality', '#Declared', '#Under a ceiling', '#Ceilings', '#Use', 'Status', '#Contracts', '#Amber', '#Red'],
      municipalities.map((m) => h('tr', { dataset: { municipality: m.municipalityCode } },
        h('td', {}, m.municipalityCode),
        moneyCell(m.declaredCents),
        moneyCell(m.declaredUnderCeilingCents),
        moneyCell(m.ceilingCents),
        h('td', { class: 'num use' }, pct(m.ceilingUsePercent)),
        h('td', {}, light(m.status)),
        h('td', { class: 'num' }, m.contracts),
        h('td', { class: 'num' }, m.contractsAmber),
        h('td', { class: 'num' }, m.contractsRed))),
      { id: 'municipalities', empty: 'No declarations or ceilings for this year.' }),
    h('h2', {}, 'Contracts'),
    contractTable(contracts, 'contracts'));
}

function contractTable(contracts, id) {
  return table(['Municipality', 'Provider', '#Declared', '#Ceiling', '#Use', 'Status', '#Year-end forecast', '#Lines', 'Last declaration'],
    contracts.map((c) => h('tr', { dataset: { contract: `${c.municipalityCode}:${c.providerAgb}` } },
      h('td', {}, c.municipalityCode),
      h('td', {}, h('a', { class: 'provider-link', href: `#/provider/${c.providerAgb}` }, c.providerAgb)),
      moneyCell(c.declaredCents),
      moneyCell(c.ceilingCents),
      h('td', { class: 'num use' }, pct(c.ceilingUsePercent)),
      h('td', {}, light(c.status)),
      forecastCell(c.forecast),
      h('td', { class: 'num' }, c.lineCount),
      h('td', {}, c.lastDagtekening ?? '—'))),
    { id, empty: 'No contracts.' });
}

async function provider(view, [agb]) {
  const contracts = await all(`/api/contracts?year=${year()}&limit=1000`);
  const providers = [...new Set(contracts.map((c) => c.providerAgb))].sort();
  const chosen = agb || providers[0];
  const select = h('select', { id: 'provider-select', on: { change: (e) => { location.hash = `#/provider/${e.target.value}`; } } },
    providers.map((p) => h('option', { value: p, selected: p === chosen }, p)));
  view.append(h('div', { class: 'toolbar' }, h('label', {}, 'Provider (AGB) ', select)));
  if (!chosen) {
    view.append(h('p', { class: 'hint' }, 'No providers with declarations or ceilings in this year.'));
    return;
  }
  const use = await api(`/api/providers/${chosen}/ceiling-use?year=${year()}`);
  view.append(
    h('h2', {}, `Provider ${use.providerAgb}: ceiling use over ${use.year}`),
    h('div', { class: 'cards', id: 'provider-cards' },
      card('Declared', money(use.declaredCents), { cents: use.declaredCents, field: 'declared' }),
      card('Ceilings', money(use.ceilingCents), { cents: use.ceilingCents ?? '', field: 'ceiling' }),
      card('Use', pct(use.ceilingUsePercent), { field: 'use' }),
      card('Status', light(use.status), { field: 'status' }),
      use.forecast
        ? card(use.forecast.aboveCeiling ? 'Year-end forecast (above the ceilings)' : 'Year-end forecast', money(use.forecast.projectedCents),
          { cents: use.forecast.projectedCents, field: 'forecast', aboveCeiling: use.forecast.aboveCeiling })
        : card('Year-end forecast', '—', { cents: '', field: 'forecast' })),
    ceilingChart(use),
    h('h2', {}, 'Contracts of this provider'),
    contractTable(use.contracts, 'provider-contracts'));
}

/** The contract grain's projection for the year; marked when it lies above the ceiling. */
function forecastCell(forecast) {
  if (!forecast) return h('td', { class: 'num forecast', dataset: { cents: '' } }, '—');
  return h('td', { class: `num forecast${forecast.aboveCeiling ? ' above' : ''}`, title: `method: ${forecast.method}`,
    dataset: { cents: forecast.projectedCents, aboveCeiling: forecast.aboveCeiling } }, money(forecast.projectedCents));
}

function card(label, value, dataset) {
  return h('div', { class: 'card', dataset }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
}

/**
 * The running total over the budget year as a step line, with the ceiling, the first alert threshold and the forecast:
 * a dashed line from today's total to the year end, rising by what the contracts with a ceiling are projected to add.
 */
function ceilingChart(use) {
  const width = 960, height = 320, left = 90, right = 20, top = 16, bottom = 34;
  const start = Date.UTC(use.year, 0, 1);
  const lastPoint = use.points.length ? Date.parse(use.points[use.points.length - 1].date) : start;
  const end = Math.max(Date.UTC(use.year, 11, 31), lastPoint);
  const total = use.points.length ? use.points[use.points.length - 1].cumulativeCents : 0;
  const forecastEnd = use.forecast ? total + use.forecast.projectedCents - use.forecast.declaredCents : null;
  const peak = Math.max(use.ceilingCents ?? 0, ...use.points.map((p) => p.cumulativeCents), forecastEnd ?? 0, 1);
  const x = (time) => left + ((time - start) / (end - start)) * (width - left - right);
  const y = (cents) => top + (1 - Math.max(cents, 0) / (peak * 1.1)) * (height - top - bottom);
  const svg = h('svg:svg', { class: 'chart', id: 'ceiling-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Running total of provider ${use.providerAgb} in ${use.year}` });

  for (let i = 0; i <= 4; i++) {
    const cents = (peak * 1.1 * i) / 4;
    svg.append(h('svg:line', { class: 'grid', x1: left, x2: width - right, y1: y(cents), y2: y(cents) }),
      h('svg:text', { class: 'tick', x: left - 6, y: y(cents) + 4, 'text-anchor': 'end' }, money(Math.round(cents))));
  }
  for (let month = 0; month < 12; month++) {
    const time = Date.UTC(use.year, month, 1);
    svg.append(h('svg:text', { class: 'tick', x: x(time) + 2, y: height - bottom + 16 },
      new Date(time).toLocaleString('nl-NL', { month: 'short', timeZone: 'UTC' })));
  }
  svg.append(h('svg:line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }),
    h('svg:line', { class: 'axis', x1: left, x2: left, y1: top, y2: height - bottom }));

  if (use.ceilingCents !== null) {
    svg.append(h('svg:line', { class: 'ceiling', x1: left, x2: width - right, y1: y(use.ceilingCents), y2: y(use.ceilingCents) }),
      h('svg:text', { class: 'label', x: width - right - 4, y: y(use.ceilingCents) - 5, 'text-anchor': 'end' }, `ceiling ${money(use.ceilingCents)}`),
      h('svg:line', { class: 'threshold', x1: left, x2: width - right, y1: y(use.ceilingCents * 0.75), y2: y(use.ceilingCents * 0.75) }));
  }
  let d = `M ${x(start)} ${y(0)}`;
  let previous = 0;
  for (const point of use.points) {
    const px = x(Date.parse(point.date));
    d += ` L ${px} ${y(previous)} L ${px} ${y(point.cumulativeCents)}`;
    previous = point.cumulativeCents;
  }
  const today = Math.min(Math.max(Date.now(), lastPoint), end);
  d += ` L ${x(today)} ${y(previous)}`;
  svg.append(h('svg:path', { class: 'cumulative', d, dataset: { lastCents: previous } }));
  if (use.forecast) {
    const f = use.forecast;
    svg.append(h('svg:path', { class: `forecast${f.aboveCeiling ? ' above' : ''}`, d: `M ${x(today)} ${y(previous)} L ${x(end)} ${y(forecastEnd)}`,
      dataset: { projectedCents: f.projectedCents, endCents: forecastEnd } },
    h('svg:title', {}, `Year-end forecast ${money(f.projectedCents)} against ceilings of ${money(f.ceilingCents)}`)));
    // Named in a legend at the top left, which the running total (starting at 0 in January) leaves free; a label at
    // the line's end would cross the line or the ceiling's label.
    svg.append(h('svg:line', { class: `forecast${f.aboveCeiling ? ' above' : ''}`, x1: left + 10, x2: left + 40, y1: top + 10, y2: top + 10 }),
      h('svg:text', { class: 'label forecast-label', x: left + 46, y: top + 14 },
        `forecast ${money(f.projectedCents)} at the year end${f.aboveCeiling ? ', above the ceilings' : ''}`));
  }
  return svg;
}

async function alerts(view) {
  const status = new URLSearchParams(location.hash.split('?')[1] ?? '').get('status') ?? 'open';
  const filter = h('select', { id: 'alert-status', on: { change: (e) => { location.hash = `#/alerts?status=${e.target.value}`; } } },
    ['open', 'resolved', 'all'].map((s) => h('option', { value: s, selected: s === status }, s)));
  view.append(h('div', { class: 'toolbar' }, h('label', {}, 'Show ', filter)));
  const query = status === 'all' ? '' : `&status=${status}`;
  const items = await all(`/api/alerts?year=${year()}&limit=500${query}`);
  const mayAcknowledge = caller?.role === 'contractmanager';
  view.append(
    h('h2', {}, `Alerts ${year()} (${items.length})`),
    table(['Raised', 'Severity', 'Contract', '#Threshold', '#Declared / ceiling', 'Description', 'Status'],
      items.map((a) => alertRow(a, mayAcknowledge)), { id: 'alerts', empty: 'No alerts.' }));
}

function alertRow(alert, mayAcknowledge) {
  const statusCell = h('td', { class: 'alert-status' });
  if (alert.resolved) {
    statusCell.append(h('div', {}, `resolved by ${alert.acknowledgedBy} on ${new Date(alert.acknowledgedAt).toLocaleString('nl-NL')}`),
      h('div', { class: 'hint note' }, alert.acknowledgementNote));
  } else if (mayAcknowledge) {
    const note = h('input', { class: 'note', placeholder: 'Note (what was done)', 'aria-label': `Note for ${alert.id}` });
    const form = h('form', { class: 'ack-form' }, note, h('button', { type: 'submit' }, 'Acknowledge'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const updated = await api(`/api/alerts/${encodeURIComponent(alert.id)}/acknowledgement`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note: note.value }),
        });
        showError('');
        form.closest('tr').replaceWith(alertRow(updated, mayAcknowledge));
      } catch (error) {
        showError(error.message);
      }
    });
    statusCell.append(form);
  } else {
    statusCell.append('open');
  }
  return h('tr', { dataset: { alertId: alert.id, resolved: alert.resolved } },
    h('td', {}, new Date(alert.raisedAt).toLocaleString('nl-NL')),
    h('td', { class: `severity-${alert.severity}` }, alert.severity),
    h('td', {}, `${alert.municipalityCode} × `, h('a', { class: 'provider-link', href: `#/provider/${alert.providerAgb}` }, alert.providerAgb),
      alert.productCategorie ? ` (cat. ${alert.productCategorie})` : ''),
    h('td', { class: 'num' }, alert.thresholdPercent === null ? '—' : `${alert.thresholdPercent} %`),
    h('td', { class: 'num', dataset: { cents: alert.declaredCents } }, `${money(alert.declaredCents)} / ${money(alert.ceilingCents)}`),
    h('td', {}, alert.description),
    statusCell);
}

async function daily(view) {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const from = params.get('from') ?? `${year()}-01-01`;
  const to = params.get('to') ?? `${year()}-12-31`;
  const fromInput = h('input', { type: 'date', id: 'daily-from', value: from });
  const toInput = h('input', { type: 'date', id: 'daily-to', value: to });
  const form = h('form', { class: 'toolbar' }, h('label', {}, 'From ', fromInput), h('label', {}, 'to ', toInput), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/daily?from=${fromInput.value}&to=${toInput.value}`;
  });
  view.append(form);
  const days = await all(`/api/daily-costs/per-day?from=${from}&to=${to}&limit=1000`);
  const total = days.reduce((sum, d) => sum + d.amountCents, 0);
  view.append(
    h('h2', {}, `Declared per day (Dagtekening), ${from} – ${to}`),
    h('div', { class: 'cards' }, card('Total', money(total), { cents: total, field: 'daily-total' }),
      card('Days with declarations', days.length, { field: 'daily-days' })),
    dailyChart(days, from, to),
    h('p', {}, h('button', { type: 'button', id: 'csv-download', on: { click: () => downloadCsv(from, to) } }, 'Download daily costs as CSV')),
    table(['Day', '#Declared', '#Lines'], days.map((d) => h('tr', { dataset: { day: d.date } },
      h('td', {}, d.date), moneyCell(d.amountCents), h('td', { class: 'num' }, d.lineCount))), { id: 'daily', empty: 'No declarations in this period.' }));
}

/** The CSV needs the API key header, which a plain link cannot send: fetch it and hand the browser a blob. */
async function downloadCsv(from, to) {
  try {
    const response = await fetch(`../api/daily-costs?format=csv&from=${from}&to=${to}`, {
      headers: { 'X-Api-Key': sessionStorage.getItem(KEY_STORAGE) ?? '', Accept: 'text/csv' },
    });
    if (!response.ok) throw new Error(`CSV export failed: HTTP ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `daily-costs-${from}-${to}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  } catch (error) {
    showError(error.message);
  }
}

function dailyChart(days, from, to) {
  const width = 960, height = 260, left = 90, right = 20, top = 12, bottom = 30;
  const start = Date.parse(from), end = Date.parse(to) + 86_400_000;
  const max = Math.max(...days.map((d) => Math.abs(d.amountCents)), 1);
  const x = (time) => left + ((time - start) / (end - start)) * (width - left - right);
  const y = (cents) => top + (1 - cents / (max * 1.1)) * (height - top - bottom);
  const barWidth = Math.max(2, (width - left - right) / ((end - start) / 86_400_000) - 1);
  const svg = h('svg:svg', { class: 'chart', id: 'daily-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Declared per day' });
  for (let i = 0; i <= 4; i++) {
    const cents = (max * 1.1 * i) / 4;
    svg.append(h('svg:line', { class: 'grid', x1: left, x2: width - right, y1: y(cents), y2: y(cents) }),
      h('svg:text', { class: 'tick', x: left - 6, y: y(cents) + 4, 'text-anchor': 'end' }, money(Math.round(cents))));
  }
  for (const d of days) {
    const cents = Math.abs(d.amountCents);
    svg.append(h('svg:rect', { class: d.amountCents < 0 ? 'bar negative' : 'bar', x: x(Date.parse(d.date)), y: y(cents), width: barWidth,
      height: y(0) - y(cents), dataset: { day: d.date, cents: d.amountCents } }, h('svg:title', {}, `${d.date}: ${money(d.amountCents)}`)));
  }
  svg.append(h('svg:line', { class: 'axis', x1: left, x2: width - right, y1: y(0), y2: y(0) }),
    h('svg:text', { class: 'tick', x: left, y: height - 8 }, from), h('svg:text', { class: 'tick', x: width - right, y: height - 8, 'text-anchor': 'end' }, to));
  return svg;
}

async function traffic(view) {
  const [summary, rules, providers] = await Promise.all([
    api('/api/traffic/summary'), all('/api/traffic/dead-letter-rules?limit=1000'), all('/api/traffic/providers?limit=1000'),
  ]);
  view.append(
    h('h2', {}, 'Message traffic'),
    h('div', { class: 'cards', id: 'traffic-cards' },
      card('Messages accepted', summary.acceptedMessages, { field: 'accepted' }),
      card('Records dead-lettered', summary.deadLettered, { field: 'dead-lettered' }),
      card('Lines accepted', summary.acceptedLines, { field: 'lines' })),
    h('h2', {}, 'Dead letters per rule'),
    table(['Rule', '#Records', 'Example reason', 'Last'], rules.map((r) => h('tr', {},
      h('td', {}, r.rule), h('td', { class: 'num' }, r.count), h('td', {}, r.exampleReason), h('td', {}, new Date(r.lastAt).toLocaleString('nl-NL')))),
    { id: 'dead-letter-rules', empty: 'Nothing dead-lettered.' }),
    h('h2', {}, 'Accepted per provider'),
    table(['Provider', '#Messages', '#Records', '#Lines', 'Last'], providers.map((p) => h('tr', {},
      h('td', {}, p.providerAgb), h('td', { class: 'num' }, p.acceptedMessages), h('td', { class: 'num' }, p.acceptedRecords),
      h('td', { class: 'num' }, p.lines), h('td', {}, new Date(p.lastAt).toLocaleString('nl-NL')))),
    { id: 'provider-traffic', empty: 'No accepted messages.' }));
}

function table(headers, rows, { id, empty }) {
  if (rows.length === 0) return h('p', { class: 'hint', id }, empty);
  // A header starting with '#' heads a column of figures: aligned right like its cells.
  return h('table', { id }, h('thead', {}, h('tr', {}, headers.map((t) => (t.startsWith('#') ? h('th', { class: 'num' }, t.slice(1)) : h('th', {}, t))))),
    h('tbody', {}, rows));
}

// ---- Shell --------------------------------------------------------------------------------------------------------

const VIEWS = { overview, provider, alerts, daily, traffic };

async function render() {
  const view = $('#view');
  const { page, args } = route();
  const allowed = PAGES_BY_ROLE[caller?.role] ?? [];
  for (const link of document.querySelectorAll('#nav a')) {
    link.hidden = !allowed.includes(link.dataset.page);
    link.classList.toggle('active', link.dataset.page === page);
  }
  view.replaceChildren();
  if (!caller) {
    view.append(h('p', { class: 'hint' }, 'Sign in with your API key to see the figures.'));
    return;
  }
  if (!allowed.includes(page)) {
    view.append(h('p', { class: 'hint' }, allowed.length ? `Role ${caller.role} does not use this page.` : `Role ${caller.role} has no dashboard pages; use the API.`));
    return;
  }
  view.setAttribute('aria-busy', 'true');
  try {
    await VIEWS[page](view, args);
    showError('');
  } catch (error) {
    if (error.status === 401) signOut();
    showError(error.message);
  } finally {
    view.setAttribute('aria-busy', 'false');
    document.body.dataset.ready = page;
  }
}

async function signIn(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  try {
    caller = await api('/api/me');
    $('#who').textContent = `${caller.keyId} (${caller.role}${caller.municipalities.length ? `: ${caller.municipalities.join(', ')}` : ''})`;
    $('#who').hidden = false;
    $('#logout').hidden = false;
    $('#login').hidden = true;
    showError('');
  } catch (error) {
    signOut();
    showError(error.status === 401 ? 'This API key is not known.' : error.message);
  }
}

function signOut() {
  sessionStorage.removeItem(KEY_STORAGE);
  caller = null;
  $('#who').hidden = true;
  $('#logout').hidden = true;
  $('#login').hidden = false;
}

document.addEventListener('DOMContentLoaded', async () => {
  $('#year').value = new URLSearchParams(location.search).get('year') ?? new Date().getFullYear();
  $('#year').addEventListener('change', render);
  $('#login').addEventListener('submit', async (event) => {
    event.preventDefault();
    await signIn($('#api-key').value.trim());
    $('#api-key').value = '';
    await render();
  });
  $('#logout').addEventListener('click', () => { signOut(); render(); });
  window.addEventListener('hashchange', render);
  const stored = sessionStorage.getItem(KEY_STORAGE);
  if (stored) await signIn(stored);
  await render();
});
