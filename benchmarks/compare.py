#!/usr/bin/env python3
"""Runs Kiln's and PyTorch's benchmarks alternately on this machine and prints the ratios.

Both sides run the same workloads (names and shapes of ../shared/bench/torch_bench.py, torch_cnn_bench.py and
torch_seq_bench.py). Machines are
noisy: each configuration runs --rounds times, interleaved with the others, and its best round counts.
PyTorch counts as the best of 1 and 2 threads; Kiln runs on every JDK given (JDK 17 and 25 by default).

Usage: benchmarks/compare.py [--seconds S] [--rounds R] [--only NAME] [--fashion] [--jdk PATH ...] [--baseline CHECKOUT]
Needs: the project built (mvn -DskipTests clean package), /usr/bin/python3 with torch (Debian's python3-torch,
with libopenblas0-pthread), and for --fashion Debian's dataset-fashion-mnist.

--baseline runs a second build of Kiln, another checkout built the same way (for instance
`git worktree add /tmp/kiln-base <commit> && mvn -f /tmp/kiln-base -q -DskipTests package`), interleaved
with this one, and prints this build's speed over the baseline's per workload: a change that should
not cost speed is measured against the code before it in one sitting.
"""
import argparse, glob, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "bench")
TARGETS = {"blobs-2-10-2-b200-sgd": 50, "linear-4-3-b7-sgd": 50, "binary-20-16-1-b64-bcelogits": 30,
           "mnist-784-128-10-b64-sgd": 2, "mnist-784-128-10-b64-adam": 2, "mlp-784-512-512-10-b256-adam": 1.5,
           "lenet5-1x28x28-b64-sgd": 2, "tutorialcnn-1x28x28-b64-sgd": 2, "smallvgg-3x32x32-b64-adam": 1.5,
           "miniresnet-1x28x28-b64-sgd": 2, "encoder-2x64-l32-b64-adam": 3, "encoder-4x128-l64-b32-adam": 2,
           "gpt-4x128-l64-b32-adam": 2}


def lines(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr[-2000:]}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]


def classpath(root):
    """The benchmarks' class path in the checkout at root: its own modules' classes, never installed jars."""
    bench = os.path.join(root, "benchmarks")
    path = os.path.join(bench, "target", "classpath.txt")
    subprocess.run(["mvn", "-q", "-f", os.path.join(bench, "pom.xml"), "dependency:build-classpath",
                    f"-Dmdep.outputFile={path}"], check=True)
    jars = [j for j in open(path).read().strip().split(os.pathsep) if os.sep + os.path.join("dev", "kiln") + os.sep not in j]
    modules = [os.path.join(root, m, "target", "classes")
               for m in ("dsl-annotations", "runtime", "plots", "samples", "benchmarks")]
    return os.pathsep.join(modules + jars)


def peak(java, cp):
    """The machine's FMA peak in GFLOP/s on 1 and 2 threads, measured now (PeakFlops)."""
    return lines([java, "--add-modules", "jdk.incubator.vector", "-cp", cp, "dev.kiln.benchmarks.PeakFlops"])[-1]


def share(gflops, peak_gflops):
    """A GFLOP/s figure with its share of the peak; one above the peak means the benchmark counts wrong: stop."""
    if gflops > peak_gflops * 1.02:
        sys.exit(f"{gflops:.1f} GFLOP/s is above this machine's measured peak of {peak_gflops:.1f} GFLOP/s: "
                 "the benchmark counts wrong")
    return f"{gflops:.0f} GFLOP/s, {100 * gflops / peak_gflops:.0f}% of peak"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=3.0)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--only", default="", help="only the workloads whose names contain this")
    p.add_argument("--fashion", action="store_true")
    p.add_argument("--jdk", action="append", help="a JDK's home; default: the java on PATH and Temurin 25")
    p.add_argument("--baseline", help="another checkout of Kiln, built, to measure this build against")
    a = p.parse_args()
    jdks = a.jdk or ["", *sorted(glob.glob("/usr/lib/jvm/temurin-25*"))]
    cp = classpath(os.path.join(HERE, ".."))
    builds = {"this": cp}
    if a.baseline:
        builds["baseline"] = classpath(os.path.abspath(a.baseline))
    kiln, torch, gemm_torch, fashion = {}, {}, {}, {}
    by_build = {}
    kiln_gflops = {}
    before = peak("java", cp)

    def java(jdk):
        return os.path.join(jdk, "bin", "java") if jdk else "java"

    for _ in range(a.rounds):
        for threads in (1, 2):
            for script in ("torch_bench.py", "torch_cnn_bench.py", "torch_seq_bench.py"):
                for r in lines(["/usr/bin/python3", os.path.join(SHARED, script), "--threads", str(threads),
                                "--seconds", str(a.seconds)] + (["--only", a.only] if a.only else [])):
                    torch[r["workload"]] = max(torch.get(r["workload"], 0), r["steps_per_s"])
            for jdk in jdks:
                for build, build_cp in builds.items():
                    for r in lines([java(jdk), "--add-modules", "jdk.incubator.vector", "-cp", build_cp,
                                    "dev.kiln.benchmarks.KilnBench", "--seconds", str(a.seconds)]
                                   + (["--only", a.only] if a.only else [])):
                        key = (r["workload"], r["jdk"])
                        value = r.get("steps_per_s", r["gflops"])
                        by_build[(build,) + key] = max(by_build.get((build,) + key, 0), value)
                        if build == "this":
                            kiln[key] = max(kiln.get(key, 0), value)
                            kiln_gflops[key] = max(kiln_gflops.get(key, 0), r["gflops"])
        for r in ([] if a.only else lines(["/usr/bin/python3", os.path.join(HERE, "torch_gemm.py")])):
            gemm_torch[r["workload"]] = max(gemm_torch.get(r["workload"], 0), r["gflops"])
        if a.fashion:
            for net in ("mlp", "lenet5"):
                for threads in (1, 2):
                    r = lines(["/usr/bin/python3", os.path.join(SHARED, "torch_fashion.py"), "--threads", str(threads),
                               "--net", net])
                    best = fashion.get((net, "torch"))
                    if best is None or r[-1]["train_s"] < best[0]:
                        fashion[(net, "torch")] = (r[-1]["train_s"], r[-2]["test_acc"])
                for jdk in jdks:
                    r = lines([java(jdk), "--add-modules", "jdk.incubator.vector", "-cp", cp,
                               "dev.kiln.benchmarks.FashionBench", "--net", net])
                    key = (net, "kiln-" + str(r[-1]["jdk"]))
                    if key not in fashion or r[-1]["train_s"] < fashion[key][0]:
                        fashion[key] = (r[-1]["train_s"], r[-2]["test_acc"])

    # Measured before and after, the higher of each kept: a busy moment can only lower it.
    after = peak("java", cp)
    machine = {k: max(before[k], after[k]) if k.startswith("peak") else before[k] for k in before}
    print(f"Peak (PeakFlops, FMA on {machine['lanes']} float lanes): {machine['peak_gflops_1']:.0f} GFLOP/s on 1 "
          f"thread, {machine['peak_gflops_2']:.0f} on 2.\n")
    versions = sorted({jdk for _, jdk in kiln})
    top = machine["peak_gflops_2"]
    print("| workload | PyTorch steps/s (best of 1, 2 threads) | " + " | ".join(
        f"Kiln JDK {v} steps/s (GFLOP/s, share of the 2-thread peak) | ratio" for v in versions) + " | target |")
    print("| --- | ---: | " + " | ".join("---: | ---:" for _ in versions) + " | ---: |")
    for name, target in TARGETS.items():
        if name not in torch:
            continue
        cells = []
        for v in versions:
            k = kiln.get((name, v), 0)
            cells.append(f"{k:,.0f} ({share(kiln_gflops.get((name, v), 0), top)}) | {k / torch[name]:.1f}x")
        print(f"| {name} | {torch[name]:,.0f} | " + " | ".join(cells) + f" | >= {target}x |")
    for size in (128, 512, 1024) if gemm_torch else ():
        name = f"gemm-{size}"
        cells = [f"{share(kiln.get((name, v), 0), top)} | {kiln.get((name, v), 0) / gemm_torch[name]:.2f}x"
                 for v in versions]
        print(f"| {name} (torch.mm) | {share(gemm_torch[name], top)} | " + " | ".join(cells)
              + (" | >= 0.6x |" if size == 512 else " | |"))
    if a.baseline:
        print("\n| workload | JDK | this build | baseline | this / baseline |")
        print("| --- | --- | ---: | ---: | ---: |")
        for (build, name, v), value in sorted(by_build.items()):
            if build == "this" and ("baseline", name, v) in by_build:
                base = by_build[("baseline", name, v)]
                print(f"| {name} | {v} | {value:,.1f} | {base:,.1f} | {value / base:.2f} |")
    for net, title in (("mlp", "784-128-10"), ("lenet5", "LeNet-5")):
        if (net, "torch") not in fashion:
            continue
        t, acc = fashion[(net, "torch")]
        print(f"\nFashion-MNIST {title}, Adam 1e-3, batch 64, 5 epochs: PyTorch {t:.2f} s (test accuracy {acc:.4f})")
        for key in sorted(k for k in fashion if k[0] == net and k[1] != "torch"):
            s, kacc = fashion[key]
            print(f"  {key[1]}: {s:.2f} s = {s / t:.2f} of PyTorch's time (test accuracy {kacc:.4f})")


if __name__ == "__main__":
    main()
