/* Every name the site keeps in this browser's storage. The first-paint scripts in base.html
 * and accessibility/kiosk.html repeat the reading-aid and kiosk names (they run before any
 * module); tests/test_storage_keys.py checks that they say the same. */
export const KEYS = Object.freeze({
  plan: "cus-plan", // localStorage: My plan
  planUnreadable: "cus-plan-unreadable", // localStorage: an unreadable plan, kept aside
  text: "cus-text", // localStorage: larger text
  contrast: "cus-contrast", // localStorage: high contrast
  kiosk: "cus-kiosk", // sessionStorage: this tab is a kiosk
  kioskStale: "cus-kiosk-stale", // sessionStorage: history entries of earlier visitors
});
