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

@Suite("ByteCache keys")
struct ByteCacheKeyTests {
  @Test("keys of every length up to 40 that differ in one byte never share an entry")
  func distinctKeys() {
    var cache = ByteCache<String>(limit: 1 << 20)
    var keys: [String] = []
    for length in 0...40 {
      let base = String(repeating: "a", count: length)
      keys.append(base)
      for position in 0..<length {
        var bytes = Array(base.utf8)
        bytes[position] = UInt8(ascii: "b")
        keys.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    keys.append("a\0")
    for _ in 0..<2 {
      for key in keys {
        let value = Array(key.utf8).withUnsafeBufferPointer { bytes in cache.value(for: bytes) { _ in key } }
        #expect(value == key)
      }
    }
    #expect(cache.count == Set(keys).count)
  }
}
