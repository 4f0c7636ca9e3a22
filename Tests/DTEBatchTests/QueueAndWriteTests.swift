import Foundation
import Testing
@testable import DTEBatch
import DTEKitTestSupport

@Suite("Hand-offs and group writes") struct QueueAndWriteTests {
    @Test("A batching queue delivers every element exactly once to many takers, and never strands a short tail",
          arguments: [(1, 1), (8, 1), (32, 8), (5, 5), (2, 2), (7, 6), (36, 8)])
    func queueDeliversEverything(capacity: Int, wakeAt: Int) async throws {
        let q = BoundedQueue<Int>(capacity: capacity, wakeTakersAt: wakeAt)
        let count = 5_003                       // not a multiple of any threshold: the tail is short
        let seen = Collected()
        let takers = DispatchGroup()
        for n in 0..<3 {
            takers.enter()
            Thread {
                if n == 0 {
                    while let group = q.take(upTo: 7) { #expect(!group.isEmpty && group.count <= 7); seen.add(group) }
                } else {
                    while let one = q.take() { seen.add([one]) }
                }
                takers.leave()
            }.start()
        }
        let putters = DispatchGroup()
        for p in 0..<2 {
            putters.enter()
            Thread {
                for i in stride(from: p, to: count, by: 2) { #expect(q.put(i)) }
                putters.leave()
            }.start()
        }
        #expect(putters.wait(timeout: .now() + 60) == .success, "putters blocked")
        q.close()
        #expect(takers.wait(timeout: .now() + 60) == .success, "takers stranded below the wake threshold")
        #expect(seen.sorted() == Array(0..<count))
        #expect(q.put(1) == false)
    }

    /// Found by `make stress` (loaded): the writer woke late, took 13 of 20 PDFs, and the 7 left
    /// (below the wake threshold of 8) waited for ever while rendering was paused. With
    /// `flushAfter` a short group is taken once nothing more arrives; the queue is never closed here.
    @Test("A short group below the wake threshold is still taken when the putters pause")
    func shortGroupIsFlushedWhenPuttersPause() {
        let q = BoundedQueue<Int>(capacity: 36, wakeTakersAt: 8, flushAfter: 0.05)
        let taken = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread {
            var total = 0
            while total < 3, let group = q.take(upTo: 16) { taken.add(group); total += group.count }
            done.signal()
        }.start()
        for i in 0..<3 { #expect(q.put(i)) }
        #expect(done.wait(timeout: .now() + TestSupport.hangDeadline) == .success, "3 elements stranded below the threshold of 8")
        #expect(taken.sorted() == [0, 1, 2])
        q.close()
    }

    @Test("A group write puts the good outputs in place, fails only the bad one, and leaves no temporary file")
    func groupWrite() throws {
        let dir = try TestSupport.temporaryDirectory("group-write")
        let folder = try OutputFolder(url: dir, shardTag: "", syncWrites: true)
        let items: [(data: Data, name: String)] = [
            (Data("uno".utf8), "a.pdf"), (Data("dos".utf8), "../escape.pdf"), (Data("tres".utf8), "c.pdf"),
        ]
        let errors = folder.writeAtomically(items)
        #expect(errors.count == 3)
        #expect(errors[0] == nil && errors[2] == nil)
        let bad = try #require(errors[1] ?? nil)
        #expect(bad.description.contains("../escape.pdf"))
        #expect(try String(contentsOf: dir.appendingPathComponent("a.pdf"), encoding: .utf8) == "uno")
        #expect(try String(contentsOf: dir.appendingPathComponent("c.pdf"), encoding: .utf8) == "tres")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["a.pdf", "c.pdf"])
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("escape.pdf").path))
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ v: [Int]) { lock.lock(); values += v; lock.unlock() }
    func sorted() -> [Int] { lock.lock(); defer { lock.unlock() }; return values.sorted() }
}
