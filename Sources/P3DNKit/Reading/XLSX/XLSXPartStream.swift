import Foundation
import ZIPFoundation

/// The bytes of one part (a file of the ZIP package) of a workbook, inflated chunk by chunk
/// by ZIPFoundation on a thread of its own and handed over through a queue of a few chunks.
///
/// ZIPFoundation pushes the chunks of an entry to a closure until the entry ends; the queue
/// turns that into the pull that ``XMLTokenizer`` needs, and holds the inflating thread
/// while the reader is behind, so a part is never in memory whole (at most `capacity`
/// chunks wait). The thread opens the archive itself (an `Archive` reads through one file
/// position and is not shared across threads). The checksum of the part is checked at its
/// end. Cancelling (the reader is done or gone) makes the thread stop at its next chunk.
final class XLSXPartStream: XMLByteSource, @unchecked Sendable {
  let path: String
  let part: String
  private let capacity: Int
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var chunks: [Data] = []
  private var finished = false
  private var failure: LocalizedText?
  private var cancelled = false

  /// The error that stops the inflating thread once nobody reads the part.
  private struct Cancelled: Error {}

  /// Starts inflating `part` of the archive at `path`, in chunks of `chunkSize` bytes.
  init(path: String, part: String, chunkSize: Int = 1 << 18, capacity: Int = 4) {
    self.path = path
    self.part = part
    self.capacity = max(capacity, 1)
    let thread = Thread { [self] in self.produce(chunkSize: chunkSize) }
    thread.name = "p3dn-xlsx-inflate"
    thread.start()
  }

  func read(into buffer: GrowableBytes) throws(ReadError) -> Bool {
    while true {
      condition.lock()
      while chunks.isEmpty && !finished { condition.wait() }
      guard !chunks.isEmpty else {
        let failure = self.failure
        condition.unlock()
        if let failure { throw .badXLSX(path: path, detail: failure) }
        return false
      }
      let chunk = chunks.removeFirst()
      condition.broadcast()
      condition.unlock()
      if chunk.isEmpty { continue }
      chunk.withUnsafeBytes { buffer.append($0) }
      return true
    }
  }

  func cancel() {
    condition.lock()
    cancelled = true
    chunks.removeAll()
    condition.broadcast()
    condition.unlock()
  }

  /// The body of the inflating thread.
  private func produce(chunkSize: Int) {
    var problem: LocalizedText?
    do {
      let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
      if let entry = archive[part] {
        let checksum = try archive.extract(entry, bufferSize: chunkSize) { data in try self.put(data) }
        if checksum != entry.checksum {
          problem = XLSXProblem.damagedPart(part, "CRC-32")
        }
      } else {
        problem = XLSXProblem.missingPart(part)
      }
    } catch is Cancelled {
      problem = nil
    } catch {
      problem = XLSXProblem.damagedPart(part, String(describing: error))
    }
    condition.lock()
    finished = true
    failure = problem
    condition.broadcast()
    condition.unlock()
  }

  /// Queues one inflated chunk, waiting while the queue is full.
  private func put(_ data: Data) throws {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count >= capacity && !cancelled { condition.wait() }
    if cancelled { throw Cancelled() }
    chunks.append(data)
    condition.broadcast()
  }
}
