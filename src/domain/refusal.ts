// A request the system refuses: a Chinese message the user sees as it is, a code for the API and the CLI, and the kind
// of refusal (NOT_FOUND, INVALID, FORBIDDEN, CONFLICT, …) the entry points turn into an HTTP status or an exit code.
// Every feature throws this one error (or a subclass naming its own codes); src/server/route-helpers.ts sends it.

export type RefusalKind = 'NOT_FOUND' | 'INVALID' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED' | 'GONE' | 'TOO_MANY';
export type RefusalCode = 'NOT_FOUND' | 'INVALID' | 'FORBIDDEN' | 'CONFLICT';

export class Refusal<Code extends string = RefusalCode> extends Error {
  override name = 'Refusal';
  readonly kind: RefusalKind;

  constructor(
    readonly code: Code,
    message: string,
    kind?: RefusalKind,
  ) {
    super(message);
    this.kind = kind ?? (code as string as RefusalKind);
  }
}

/** The error as a Refusal when it is one the user should see; undefined for anything unexpected. */
export function asRefusal(error: unknown): Refusal<string> | undefined {
  return error instanceof Refusal ? error : undefined;
}
