import Inputs
import XCTest

final class NewlineCounterTests: XCTestCase {
    func testMatchesANaiveCountAtEveryAlignment() {
        var rng = SystemRandomNumberGenerator()
        let pool: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x0A ^ 0x80, 0x00, 0xFF, 0x41]
        for length in 0..<80 {
            let bytes = (0..<length + 7).map { _ in pool.randomElement(using: &rng)! }
            for start in 0..<min(8, bytes.count) {
                let slice = Array(bytes[start...])
                let counted = slice.withUnsafeBytes { NewlineCounter.count($0) }
                XCTAssertEqual(counted, slice.filter { $0 == 0x0A }.count, "length \(length) start \(start)")
            }
        }
        let all = [UInt8](repeating: 0x0A, count: 1000)
        XCTAssertEqual(all.withUnsafeBytes { NewlineCounter.count($0) }, 1000)
    }
}
