import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The one client every page reads and writes through: the same API, with the same rules, that third parties use. */
export const api = createClient<paths>({ baseUrl: '' });

let bearer: string | undefined;
let onExpired: (() => void) | undefined;

/** The session sets who requests are sent as, and what happens when the API says the token is no longer good. */
export function authenticate(token: string | undefined, expired?: () => void): void {
  bearer = token;
  onExpired = expired;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) onExpired?.();
    return response;
  },
};
api.use(auth);

/** A refusal as the API words it: its code, its sentence for a person, and the fields at fault. */
export interface ApiProblem {
  statusCode: number;
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

/** Unwraps an openapi-fetch answer: its data, or an ApiError carrying the API's own words. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = (error ?? {}) as Partial<ApiProblem>;
  throw new ApiError({
    statusCode: response.status,
    code: problem.code ?? `HTTP_${response.status}`,
    message: problem.message ?? response.statusText,
    details: problem.details,
  });
}
