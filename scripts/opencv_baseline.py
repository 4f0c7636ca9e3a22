#!/usr/bin/env python3
"""OpenCV baseline for the IDScan benchmark (not part of `make test`).

Times, on one thread, what a minimal OpenCV blur check costs on the same 4000x3000 JPEG the
IDScan benchmark checks: cv2.imread + cv2.Laplacian(...).var(), full size and with
IMREAD_REDUCED_GRAYSCALE_4. Needs: pip install opencv-python-headless numpy.

Usage: python3 scripts/opencv_baseline.py [FILE] [--runs N]
FILE defaults to $TMPDIR/dtekit-idscan-benchmark.jpg, written by the IDScanBenchmarks run
(cd Benchmarks && swift package --allow-writing-to-package-directory benchmark --target IDScanBenchmarks).
"""
import os
import statistics
import sys
import tempfile
import time

import cv2

cv2.setNumThreads(1)


def measure(label, fn, runs):
    fn()  # warm up
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    print(f"{label:58s} wall median {statistics.median(times):6.1f} ms  p90 {sorted(times)[int(len(times) * 0.9) - 1]:6.1f} ms"
          f"  cpu median {statistics.median(cpu):6.1f} ms")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 30
    if "--runs" in sys.argv:
        args = [a for a in args if a != str(runs)]
    path = args[0] if args else os.path.join(tempfile.gettempdir(), "dtekit-idscan-benchmark.jpg")
    if not os.path.exists(path):
        sys.exit(f"{path} not found: run the IDScanBenchmarks benchmark first (it writes the photo)")
    print(f"file {path} ({os.path.getsize(path) / 1024:.0f} KiB), OpenCV {cv2.__version__}, 1 thread, {runs} runs")

    def full():
        img = cv2.imread(path)
        gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        return cv2.Laplacian(gray, cv2.CV_64F).var()

    def reduced():
        gray = cv2.imread(path, cv2.IMREAD_REDUCED_GRAYSCALE_4)
        return cv2.Laplacian(gray, cv2.CV_64F).var()

    measure("cv2.imread (colour) + cvtColor + Laplacian().var()", full, runs)
    measure("cv2.imread(IMREAD_REDUCED_GRAYSCALE_4) + Laplacian().var()", reduced, runs)


if __name__ == "__main__":
    main()
