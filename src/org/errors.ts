// Errors the org modules raise. They carry a message key of messages/walkaway.org.md and its
// tokens, so that the commands turn them into messages.createError(...) with text from the file.

export class OrgError extends Error {
  public readonly key: string;
  public readonly tokens: ReadonlyArray<string | number>;
  public readonly data: Record<string, unknown> | undefined;
  public constructor(key: string, tokens: ReadonlyArray<string | number> = [], data?: Record<string, unknown>) {
    super(`${key}: ${tokens.join(' | ')}`);
    this.name = 'OrgError';
    this.key = key;
    this.tokens = tokens;
    this.data = data;
  }
}

/** An error answered by the org: its errorCode (REQUEST_LIMIT_EXCEEDED, INVALID_SESSION_ID...) and message. */
export class ApiError extends Error {
  public readonly errorCode: string;
  public readonly status: number | null;
  public constructor(errorCode: string, message: string, status: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.errorCode = errorCode;
    this.status = status;
  }
}
