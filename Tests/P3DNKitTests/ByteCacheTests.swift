import Testing

@testable import P3DNKit

@Suite("ByteCache")
struct ByteCacheTests {
  @Test("computes each distinct key once, keeps values across growth")
  func computesOnce() {
    var cache = ByteCache<Int>(limit: 10_000)
    var computed = 0
    for round in 0..<3 {
      for number in 0..<1_000 {
        let key = Array("kode-\(number)".utf8)
        let value = key.withUnsafeBufferPointer { bytes in
          cache.value(for: bytes) { _ in
            computed += 1
            return number
          }
        }
        #expect(value == number, "round \(round)")
      }
    }
    #expect(computed == 1_000)
    #expect(cache.count == 1_000)
  }

  @Test("past its limit it computes instead of storing")
  func limit() {
    var cache = ByteCache<Int>(limit: 2)
    var computed = 0
    for _ in 0..<2 {
      for key in ["a", "b", "c", ""] {
        _ = Array(key.utf8).withUnsafeBufferPointer { bytes in
          cache.value(for: bytes) { _ in
            computed += 1
            return 0
          }
        }
      }
    }
    #expect(cache.count == 2)
    // a and b stored once each; c and "" computed on both rounds.
    #expect(computed == 6)
  }
}
