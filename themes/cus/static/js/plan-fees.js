/* The fee estimate in the plan: what this household pays for each service, when the page's
 * address gives the income (?dochod=<PLN>&osoby=<N>, as on a service page) and the theme has
 * the fee estimate module (the build names it in data-plan-fees only when js/fees.js exists).
 *
 * fees.js (issue 14) exports estimateFee(fee, income, people, criteria), which returns the
 * amount as text ("7,00 zł za godzinę") or null, and loadCriteria() for its criteria. */

export async function feeEstimates(moduleUrl, facts) {
  const estimates = new Map();
  const params = new URLSearchParams(window.location.search);
  const income = Number((params.get("dochod") || "").replace(",", "."));
  const people = Number.parseInt(params.get("osoby") || "1", 10);
  if (!moduleUrl || !params.has("dochod") || !(income >= 0) || !(people >= 1)) {
    return estimates;
  }
  try {
    // The page's address is relative to the page, not to this module.
    const fees = await import(new URL(moduleUrl, document.baseURI).href);
    const criteria = typeof fees.loadCriteria === "function" ? await fees.loadCriteria() : undefined;
    for (const [id, entry] of Object.entries(facts)) {
      const amount = fees.estimateFee(entry.fee_data, income, people, criteria);
      if (amount) {
        estimates.set(id, String(amount));
      }
    }
  } catch {
    /* no estimate: the fee of each service is still shown */
  }
  return estimates;
}
