/*
 * A query in Cyrillic on the Polish search page searches the Ukrainian index (issue 13). The
 * page says where that index and the Ukrainian pages are (data-cyrillic-index,
 * data-cyrillic-root on the form); results then link to the Ukrainian pages, and a note in
 * Polish ([data-search-cyrillic]) says so, its link leading to the Ukrainian search page with
 * the same query.
 */
import { Engine } from "./search-engine.js";
import { hasCyrillic } from "./search-ukrainian.js";

/* The Ukrainian route of a search form, or null when the page offers none. */
export function cyrillicRoute(form) {
  var index = form.getAttribute('data-cyrillic-index');
  if (!index) return null;
  var note = document.querySelector('[data-search-cyrillic]');
  var link = note ? note.querySelector('a') : null;
  var page = link ? link.href : null;
  var loaded = null;
  return {
    root: new URL(form.getAttribute('data-cyrillic-root') || '', window.location.href),
    applies: hasCyrillic,
    engine: function (options) {
      if (!loaded) loaded = Engine.load(new URL(index, window.location.href).href, options);
      return loaded;
    },
    /* Show the note for a query searched in Ukrainian (its link keeping the query), or hide it. */
    tell: function (query) {
      if (!note) return;
      note.hidden = !hasCyrillic(query);
      if (!link || !page) return;
      var url = new URL(page);
      url.search = new URLSearchParams({ q: query }).toString();
      link.setAttribute('href', url.href);
    }
  };
}
