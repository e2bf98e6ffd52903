/* JSON to and from the site: same-origin credentials, and a failed answer as an error. */

/* The parsed JSON at ``url``; throws when the request fails or the answer is not 2xx. */
export async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(url + ": HTTP " + response.status);
  }
  return response.json();
}

/* POST ``body`` as JSON; {status, data} whatever the status (a 422 carries the errors).
 * Throws when there is no answer or it is not JSON. */
export async function postJson(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  return { status: response.status, data: await response.json() };
}
