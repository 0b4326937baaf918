#!/usr/bin/env python3
"""Inference, Kiln against ONNX Runtime Java and PyTorch, in one run on this machine: the JMH
InferenceBenchmark (Kiln's forward(x, out) on 2 threads and on 1, the exported model in ONNX Runtime with
1 and 2 intra-op threads) and torch_inference.py (best of 1 and 2 threads), then one markdown table:
latency p50 and p99 at batch 1, rows per second at batch 256, and Kiln's ratios (as it runs by default, on 2
threads where it chooses them) to the best of the others. Kiln on 1 thread shows what the second core buys.

Usage: benchmarks/compare_inference.py [--jdk JAVA_HOME] [--quick]   after `mvn -q -DskipTests install`

PeakFlops runs first; every GFLOP/s figure is printed with its share of that peak, and one above the peak
stops the script: the benchmark would be counting wrong.
"""
import argparse, json, os, pathlib, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


# Floating-point operations per row of each network's forward pass (multiply-adds counted as 2; pools,
# activations and biases left out): the GFLOP/s of the batch-256 table, checked against the peak.
FLOPS_PER_ROW = {"mnist-784-128-10": 2 * (784 * 128 + 128 * 10),
                 "lenet5": 2 * (6 * 28 * 28 * 25 + 16 * 10 * 10 * 150 + 400 * 120 + 120 * 84 + 84 * 10),
                 "mlp-784-512-512-10": 2 * (784 * 512 + 512 * 512 + 512 * 10)}


def classpath():
    """A one-entry class path: a jar whose manifest lists the benchmarks' classes and every jar they need.

    JMH forks its benchmark JVMs with the class path it was started with, on their command line; ONNX
    Runtime 1.29's Java binding crashes (exit 139) in a JVM whose command line passes about 4 KB, which the
    full class path does. The manifest keeps the command line short.
    """
    out = os.path.join(HERE, "target", "classpath.txt")
    subprocess.run(["mvn", "-q", "-o", "-f", os.path.join(HERE, "pom.xml"), "dependency:build-classpath",
                    "-Dmdep.outputFile=" + out], check=True, stdout=subprocess.DEVNULL)
    entries = [os.path.join(HERE, "target", "classes")] + open(out).read().strip().split(os.pathsep)
    urls = [pathlib.Path(e).as_uri() + ("/" if os.path.isdir(e) else "") for e in entries]
    manifest = "Manifest-Version: 1.0\r\n" + wrap("Class-Path: " + " ".join(urls)) + "\r\n"
    jar = os.path.join(HERE, "target", "jmh-classpath.jar")
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", manifest)
    return jar


def wrap(line):
    """A manifest line: at most 72 bytes, continued on lines that start with a space."""
    data = line.encode()
    parts = [data[:72]] + [data[i:i + 71] for i in range(72, len(data), 71)]
    return "\r\n ".join(p.decode() for p in parts) + "\r\n"


def peak(java, cp):
    """The machine's FMA peak, GFLOP/s on 1 and 2 threads (PeakFlops)."""
    out = subprocess.run([java, "--add-modules", "jdk.incubator.vector", "-cp", cp,
                          "dev.kiln.benchmarks.PeakFlops"], check=True, capture_output=True, text=True).stdout
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def share(gflops, peak_gflops):
    """A GFLOP/s figure with its share of the peak; above the peak, the benchmark is wrong: stop."""
    if gflops > peak_gflops * 1.02:
        sys.exit(f"{gflops:.1f} GFLOP/s is above this machine's measured peak of {peak_gflops:.1f}: "
                 "the benchmark counts wrong")
    return f"{gflops:.0f} GFLOP/s, {100 * gflops / peak_gflops:.0f}%"


def jmh(java, cp, extra, engines, quick):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        result = f.name
    timing = ["-wi", "2", "-i", "2", "-w", "1", "-r", "1"] if quick else []
    subprocess.run([java, "-cp", cp, "org.openjdk.jmh.Main", "InferenceBenchmark", "-p", "engine=" + engines,
                    "-rf", "json", "-rff", result] + timing + extra, check=True, stdout=subprocess.DEVNULL)
    rows = json.load(open(result))
    os.unlink(result)
    return {(r["params"]["network"], int(r["params"]["batch"]), r["params"]["engine"]): r["primaryMetric"]
            for r in rows}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jdk", default=None)
    p.add_argument("--quick", action="store_true")
    a = p.parse_args()
    java = os.path.join(a.jdk, "bin", "java") if a.jdk else "java"
    cp = classpath()
    # Measured before and after, the higher of each kept: a busy moment can only lower it.
    before = peak(java, cp)
    results = jmh(java, cp, [], "kiln,onnxruntime-1,onnxruntime-2", a.quick)
    # -jvmArgsAppend replaces the benchmark's own, which adds the Vector API module.
    one = jmh(java, cp, ["-jvmArgsAppend", "--add-modules jdk.incubator.vector -Dkiln.threads=1"], "kiln", a.quick)
    for (network, batch, _), metric in one.items():
        results[(network, batch, "kiln-1-thread")] = metric
    torch = {}
    for threads in (1, 2):
        out = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "torch_inference.py"), "--threads", str(threads)],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            r = json.loads(line)
            key = (r["network"], r["batch"])
            best = torch.get(key)
            if best is None or (r["p50_us"] < best["p50_us"] if r["batch"] == 1
                                else r["rows_per_s"] > best["rows_per_s"]):
                torch[key] = r

    after = peak(java, cp)
    machine = {k: max(before[k], after[k]) if k.startswith("peak") else before[k] for k in before}
    print(f"Peak (PeakFlops, FMA on {machine['lanes']} float lanes): {machine['peak_gflops_1']:.0f} GFLOP/s on 1 "
          f"thread, {machine['peak_gflops_2']:.0f} on 2.\n")

    def p(metric, q):
        return metric["scorePercentiles"][q]

    networks = ["mnist-784-128-10", "lenet5", "mlp-784-512-512-10"]
    print("Batch 1, latency per call in µs (p50 / p99):\n")
    print("| network | Kiln, 2 threads | Kiln, 1 thread | ONNX Runtime, 1 thread | ONNX Runtime, 2 threads "
          "| PyTorch (best of 1, 2 threads) | Kiln's p50 / best other's | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in networks:
        cells = [f"{p(results[(n, 1, e)], '50.0'):.1f} / {p(results[(n, 1, e)], '99.0'):.1f}"
                 for e in ("kiln", "kiln-1-thread", "onnxruntime-1", "onnxruntime-2")]
        t = torch[(n, 1)]
        kiln = p(results[(n, 1, "kiln")], "50.0")
        best_other = min(p(results[(n, 1, "onnxruntime-1")], "50.0"), p(results[(n, 1, "onnxruntime-2")], "50.0"),
                         t["p50_us"])
        print(f"| {n} | " + " | ".join(cells) + f" | {t['p50_us']:.1f} / {t['p99_us']:.1f} | "
              f"{kiln / best_other:.2f} | <= 0.33 |")
    print("\nBatch 256, rows per second (from the mean time per call), each with its GFLOP/s and their share of"
          " the peak for its thread count:\n")
    print("| network | Kiln, 2 threads | Kiln, 1 thread | ONNX Runtime, 1 thread | ONNX Runtime, 2 threads "
          "| PyTorch (best of 1, 2 threads) | Kiln / best other | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in networks:
        rates = {e: 256 / results[(n, 256, e)]["score"] * 1e6
                 for e in ("kiln", "kiln-1-thread", "onnxruntime-1", "onnxruntime-2")}
        t = torch[(n, 256)]
        best_other = max(rates["onnxruntime-1"], rates["onnxruntime-2"], t["rows_per_s"])
        one_thread = {"kiln-1-thread", "onnxruntime-1"}

        def cell(rate, threads_one):
            limit = machine["peak_gflops_1" if threads_one else "peak_gflops_2"]
            return f"{rate:,.0f} ({share(rate * FLOPS_PER_ROW[n] / 1e9, limit)})"
        # PyTorch against the 2-thread peak whatever its thread count: Debian's OpenBLAS keeps its own two
        # threads under torch.set_num_threads(1) (BENCHMARKS.md, "How to run").
        print(f"| {n} | " + " | ".join(cell(rates[e], e in one_thread) for e in rates)
              + f" | {cell(t['rows_per_s'], False)} | {rates['kiln'] / best_other:.2f}x | >= 1.5x |")


if __name__ == "__main__":
    sys.exit(main())
