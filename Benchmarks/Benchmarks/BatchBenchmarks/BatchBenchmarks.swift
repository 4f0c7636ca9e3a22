import Benchmark
import DTEKit

let benchmarks: @Sendable () -> Void = {
    Benchmark("placeholder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(RUT.checkDigit(for: 76_354_771)) }
    }
}
