import Foundation
@testable import ScanEngine
import XCTest

/// The queue between the walker and the workers: batches bounded by count and weight,
/// every element delivered once, in order, across threads.
final class BlockingQueueTests: XCTestCase {
    func testBatchesStopAtTheCountOrTheWeightButTakeAtLeastOne() {
        let q = BlockingQueue<UInt64>(capacity: 100)
        q.push(contentsOf: [10, 10, 10, 500, 10, 10])
        q.close()
        let weight: (UInt64) -> UInt64 = { $0 }
        XCTAssertEqual(q.pop(maxCount: 2, maxWeight: 1000, weight: weight), [10, 10])
        XCTAssertEqual(q.pop(maxCount: 10, maxWeight: 100, weight: weight), [10], "500 would exceed the weight")
        XCTAssertEqual(q.pop(maxCount: 10, maxWeight: 100, weight: weight), [500], "a heavy element goes alone")
        XCTAssertEqual(q.pop(maxCount: 10, maxWeight: 100, weight: weight), [10, 10])
        XCTAssertEqual(q.pop(maxCount: 10, maxWeight: 100, weight: weight), [], "closed and drained")
        XCTAssertEqual(q.pop(maxCount: 10, maxWeight: 100, weight: weight), [], "and stays so")
    }

    func testEveryElementReachesExactlyOneConsumerInOrderPerProducerBatch() {
        let q = BlockingQueue<Int>(capacity: 64)
        let total = 20_000
        let lock = NSLock()
        nonisolated(unsafe) var seen: [[Int]] = []
        let group = DispatchGroup()
        for _ in 0..<3 {
            group.enter()
            Thread {
                var mine: [Int] = []
                while true {
                    let batch = q.pop(maxCount: 16, maxWeight: 1 << 20, weight: { _ in 1 })
                    if batch.isEmpty { break }
                    mine += batch
                }
                lock.lock(); seen.append(mine); lock.unlock()
                group.leave()
            }.start()
        }
        var next = 0
        while next < total {
            let n = min(total - next, 1 + next % 37)
            q.push(contentsOf: Array(next..<(next + n)))
            next += n
        }
        q.close()
        XCTAssertEqual(group.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(seen.flatMap { $0 }.sorted(), Array(0..<total))
        for consumer in seen { XCTAssertEqual(consumer, consumer.sorted(), "each consumer sees elements in queue order") }
    }
}
