// How the language server's Node process is started, shared by every launcher (the VS Code client,
// the test harness, the benchmark; the bin's shebang repeats both).
// A small V8 young generation: re-checks allocate little since Markdown chunks are cached, and the
// default 2 × 16 MiB semi-spaces would stay committed. Measured (npm run bench, 50 open reports):
// RSS 90 → 74 MiB, 1 MB didChange p95 50 → 61 ms.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
// glibc's malloc raises its trim and mmap thresholds as a process frees large blocks, and then keeps
// the freed memory (V8's compiler zones, parser buffers) instead of returning it to the system.
// A fixed threshold (glibc's initial 128 KiB) stops that. Measured (npm run bench, 50 open reports):
// RSS 76–81 → 67–68 MiB, with no change in the latency figures beyond noise. Ignored off glibc.
export const SERVER_ENV: Record<string, string> = { MALLOC_TRIM_THRESHOLD_: '131072' };
