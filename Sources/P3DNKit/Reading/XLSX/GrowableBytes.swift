#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes kept in one allocation that doubles when it fills, without the reference counting
/// and uniqueness checks of an array on the hot path.
///
/// The allocation grows with `realloc`, which moves a large block by remapping its pages
/// rather than copying them, so a buffer of tens of megabytes (a shared-string table) is
/// not held twice while it grows. A pointer into the bytes stays valid until the next call
/// that grows the allocation (an append past ``capacity``) or moves the bytes
/// (``removeFirst(_:)``).
final class GrowableBytes {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int = 4096) {
    self.capacity = max(capacity, 16)
    base = Self.allocate(self.capacity)
  }

  deinit { free(base) }

  @inline(__always)
  subscript(index: Int) -> UInt8 {
    get { base[index] }
    set { base[index] = newValue }
  }

  /// The bytes `start..<end`.
  @inline(__always)
  func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base + start, count: end - start)
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count &+= bytes.count
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    append(bytes.assumingMemoryBound(to: UInt8.self))
  }

  func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Counts `extra` bytes written past the end (into room made by ``reserve(_:)``) as
  /// appended.
  @inline(__always)
  func extendCount(by extra: Int) { count &+= extra }

  /// Keeps the first `count` bytes.
  @inline(__always)
  func truncate(to count: Int) { self.count = min(count, self.count) }

  func removeAll() { count = 0 }

  /// Drops the first `dropped` bytes, moving the others to the front.
  func removeFirst(_ dropped: Int) {
    let remaining = count - dropped
    if remaining > 0 { base.update(from: base + dropped, count: remaining) }
    count = max(remaining, 0)
  }

  /// Gives back the room past the bytes (for a buffer kept long after it was filled).
  func shrinkToFit() {
    guard capacity > count + 64 else { return }
    resize(to: max(count, 16))
  }

  private func grow(to needed: Int) {
    var larger = capacity
    while larger < needed { larger *= 2 }
    resize(to: larger)
  }

  private func resize(to size: Int) {
    if let moved = realloc(base, size) {
      base = moved.assumingMemoryBound(to: UInt8.self)
    } else {
      let moved = Self.allocate(size)
      moved.update(from: base, count: min(count, size))
      free(base)
      base = moved
    }
    capacity = size
  }

  private static func allocate(_ size: Int) -> UnsafeMutablePointer<UInt8> {
    if let memory = malloc(size) { return memory.assumingMemoryBound(to: UInt8.self) }
    // Out of memory: let the standard allocator report it.
    return UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16).assumingMemoryBound(
      to: UInt8.self)
  }
}
