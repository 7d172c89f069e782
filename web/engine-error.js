// The errors of the engine, wherever it runs (engine.js in the page, engine-worker.js in a worker).

/** An error answered by the core (or met while loading it). */
export class EngineError extends Error {
  /** @param {{code: string, message: string, path?: string, problems?: object[]}} error */
  constructor({ code, message, path = '', problems = [] }) {
    super(message);
    this.name = 'EngineError';
    /** Stable code, e.g. "answers.unknown_option" (README.md lists them). */
    this.code = code;
    /** JSON pointer of the value at fault. */
    this.path = path;
    /** For rules that fail validation: every problem found. */
    this.problems = problems;
  }
}

// A reply the info cannot word (a text missing): an error reply like the core's, never a crash.
export function worded(word) {
  try {
    return word();
  } catch (error) {
    throw error instanceof EngineError ? error : new EngineError({ code: error.code ?? 'reply.invalid', message: error.message, path: error.path });
  }
}
