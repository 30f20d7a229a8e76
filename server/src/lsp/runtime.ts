// How the language server's Node process is started, shared by every launcher (the VS Code client,
// the test harness, the benchmark; the bin's shebang repeats it).
// A small V8 young generation: re-checks allocate little since Markdown chunks are cached, and the
// default 2 × 16 MiB semi-spaces would stay committed. Measured (npm run bench, 50 open reports):
// RSS 90 → 74 MiB, 1 MB didChange p95 50 → 61 ms.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
