"""msa-tui benchmarks: `python -m benchmarks` (or `make bench`) measures every figure of issue 12."""
