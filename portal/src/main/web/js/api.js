// Calls the Dispostock API (../shared/API.md) with the session's bearer token. Every failure becomes
// an ApiError whose `kind` says what the screen should tell the user, with the server's
// problem+json (title, detail, errors: [{pointer, message}]).
import { config, currentSession, expireSession } from './auth.js';
import { offerDownload } from './format.js';

const MESSAGES = {
  unreachable: 'Le service Dispostock ne répond pas. Vérifiez votre connexion puis réessayez dans quelques instants.',
  'session-expired': 'Votre session a expiré. Reconnectez-vous pour continuer.',
  forbidden: 'Votre compte n’a pas accès à cette information.',
  'not-found': 'Cette information n’existe pas (ou plus) dans Dispostock.',
  conflict: 'Cette action entre en conflit avec l’état actuel des données.',
  'precondition-failed': 'Quelqu’un a modifié ces informations depuis que vous les avez ouvertes.',
  invalid: 'Certaines informations sont à corriger.',
  busy: 'Le service Dispostock reçoit beaucoup de demandes en ce moment. Réessayez dans une minute.',
  server: 'Le service Dispostock a rencontré une erreur. Réessayez dans quelques instants.',
};

function kindOf(status) {
  if (status === 401) return 'session-expired';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412 || status === 428) return 'precondition-failed';
  if (status === 429) return 'busy';
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  if (status >= 500) return 'server';
  return 'invalid';
}

export class ApiError extends Error {
  /**
   * @param {string} kind one of 'unreachable', 'session-expired', 'forbidden', 'not-found', 'conflict',
   *   'precondition-failed', 'invalid', 'busy', 'server'
   * @param {number} status HTTP status, 0 when no answer came
   * @param {{title: string, detail: string, errors: {pointer: string, message: string}[]}} problem
   */
  constructor(kind, status, problem) {
    super(MESSAGES[kind]);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => ({})) : {};
  return {
    title: body.title ?? response.statusText,
    detail: body.detail ?? '',
    errors: Array.isArray(body.errors) ? body.errors : [],
  };
}

/**
 * One API call. `body`: an object (sent as JSON) or a string (sent as is, with `headers`'
 * Content-Type, e.g. text/csv).
 *
 * @returns {Promise<{status: number, data: any, etag: string|null}>}
 * @throws {ApiError}
 */
export async function api(path, { method = 'GET', body, headers = {}, file = false } = {}) {
  const session = currentSession();
  if (session.state !== 'signed-in') {
    throw new ApiError('session-expired', 401, { title: 'Session', detail: '', errors: [] });
  }
  const { apiBase } = await config().catch(() => {
    throw new ApiError('unreachable', 0, { title: 'config.json', detail: '', errors: [] });
  });
  const sent = { Accept: 'application/json, application/problem+json', ...headers, Authorization: `Bearer ${session.accessToken}` };
  let payload = body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Blob)) {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`${apiBase.replace(/\/$/, '')}${path}`, { method, headers: sent, body: payload, cache: 'no-store' });
  } catch {
    throw new ApiError('unreachable', 0, { title: 'Réseau', detail: '', errors: [] });
  }
  if (!response.ok) {
    const error = new ApiError(kindOf(response.status), response.status, await problemOf(response));
    if (error.kind === 'session-expired') expireSession();
    throw error;
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = response.status === 204 ? null : file ? await response.blob()
    : type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, data, etag: response.headers.get('ETag') };
}

/**
 * A file the API makes (an xlsx or CSV export, a template), offered to the browser to save as `filename`.
 *
 * @throws {ApiError}
 */
export async function downloadFile(path, filename) {
  const { data } = await api(path, { headers: { Accept: '*/*' }, file: true });
  offerDownload(filename, data);
}

/** A GET whose 404 means "nothing yet" (a declaration not made): the data, or null. */
export async function findOrNull(path) {
  try {
    return (await api(path)).data;
  } catch (error) {
    if (error.kind === 'not-found') return null;
    throw error;
  }
}

/** The establishments the signed-in account is attached to (the token's finessEj), each with its `puis`. */
export async function establishmentsOf(user) {
  return Promise.all(user.finessEj.map((ej) => api(`/v1/establishments/${encodeURIComponent(ej)}`).then((r) => r.data)));
}
