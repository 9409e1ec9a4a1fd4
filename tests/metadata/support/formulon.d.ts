// formulon ships no types: the three calls the formula tests use.
declare module 'formulon' {
  export type Literal = {
    type: 'literal';
    dataType: string;
    value: unknown;
    options?: unknown;
  };
  export type FormulonError = { type: 'error'; errorType: string; message: string };
  export function parse(formula: string, substitutions?: Record<string, Literal>): Literal | FormulonError;
  export function extract(formula: string): string[];
}
