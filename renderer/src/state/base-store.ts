/**
 * The one shape every renderer store has (after GitHub Desktop's TypedBaseStore): a snapshot
 * that is replaced, never mutated, and `subscribe`, so React reads it with useSyncExternalStore
 * and non-React code (notifications) listens the same way. Each store subscribes to its bridge
 * event once, in `start`, for the whole app.
 */
import { describeError, type DescribedError } from '../errors/describe-error';

export interface StoreSnapshot<T> {
  /** Null until the core first answered. */
  readonly value: T | null;
  /** Why the core could not be read (describeError); null when it could. */
  readonly error: DescribedError | null;
}

export abstract class BaseStore<T> {
  private snapshot: StoreSnapshot<T> = { value: null, error: null };
  private readonly listeners = new Set<() => void>();

  /** Starts following the core (the initial read and the store's event); returns the stop. */
  abstract start(): () => void;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): StoreSnapshot<T> => this.snapshot;

  /**
   * Follows the core for `start`: listens first (`listen` returns the stop), so no change is
   * missed, then reads the current value once; a read that answers after the stop is dropped.
   * Returns the stop.
   */
  protected listenThenRead<V>(
    listen: () => () => void,
    read: () => Promise<V>,
    onRead: (value: V) => void,
  ): () => void {
    let live = true;
    const off = listen();
    read().then(
      (value) => live && onRead(value),
      (reason: unknown) => live && this.fail(reason),
    );
    return () => {
      live = false;
      off();
    };
  }

  protected emit(value: T): void {
    this.replace({ value, error: null });
  }

  protected fail(reason: unknown): void {
    this.replace({ value: this.snapshot.value, error: describeError(reason) });
  }

  private replace(next: StoreSnapshot<T>): void {
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }
}
