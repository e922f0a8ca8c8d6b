// The planner page's Content-Security-Policy (web/EMBED.md, "Security model"), in one place for
// `make serve` and the browser tests. web/index.html carries the same policy in a <meta> tag for
// static hosting, without frame-ancestors (a <meta> policy cannot say who may frame the page).

// Nothing may connect anywhere but the page's own origin; scripts only from it (and the wasm
// compile, which needs 'wasm-unsafe-eval'); no plugins, no <base>, no form posts.
export const kPlannerPolicy = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

// A frame-ancestors source list: 'self', 'none', or exact http(s) origins, space-separated.
export function checkFrameAncestors(list) {
  const tokens = String(list).trim().split(/\s+/).filter(Boolean);
  if (!tokens.length) throw new Error('frame-ancestors: empty list');
  for (const t of tokens) {
    if (t === "'self'" || t === "'none'") continue;
    let u;
    try { u = new URL(t); } catch { throw new Error(`frame-ancestors: '${t}' is not 'self', 'none' or an origin`); }
    if (!/^https?:$/.test(u.protocol) || u.origin !== t || t.includes('*')) {
      throw new Error(`frame-ancestors: '${t}' must be an exact origin such as https://adviser.example`);
    }
  }
  if (tokens.includes("'none'") && tokens.length > 1) throw new Error("frame-ancestors: 'none' stands alone");
  return tokens.join(' ');
}

export function plannerCsp(frameAncestors = "'self'") {
  return [...kPlannerPolicy, `frame-ancestors ${checkFrameAncestors(frameAncestors)}`].join('; ');
}

// Response headers for every file of the planner's site.
export function plannerHeaders(frameAncestors) {
  return { 'Content-Security-Policy': plannerCsp(frameAncestors) };
}

// The example host page's own policy: its own files, and frames only from the planner's origin.
export function hostHeaders(plannerOrigin) {
  return {
    'Content-Security-Policy': [
      "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
      "connect-src 'self'", `frame-src ${plannerOrigin}`, "object-src 'none'", "base-uri 'none'",
      "form-action 'none'", "frame-ancestors 'none'",
    ].join('; '),
  };
}
