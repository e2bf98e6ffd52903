/*
 * A query in Cyrillic on a Polish page searches the Ukrainian index (issue 13): on the search
 * page and in the suggestions of any search-as-you-type form. The form says where that index
 * and the Ukrainian pages are (data-cyrillic-index, data-cyrillic-root); results then link to
 * the Ukrainian pages, and a note in Polish ([data-search-cyrillic], in the form or else on the
 * page) says so, its link leading to the Ukrainian search page with the same query.
 */
import { Engine } from "./search-engine.js";
import { hasCyrillic } from "./search-ukrainian.js";

/* The Ukrainian route of a search form, or null when the page offers none. */
export function cyrillicRoute(form) {
  var index = form.getAttribute('data-cyrillic-index');
  if (!index) return null;
  var note = form.querySelector('[data-search-cyrillic]') ||
    document.querySelector('[data-search-cyrillic]');
  var link = note ? note.querySelector('a') : null;
  var page = link ? link.href : null;
  var loaded = null;
  /* The Ukrainian search page's address for a query, or null without a note to take it from. */
  function pageFor(query) {
    if (!page) return null;
    var url = new URL(page);
    url.search = new URLSearchParams({ q: query }).toString();
    return url.href;
  }
  return {
    root: new URL(form.getAttribute('data-cyrillic-root') || '', window.location.href),
    applies: hasCyrillic,
    pageFor: pageFor,
    engine: function (options) {
      if (!loaded) loaded = Engine.load(new URL(index, window.location.href).href, options);
      return loaded;
    },
    /* Show the note for a query searched in Ukrainian (its link keeping the query), or hide it. */
    tell: function (query) {
      if (!note) return;
      note.hidden = !hasCyrillic(query);
      if (link && page) link.setAttribute('href', pageFor(query));
    }
  };
}
