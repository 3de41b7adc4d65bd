/** A problem+json answer (RFC 9457) as the pages need it: status, stable code, detail, Retry-After. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`${status} ${code ?? ''} ${detail ?? ''}`.trim());
  }

  /** A view whose version changed and is being rebuilt: it answers again once the rebuild swaps in. */
  get rebuilding(): boolean {
    return this.status === 503 && this.code === 'VIEW.REBUILDING';
  }

  /** As many as-of replays as the server runs at once are running (a page asks for several views): one ends soon. */
  get replaysBusy(): boolean {
    return this.status === 503 && this.code === 'VIEW.AS_OF_REPLAYS_BUSY';
  }

  /** `problem`: the answer's body as the client parsed it (the response's own body is read by then). */
  static of(response: Response, problem: unknown): ApiError {
    const body = (typeof problem === 'object' && problem !== null ? problem : {}) as { code?: string; detail?: string };
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(response.status, body.code, body.detail, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
}
