// Preloaded into the benchmarked child (node --import): reports the process's peak RSS (all threads) at exit.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
