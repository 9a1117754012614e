/**
 * Errors shaped like the ones Office.js throws (`OfficeExtension.Error`, name "RichApi.Error").
 *
 * Messages are the ones Microsoft documents for each code
 * (learn.microsoft.com: "Error handling with the application-specific JavaScript APIs",
 * table "Error codes and messages") or the resource strings of the Office.js client library
 * (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, `PropertyNotLoaded`,
 * `ValueNotLoaded`, `RunMustReturnPromise`, `InvalidObjectPath`).
 */

export type OfficeErrorCode =
  | 'AccessDenied'
  | 'BadPassword'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidObjectPath'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'NotImplemented'
  | 'PropertyNotLoaded'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RunMustReturnPromise'
  | 'UnsupportedOperation'
  | 'ValueNotLoaded'
  | (string & {});

export const DEFAULT_MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  BadPassword: 'The password you supplied is incorrect.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit:
    'The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  UnsupportedOperation: 'The operation being attempted is not supported.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

export interface OfficeErrorDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  /** Extra explanation from the simulator (why the rule applies); absent in real Excel. */
  simulatorNote?: string;
}

/** An error as Office.js reports it: `name`, `code`, `message`, `debugInfo`. */
export class OfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: OfficeErrorDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: OfficeErrorCode, message?: string, errorLocation?: string, simulatorNote?: string) {
    const msg = message ?? DEFAULT_MESSAGES[code] ?? code;
    super(msg);
    this.code = code;
    this.debugInfo = { code, message: msg };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    if (simulatorNote !== undefined) this.debugInfo.simulatorNote = simulatorNote;
    Object.setPrototypeOf(this, OfficeError.prototype);
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function officeError(
  code: OfficeErrorCode,
  errorLocation?: string,
  simulatorNote?: string,
  message?: string,
): OfficeError {
  return new OfficeError(code, message, errorLocation, simulatorNote);
}

/** Raised when the simulator meets something it cannot reproduce faithfully; it never guesses. */
export function notSimulated(what: string, errorLocation?: string): OfficeError {
  return new OfficeError(
    'NotImplemented',
    `The Excel simulator cannot reproduce this faithfully: ${what}`,
    errorLocation,
    'Thrown by the test simulator, not by Excel. Change the code under test or extend the simulator.',
  );
}

export function propertyNotLoaded(entity: string, property: string): OfficeError {
  return new OfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

export function isOfficeError(e: unknown): e is OfficeError {
  if (e instanceof OfficeError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return typeof o.code === 'string' && typeof o.message === 'string' && typeof o.debugInfo === 'object';
}
