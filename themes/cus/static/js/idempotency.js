/* A fresh key for one request, so a resent form reaches the centre only once. */
export function newKey() {
  return window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : String(Date.now()) + "-" + Math.random().toString(36).slice(2);
}
