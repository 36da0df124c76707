// Talks to the REST API (docs/api.md). Every failure becomes an ApiError carrying the
// server's own message when it sent one, so the page can show it instead of a blank.

export class ApiError extends Error {
  constructor(message, { status = 0, code = 'network' } = {}) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function errorFromResponse(response) {
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string') {
      return new ApiError(body.message, { status: response.status, code: body.error || 'error' });
    }
  } catch {
    // Not JSON (a proxy page, say): fall through to the status line.
  }
  return new ApiError(`The server answered ${response.status} ${response.statusText}`.trim(), {
    status: response.status,
    code: 'http',
  });
}

export async function getJson(path, { signal } = {}) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError('Cannot reach the search server. Check that it is running, then try again.');
  }
  if (!response.ok) throw await errorFromResponse(response);
  try {
    return await response.json();
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError('The server sent a response that is not valid JSON.', { status: response.status, code: 'bad_json' });
  }
}

export const searchPath = (params) => `/api/search?${params}`;
export const feedPath = (params) => `/api/feed${`${params}` ? `?${params}` : ''}`;
export const articlePath = (id, q) => `/api/articles/${encodeURIComponent(id)}${q ? `?${new URLSearchParams({ q })}` : ''}`;
export const similarPath = (id) => `/api/articles/${encodeURIComponent(id)}/similar?limit=5`;
export const statsPath = () => '/api/stats';
