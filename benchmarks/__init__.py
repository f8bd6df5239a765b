"""certalign's benchmarks: `make bench` (or `python -m benchmarks.run`)."""
