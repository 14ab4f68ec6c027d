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

@Suite("PairCounter")
struct PairCounterTests {
  @Test("counts every (slot, name) key and keeps its first order across growth")
  func countsAcrossGrowth() {
    var counter = PairCounter()
    defer { counter.deallocate() }
    // 3,000 keys, key k seen (k % 5) + 1 times, first at order 10 * k.
    for round in 0..<5 {
      for key in 0..<3_000 where key % 5 >= round {
        let slot = UInt64(key / 100)
        let name = UInt64(key % 100)
        counter.add(slot << 32 | name, order: 10 * key + round)
      }
    }
    var seen: [UInt64: (Int, Int)] = [:]
    counter.forEach { key, count, first in seen[key] = (count, first) }
    #expect(seen.count == 3_000)
    for key in 0..<3_000 {
      let entry = seen[UInt64(key / 100) << 32 | UInt64(key % 100)]
      #expect(entry?.0 == key % 5 + 1 && entry?.1 == 10 * key, "key \(key)")
    }
  }
}
