// Preloaded (`node --require`) into a command the benchmark runs: prints the process's peak resident memory on
// exit, so the benchmark can report what the command itself needed.
'use strict';
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
