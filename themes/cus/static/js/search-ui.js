/*
 * Search in the page: the /szukaj/ page (results, filters kept in the URL, live count) and
 * search-as-you-type on any form[data-search-as-you-type] (an ARIA 1.2 combobox with a
 * listbox of suggestions).  Without JavaScript both stay plain GET forms.
 * Interface strings arrive translated in start()'s messages (from the build).
 */
import { el } from "./dom.js";
import { cyrillicRoute } from "./search-cyrillic.js";
import { Engine } from "./search-engine.js";

var PAGE_SIZE = 20;
var SUGGESTIONS = 6;
var DEBOUNCE_MS = 120;
var FILTERS = ['dla', 'obszar', 'realizator', 'bezplatne', 'otwarte', 'dzien', 'godzina',
  'dochod', 'osoby', 'osrodek'];
var enginePromise = null;
var manifestUrl = null;
var stylesheet = null;
var messages = {};
var refineConfig = null;

function msg(key) {
  return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
}

function plural(key, count) {
  var forms = msg(key);
  if (typeof forms === 'string') return forms.replace('{count}', String(count));
  var category = 'other';
  try {
    category = new Intl.PluralRules(document.documentElement.lang || 'pl').select(count);
  } catch { /* an unknown language falls back to "other" */ }
  var form = forms[category] || forms.other || forms.many || '';
  return form.replace('{count}', count.toLocaleString(document.documentElement.lang || 'pl'));
}

/* The engine, loaded once (the tests and the benchmark use it too). */
export function engine() {
  if (!enginePromise) enginePromise = Engine.load(manifestUrl, { refine: refineConfig });
  return enginePromise;
}

/* Results lead to the pages of the page's language (data-language-root, e.g. "uk/"). */
function siteRoot() {
  var languageRoot = document.body && document.body.dataset.languageRoot;
  if (languageRoot) return new URL(languageRoot, window.location.href);
  return new URL('../../', manifestUrl);
}

/* A result is a service, or a package of services (record.kind, with its meta line); its page
   is under root (another language's, for a Cyrillic query on the Polish page) or the page's. */
function recordUrl(record, root) {
  var folder = record.kind === 'package' ? 'pakiety/' : 'uslugi/';
  return new URL(folder + encodeURIComponent(record.id) + '/', root || siteRoot()).href;
}

/* lang="pl" for a field the record shows untranslated (record.pl, on other languages' pages). */
function langOf(record, field) {
  return (record.pl || []).indexOf(field) >= 0 ? { lang: 'pl' } : {};
}

function debounce(fn, ms) {
  var timer = null;
  return function () {
    var args = arguments;
    clearTimeout(timer);
    timer = setTimeout(function () { fn.apply(null, args); }, ms);
  };
}

/* ---- the search page ---------------------------------------------------------------- */

function readForm(form) {
  var state = { q: '' };
  var data = new FormData(form);
  state.q = String(data.get('q') || '');
  FILTERS.forEach(function (name) { state[name] = String(data.get(name) || ''); });
  return state;
}

function writeForm(form, state) {
  if (form.elements.q) form.elements.q.value = state.q || '';
  FILTERS.forEach(function (name) {
    var field = form.elements[name];
    if (!field) return;
    if (field.type === 'checkbox') field.checked = state[name] === '1';
    else field.value = state[name] || '';
  });
}

function stateFromUrl() {
  var params = new URLSearchParams(window.location.search);
  var state = { q: params.get('q') || '' };
  FILTERS.forEach(function (name) { state[name] = params.get(name) || ''; });
  return state;
}

function paramsOf(state) {
  var params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
  return params;
}

function urlFromState(state) {
  var query = paramsOf(state).toString();
  return window.location.pathname + (query ? '?' + query : '');
}

function resultItem(record, root) {
  var isPackage = record.kind === 'package';
  var item = el('li', { 'class': 'search-result' });
  item.setAttribute(isPackage ? 'data-package-id' : 'data-service-id', record.id);
  var heading = el('h2', { 'class': 'search-result-title' });
  heading.appendChild(el('a', Object.assign({ href: recordUrl(record, root) },
    langOf(record, 'name')), record.name));
  item.appendChild(heading);
  if (record.status_label) {
    item.appendChild(el('p', { 'class': 'status status-' + record.status }, record.status_label));
  }
  if (record.for_everyone) {
    item.appendChild(el('p', { 'class': 'search-result-everyone' }, msg('forEveryone')));
  }
  item.appendChild(el('p', Object.assign({ 'class': 'search-result-summary' },
    langOf(record, 'summary')), record.summary));
  if (isPackage) {
    item.appendChild(el('p', { 'class': 'search-result-meta' }, record.meta));
    return item;
  }
  var meta = el('p', { 'class': 'search-result-meta' });
  meta.appendChild(el('span', { 'class': 'search-result-provider' },
    msg('provider') + ' ', el('span', langOf(record, 'provider'), record.provider)));
  meta.appendChild(document.createTextNode(' · '));
  meta.appendChild(el('span', { 'class': 'search-result-fee' }, msg('fee') + ' ' + record.fee));
  item.appendChild(meta);
  return item;
}

function enhanceSearchPage(form) {
  var results = document.querySelector('[data-search-results]');
  var status = document.querySelector('[data-search-status]');
  var empty = document.querySelector('[data-search-empty]');
  var more = document.querySelector('[data-search-more]');
  var crisis = document.querySelector('[data-crisis-lines]');
  var weakNote = document.querySelector('[data-search-weak]');
  if (!results || !status) return;
  var list = results.querySelector('ol') || results.appendChild(el('ol'));
  var sequence = 0;
  var ranked = [];
  var shown = 0;
  var cyrillic = cyrillicRoute(form);
  var searched = null;  /* the engine of the query shown: the page's, or the Ukrainian one */
  var resultRoot = null;

  function showMore(focusFirstNew) {
    var slice = ranked.slice(shown, shown + PAGE_SIZE);
    var mySequence = sequence;
    return searched.then(function (e) {
      return e.records(slice.map(function (r) { return r.position; }));
    }).then(function (records) {
      if (mySequence !== sequence) return;
      var first = null;
      records.forEach(function (record) {
        var item = resultItem(record, resultRoot);
        list.appendChild(item);
        if (!first) first = item;
      });
      shown += records.length;
      if (more) more.hidden = shown >= ranked.length;
      if (focusFirstNew && first) first.querySelector('a').focus();
    });
  }

  function run(state, pushUrl) {
    var mySequence = ++sequence;
    var active = state.q.trim() || FILTERS.some(function (n) { return state[n]; });
    if (pushUrl === 'push') history.pushState(state, '', urlFromState(state));
    else if (pushUrl === 'replace') history.replaceState(state, '', urlFromState(state));
    if (!active) {
      list.textContent = '';
      ranked = [];
      shown = 0;
      status.textContent = '';
      if (empty) empty.hidden = true;
      if (more) more.hidden = true;
      if (crisis) crisis.hidden = true;
      if (cyrillic) cyrillic.tell('');
      return Promise.resolve();
    }
    results.setAttribute('aria-busy', 'true');
    var crisisQuery = false;
    var inUkrainian = cyrillic !== null && cyrillic.applies(state.q);
    searched = inUkrainian ? cyrillic.engine({ refine: refineConfig }) : engine();
    resultRoot = inUkrainian ? cyrillic.root : null;
    return searched.then(function (e) {
      return e.search(state.q, state).then(function (found) {
        crisisQuery = e.isCrisis(state.q);  /* after search: its words' lemmas are loaded */
        return found;
      });
    }).then(function (found) {
      if (mySequence !== sequence) return null;
      ranked = found;
      shown = 0;
      list.textContent = '';
      if (crisis) crisis.hidden = !crisisQuery;
      if (cyrillic) cyrillic.tell(state.q);
      var weak = Engine.isWeak(found);
      if (empty) empty.hidden = found.length > 0 && !weak;
      if (weakNote) weakNote.hidden = !weak;
      if (more) more.hidden = true;
      return showMore(false).then(function () {
        if (mySequence !== sequence) return;
        var told = (found.problems || []).join(' ');
        status.textContent = (told ? told + ' ' : '') +
          (found.length ? plural('count', found.length) : msg('none'));
      });
    }).catch(function (error) {
      if (mySequence !== sequence) return;
      console.error(error);
      list.textContent = '';
      status.textContent = msg('error');
      if (empty) empty.hidden = false;
    }).then(function () {
      if (mySequence === sequence) results.removeAttribute('aria-busy');
    });
  }

  var freeLabel = form.querySelector('[data-free-label]');
  function labelFree() {
    /* With an income given, "free of charge only" keeps what is free for this household. */
    if (!freeLabel) return;
    var income = form.elements.dochod && form.elements.dochod.value.trim();
    freeLabel.textContent = freeLabel.getAttribute(income ? 'data-for-me' : 'data-only-free');
  }
  form.addEventListener('input', labelFree);
  var typed = debounce(function () { run(readForm(form), 'replace'); }, DEBOUNCE_MS);
  form.addEventListener('input', function (event) {
    if (event.target.name === 'q') typed();
  });
  form.addEventListener('change', function (event) {
    if (event.target.name !== 'q') run(readForm(form), 'replace');
    labelFree();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(readForm(form), 'push');
  });
  if (more) {
    more.addEventListener('click', function () { showMore(true); });
  }
  window.addEventListener('popstate', function () {
    var state = stateFromUrl();
    writeForm(form, state);
    run(state, null);
  });
  var initial = stateFromUrl();
  writeForm(form, initial);
  labelFree();
  if (form.hasAttribute('data-refine-module')) {
    var refineMessages = {};
    try {
      refineMessages = JSON.parse((document.querySelector('script[data-refine-messages]') || {})
        .textContent || '{}');
    } catch { /* the filters then say nothing in words */ }
    refineConfig = {
      module: new URL(form.getAttribute('data-refine-module'), window.location.href).href,
      data: new URL(form.getAttribute('data-refine-data'), window.location.href).href,
      messages: refineMessages
    };
  }
  form.setAttribute('data-search-ready', '');
  run(initial, null);
}

/* ---- search as you type: combobox + listbox ------------------------------------------ */

var comboboxCount = 0;

function enhanceTypeahead(form) {
  var input = form.querySelector('input[name="q"]');
  if (!input || input.hasAttribute('role')) return;
  var id = 'search-suggestions-' + (++comboboxCount);
  var listbox = el('ul', { id: id, role: 'listbox', 'class': 'search-suggestions',
    'aria-label': msg('suggestionsLabel') });
  listbox.hidden = true;
  var live = el('p', { role: 'status', 'class': 'visually-hidden search-suggestions-status' });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', id);
  input.insertAdjacentElement('afterend', listbox);
  form.appendChild(live);
  var options = [];
  var active = -1;
  var sequence = 0;
  var cyrillic = cyrillicRoute(form);

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function activate(index) {
    options.forEach(function (option, i) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    active = index;
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function go(option) {
    window.location.href = option.getAttribute('data-href');
  }

  /* A query in Cyrillic is answered from the Ukrainian pages: its results and all results. */
  function allResultsUrl(inUkrainian) {
    var ukrainian = inUkrainian ? cyrillic.pageFor(input.value) : null;
    if (ukrainian) return ukrainian;
    var url = new URL(form.getAttribute('action') || 'szukaj/', window.location.href);
    var state = readForm(form);  /* with the form's filters: a centre's page keeps its centre */
    state.q = input.value;
    url.search = paramsOf(state).toString();
    return url.href;
  }

  function render(records, total, inUkrainian) {
    var root = inUkrainian ? cyrillic.root : null;
    if (cyrillic) cyrillic.tell(records.length ? input.value : '');
    listbox.textContent = '';
    options = records.map(function (record, i) {
      var option = el('li', { id: id + '-' + i, role: 'option', 'aria-selected': 'false',
        'class': 'search-suggestion', 'data-href': recordUrl(record, root) });
      option.appendChild(el('span', Object.assign({ 'class': 'search-suggestion-name' },
        langOf(record, 'name')), record.name));
      if (record.status_label) {
        option.appendChild(el('span', { 'class': 'search-suggestion-status' },
          record.status_label));
      }
      option.appendChild(el('span', { 'class': 'search-suggestion-meta' },
        record.kind === 'package' ? record.meta : record.provider + ' · ' + record.fee));
      return option;
    });
    if (total > 0) {
      var all = el('li', { id: id + '-all', role: 'option', 'aria-selected': 'false',
        'class': 'search-suggestion search-suggestion-all',
        'data-href': allResultsUrl(inUkrainian) },
      msg('allResults').replace('{query}', input.value.trim()));
      options.push(all);
    }
    options.forEach(function (option) { listbox.appendChild(option); });
    active = -1;
    if (options.length) {
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      live.textContent = plural('suggestions', records.length);
    } else {
      close();
      live.textContent = input.value.trim() ? msg('noSuggestions') : '';
    }
  }

  var update = debounce(function () {
    var mySequence = ++sequence;
    var text = input.value;
    if (!text.trim()) {
      render([], 0);
      return;
    }
    var inUkrainian = cyrillic !== null && cyrillic.applies(text);
    var searched = inUkrainian ? cyrillic.engine({ refine: refineConfig }) : engine();
    searched.then(function (e) {
      /* The form's own filters too: a centre's page suggests only that centre's services. */
      return e.search(text, readForm(form)).then(function (found) {
        var top = found.slice(0, SUGGESTIONS);
        return e.records(top.map(function (r) { return r.position; })).then(function (records) {
          if (mySequence === sequence) render(records, found.length, inUkrainian);
        });
      });
    }).catch(function (error) {
      console.error(error);
      if (mySequence === sequence) render([], 0);
    });
  }, DEBOUNCE_MS);

  input.addEventListener('focus', function () { engine().catch(function () {}); });
  input.addEventListener('input', update);
  input.addEventListener('keydown', function (event) {
    var open = !listbox.hidden && options.length > 0;
    if (event.key === 'ArrowDown') {
      if (!open) { update(); return; }
      event.preventDefault();
      activate(active + 1 >= options.length ? 0 : active + 1);
    } else if (event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      activate(active - 1 < 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        go(options[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  listbox.addEventListener('mousedown', function (event) { event.preventDefault(); });
  listbox.addEventListener('click', function (event) {
    var option = event.target.closest('[role="option"]');
    if (option) go(option);
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });
  form.setAttribute('data-search-ready', '');
}

function addStylesheet() {
  if (!stylesheet) return;
  var links = document.querySelectorAll('link[rel="stylesheet"]');
  for (var i = 0; i < links.length; i++) {
    if (links[i].href === stylesheet) return;
  }
  document.head.appendChild(el('link', { rel: 'stylesheet', href: stylesheet }));
}

/* Enhance the page's search forms. config: the index manifest's and the stylesheet's
   addresses, and the interface strings in the page's language. */
export function start(config) {
  manifestUrl = config.index;
  stylesheet = config.stylesheet;
  messages = config.messages;
  function run() {
    addStylesheet();
    var page = document.querySelector('form[data-search-page]');
    if (page) enhanceSearchPage(page);
    Array.prototype.forEach.call(
      document.querySelectorAll('form[data-search-as-you-type]'), enhanceTypeahead);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
