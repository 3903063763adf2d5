// Sign-in with OpenID Connect, authorization code + PKCE (S256), the same code locally and in AWS:
// config.json names the identity platform, its discovery document gives the endpoints. No client
// secret in the browser; the session lives in sessionStorage (one tab, gone with it), never in
// localStorage.

const SESSION = 'dispostock.session';
const PENDING = 'dispostock.pending-sign-in';
// a token is treated as expired a little before its end, so that a request never leaves with a dying one
const EXPIRY_MARGIN_MS = 30_000;

let configuration;
let discovery;

/** {issuer, clientId, scope, apiBase}: written beside the pages (locally served by the local platform). */
export async function config() {
  configuration ??= fetch('config.json', { cache: 'no-store' }).then((r) => {
    if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`);
    return r.json();
  });
  return configuration;
}

async function endpoints() {
  discovery ??= config().then((c) => fetch(`${c.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`))
    .then((r) => {
      if (!r.ok) throw new Error(`openid-configuration: HTTP ${r.status}`);
      return r.json();
    });
  return discovery;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return new URL('connexion.html', window.location.href).href;
}

/** Leaves for the identity platform's sign-in page; comes back to `returnTo` once signed in. */
export async function signIn(returnTo = window.location.href) {
  const [c, e] = await Promise.all([config(), endpoints()]);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, returnTo }));
  const url = new URL(e.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: c.clientId, redirect_uri: redirectUri(), scope: c.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
}

/**
 * On connexion.html: trades the code for a token (the PKCE verifier proves this tab asked for it),
 * keeps the session and returns where the user was going.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(window.location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) {
    throw new Error(`La plateforme d’identité a refusé la connexion (${params.get('error')}).`);
  }
  if (!pending || !params.get('code') || params.get('state') !== pending.state) {
    throw new Error('Cette réponse de connexion ne correspond à aucune demande de cet onglet.');
  }
  const [c, e] = await Promise.all([config(), endpoints()]);
  const response = await fetch(e.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: c.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`La plateforme d’identité n’a pas délivré de jeton (HTTP ${response.status}).`);
  }
  const token = await response.json();
  sessionStorage.setItem(SESSION, JSON.stringify({
    accessToken: token.access_token,
    expiresAt: Date.now() + token.expires_in * 1000,
  }));
  return pending.returnTo;
}

function claimsOf(accessToken) {
  const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (ch) => ch.charCodeAt(0)));
  return JSON.parse(json);
}

/**
 * The signed-in user: `{state: 'signed-in', accessToken, user}`, `{state: 'expired'}` or
 * `{state: 'signed-out'}`. The claims are read for display and scope only: the API checks the token.
 */
export function currentSession() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null');
  if (!stored) return { state: 'signed-out' };
  if (Date.now() > stored.expiresAt - EXPIRY_MARGIN_MS) return { state: 'expired' };
  const claims = claimsOf(stored.accessToken);
  return {
    state: 'signed-in',
    accessToken: stored.accessToken,
    user: {
      sub: claims.sub, email: claims.email, roles: claims.roles ?? [],
      finessEj: claims.finessEj ?? [], region: claims.region,
    },
  };
}

/** Marks the session as over (the API said 401): the next page shows "session expirée". */
export function expireSession() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null');
  if (stored) sessionStorage.setItem(SESSION, JSON.stringify({ ...stored, expiresAt: 0 }));
}

/** Forgets the token, then leaves through the identity platform's sign-out when it has one. */
export async function signOut() {
  sessionStorage.removeItem(SESSION);
  const e = await endpoints().catch(() => ({}));
  const home = new URL('index.html', window.location.href).href;
  if (e.end_session_endpoint) {
    const c = await config();
    const url = new URL(e.end_session_endpoint);
    url.search = new URLSearchParams({ client_id: c.clientId, post_logout_redirect_uri: home }).toString();
    window.location.assign(url.href);
  } else {
    window.location.assign(home);
  }
}
