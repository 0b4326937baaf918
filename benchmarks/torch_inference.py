#!/usr/bin/python3
"""PyTorch's side of InferenceBenchmark: inference as a service runs it, one call per request, under
torch.no_grad() in eval mode. Per network and batch size, one JSON line: the latency of each call, p50
and p99 in microseconds (batch 1), and rows per second from the mean (batch 256).

Usage: torch_inference.py [--threads N] [--seconds S]   (Debian's /usr/bin/python3 with python3-torch)
"""
import argparse, json, time
import torch
import torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--seconds", type=float, default=3.0)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


NETWORKS = {
    "mnist-784-128-10": (lambda: nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)), [784]),
    "lenet5": (lenet5, [1, 28, 28]),
    "mlp-784-512-512-10": (lambda: nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(),
                                                 nn.Linear(512, 10)), [784]),
}

for name, (build, shape) in NETWORKS.items():
    net = build().eval()
    for batch in (1, 256):
        x = torch.randn([batch] + shape)
        with torch.no_grad():
            end = time.perf_counter() + 1.0
            while time.perf_counter() < end:
                net(x)
            times = []
            end = time.perf_counter() + a.seconds
            while time.perf_counter() < end:
                t0 = time.perf_counter_ns()
                net(x)
                times.append(time.perf_counter_ns() - t0)
        times.sort()
        mean = sum(times) / len(times) / 1000
        print(json.dumps({"network": name, "batch": batch, "threads": a.threads, "calls": len(times),
                          "p50_us": times[len(times) // 2] / 1000, "p99_us": times[int(len(times) * 0.99)] / 1000,
                          "mean_us": mean, "rows_per_s": batch / mean * 1e6}), flush=True)
