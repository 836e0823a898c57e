"""liza's benchmarks: side-by-side comparisons against a sandbox in a subprocess."""
