#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file read sequentially with plain `read(2)` calls, with an optional observer of every
/// byte read (used for the file's checksum).
public final class FileBytes {
  public let path: String
  private var descriptor: Int32
  public var observer: ((UnsafeRawBufferPointer) -> Void)?

  /// Opens `path` for reading from byte `offset`.
  public init(path: String, offset: Int = 0) throws(ReadError) {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw .cannotOpen(path: path, reason: Self.lastError())
    }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw .cannotOpen(path: path, reason: "is a directory")
    }
    if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
      let reason = Self.lastError()
      close(fd)
      throw .ioFailure(path: path, reason: reason)
    }
    descriptor = fd
  }

  /// The size of the file in bytes.
  public var size: Int {
    var info = stat()
    return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Reads up to `buffer.count` bytes; 0 at the end of the file.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      #if canImport(Glibc) || canImport(Musl)
        let count = Glibc.read(descriptor, base, buffer.count)
      #else
        let count = Darwin.read(descriptor, base, buffer.count)
      #endif
      if count >= 0 {
        if count > 0, let observer {
          observer(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return count
      }
      if errno == EINTR { continue }
      throw .ioFailure(path: path, reason: Self.lastError())
    }
  }

  /// Reads up to `limit` bytes from the start of the file without moving the reading
  /// position or telling the observer (for sniffing).
  public func peek(limit: Int) throws(ReadError) -> [UInt8] {
    var sample = [UInt8](repeating: 0, count: limit)
    var filled = 0
    while filled < limit {
      let count = sample.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return pread(descriptor, base + filled, limit - filled, off_t(filled))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .ioFailure(path: path, reason: Self.lastError())
      }
      if count == 0 { break }
      filled += count
    }
    sample.removeSubrange(filled...)
    return sample
  }

  /// Passes the whole file, from its start, to `body` in blocks of 8 MiB read through a
  /// private read-only mapping, each block's pages dropped once `body` returns. Returns
  /// false, having read nothing, when the file cannot be mapped (then read it instead).
  public func withMapping(_ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
    let length = size
    guard length > 0,
      let mapping = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0),
      mapping != MAP_FAILED
    else { return false }
    defer { munmap(mapping, length) }
    _ = madvise(mapping, length, MADV_SEQUENTIAL)
    let block = 8 << 20
    var offset = 0
    while offset < length {
      let count = min(block, length - offset)
      body(UnsafeRawBufferPointer(start: mapping + offset, count: count))
      _ = madvise(mapping + offset, count, MADV_DONTNEED)
      offset += count
    }
    return true
  }

  static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
