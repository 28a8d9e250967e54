import type { JobEngine } from '../contracts/engine.ts';
import type { Presenter } from '../presenter/presenter.ts';
import type { Access } from './access.ts';

/** What every service works with. */
export interface ServiceContext {
  readonly engine: JobEngine;
  readonly access: Access;
  readonly presenter: Presenter;
}
