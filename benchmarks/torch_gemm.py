#!/usr/bin/python3
"""torch.mm GFLOP/s for square n x n matrices (A · Bᵀ, as a Linear layer multiplies), 1 and 2 threads:
the OpenBLAS side of the GEMM comparison. One JSON line per size and thread count."""
import json, sys, time, torch
for threads in (1, 2):
    torch.set_num_threads(threads)
    for n in (128, 512, 1024):
        a = torch.randn(n, n); b = torch.randn(n, n); c = torch.empty(n, n)
        for _ in range(10): torch.mm(a, b.t(), out=c)
        k = 0; t0 = time.perf_counter()
        while time.perf_counter() - t0 < 1.5:
            torch.mm(a, b.t(), out=c); k += 1
        dt = time.perf_counter() - t0
        print(json.dumps({"workload": f"gemm-{n}", "threads": threads, "gflops": round(2 * n**3 * k / dt / 1e9, 2)}))
