// Preloaded into the benchmarked child (node --import): reports the process's peak RSS (all threads) at exit.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAXRSS_KB=${u.maxRSS} BENCH_CPU_MS=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
