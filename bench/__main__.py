"""Benchmarks (not tests). The performance issue fills this in; see docs/ for results."""

print("No benchmarks yet: the performance issue adds them (make bench).")
