/**
 * Typed errors. Every message is one sentence that names the file, row or field at fault.
 */
export class GvcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Malformed or inconsistent input data (file, row, field named in the message). */
export class InputError extends GvcError {}

/** Numerical trouble: singular systems, zero-output sectors, collinear regressors. */
export class NumericalError extends GvcError {}

/** A matrix that cannot be factorized (exactly or numerically singular). */
export class SingularMatrixError extends NumericalError {}

/** Bad options passed to an API or CLI command. */
export class OptionError extends GvcError {}
