/**
 * `npm run bench`: the speed and memory figures, printed. Each benchmark stops by itself and
 * only talks to servers it starts on 127.0.0.1. Tests stay deterministic; figures live here.
 */
const benchmarks = ['./sandbox-million.ts', './conntest-cli.ts'];

for (const benchmark of benchmarks) {
  console.log(`\n== ${benchmark}`);
  await import(benchmark);
}
export {};
