// The failures the demo's fake services raise. pg-boss stores a thrown error with its name,
// message, stack and own properties, so the console shows them as a real outage would.

/** A payment provider's refusal, shaped like a card processor's error. */
export class CardError extends Error {
  readonly code: string;
  readonly declineCode: string;
  constructor(message: string, declineCode: string) {
    super(message);
    this.name = 'CardError';
    this.code = 'card_declined';
    this.declineCode = declineCode;
  }
}

/** A payment gateway that did not answer in time. */
export class GatewayTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(provider: string, timeoutMs: number) {
    super(`${provider}: no response from the acquirer after ${timeoutMs} ms`);
    this.name = 'GatewayTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** An SMTP server's rejection. */
export class SmtpError extends Error {
  readonly responseCode: number;
  constructor(responseCode: number, message: string) {
    super(`${responseCode} ${message}`);
    this.name = 'SmtpError';
    this.responseCode = responseCode;
  }
}

/** A webhook endpoint that answered with an error status or not at all. */
export class DeliveryError extends Error {
  readonly url: string;
  readonly status: number | null;
  constructor(url: string, status: number | null, message: string) {
    super(message);
    this.name = 'DeliveryError';
    this.url = url;
    this.status = status;
  }
}

/** A reporting query that the database cancelled. */
export class QueryTimeoutError extends Error {
  readonly code = '57014';
  constructor(statementTimeoutMs: number) {
    super(`canceling statement due to statement timeout (statement_timeout=${statementTimeoutMs}ms)`);
    this.name = 'QueryTimeoutError';
  }
}

/** The warehouse could not reserve stock for an order line. */
export class StockError extends Error {
  readonly sku: string;
  constructor(sku: string, requested: number, available: number) {
    super(`Insufficient stock for ${sku}: requested ${requested}, available ${available}`);
    this.name = 'StockError';
    this.sku = sku;
  }
}
