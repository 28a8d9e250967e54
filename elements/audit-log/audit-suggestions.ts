import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuditSuggestionsResponse } from '../../core/vocabulary/wire.ts';
import type { ApiClient } from '../api/api-client.ts';

/** The audit filters that suggest values. */
export type SuggestedFilter = AuditSuggestionsResponse['field'];
export type AuditSuggestionOption = AuditSuggestionsResponse['suggestions'][number];

/** How long typing pauses before suggestions are asked for. */
const PAUSE_MS = 150;

/**
 * The values the audit filters suggest as the operator types (operators by name, queue names),
 * from `GET api/audit/suggestions`: asked once typing pauses, an older request dropped for a newer
 * one. Suggestions are a help: one that fails leaves the field as it is, with none.
 */
export class AuditSuggestions implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #api: () => ApiClient;
  readonly #options = new Map<SuggestedFilter, readonly AuditSuggestionOption[]>();
  readonly #asked = new Map<SuggestedFilter, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | undefined;

  constructor(host: ReactiveControllerHost, api: () => ApiClient) {
    this.#host = host;
    this.#api = api;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#request?.abort();
  }

  /** The values suggested for `field`, for what was typed last. */
  options(field: SuggestedFilter): readonly AuditSuggestionOption[] {
    return this.#options.get(field) ?? [];
  }

  /** Asks for the values of `field` that start with `text`, once typing pauses. */
  ask(field: SuggestedFilter, text: string): void {
    const prefix = text.trim();
    if (this.#asked.get(field) === prefix) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#load(field, prefix), PAUSE_MS);
  }

  async #load(field: SuggestedFilter, prefix: string): Promise<void> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    try {
      const answer = await this.#api().auditSuggestions(field, prefix, request.signal);
      this.#asked.set(field, prefix);
      this.#options.set(field, answer.suggestions);
      this.#host.requestUpdate();
    } catch {
      // Dropped for a newer request, or failed: the field works without suggestions.
    }
  }
}
