import type { DemoLogin } from './local-secrets';

/** One HTTP call to Tahap's API as a signed-in person; throws with the API's answer when it refuses. */
export type Call = <T = any>(method: string, path: string, body?: unknown) => Promise<T>;

export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API with a token, or anonymously without one. */
export function caller(baseUrl: string, token?: string): Call {
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const payload = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      throw new ApiRefusal(
        response.status,
        payload?.code,
        `${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`,
      );
    }
    return payload;
  };
}

/** Signs the login in and calls as them; signs in again once when the session has expired. */
export async function signedIn(baseUrl: string, login: Pick<DemoLogin, 'email' | 'password'>): Promise<Call> {
  const signIn = async () =>
    caller(baseUrl)<{ accessToken: string }>('POST', '/auth/login', { email: login.email, password: login.password });
  let call = caller(baseUrl, (await signIn()).accessToken);
  return async (method, path, body) => {
    try {
      return await call(method, path, body);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status !== 401) throw error;
      call = caller(baseUrl, (await signIn()).accessToken);
      return call(method, path, body);
    }
  };
}
