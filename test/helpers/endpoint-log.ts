/** The scriptable test endpoint (test/server/endpoint.js): a session of its own, and what it received. */
export interface LoggedRequest {
  method: string;
  path: string;
  key: string;
  contentType: string;
  language: string;
  body: string;
}

/** A new session id: its requests are logged apart from every other test's. */
export const newSession = (): string => Math.random().toString(36).slice(2);

/** Every request the endpoint received in session `s`, in order. */
export const requestsOf = async (s: string): Promise<LoggedRequest[]> => (await fetch(`/test-api/endpoint-log?s=${s}`)).json();
