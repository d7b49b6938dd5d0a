import createClient from "openapi-fetch";

import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Task = Schemas["TaskRead"];
export type Note = Schemas["NoteRead"];
export type User = Schemas["UserRead"];
export type Conversation = Schemas["ConversationRead"];
export type Message = Schemas["MessageRead"];
export type MessagePage = Schemas["MessagePage"];
export type Exchange = Schemas["ExchangeRead"];
export type ThinkingStep = Schemas["ThinkingStepRead"];
export type Dashboard = Schemas["DashboardRead"];
export type Category = Schemas["CategoryRead"];
export type EngineInfo = Schemas["EngineRead"];
export type Performance = Schemas["PerformanceRead"];

// Same origin: the UI is served by the API process, and the session cookie
// rides along with every request.
export const api = createClient<paths>({
  baseUrl: "",
  credentials: "same-origin",
});

type ErrorBody = { error?: { code?: string; message?: string } };

/** The API's one error shape, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call; otherwise an ApiError worth showing. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError("Can't reach the server.", 0, "network");
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  throw new ApiError(
    body.error?.message ?? `The server answered ${response.status}.`,
    response.status,
    body.error?.code ?? "http_error",
  );
}
