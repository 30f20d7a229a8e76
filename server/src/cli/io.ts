// Where the command line writes: the process's streams, or a test's buffers.
export interface Io {
  out(s: string): void;
  err(s: string): void;
}
