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
  private let chunks: BoundedChannel<Data>
  /// Set by the inflating thread before it closes the channel (read after the close).
  private var failure: LocalizedText?

  /// The error that stops the inflating thread once nobody reads the part.
  private struct Cancelled: Error {}

  /// Starts inflating `part` of the archive at `path`, in chunks of `chunkSize` bytes.
  init(path: String, part: String, chunkSize: Int = 1 << 18, capacity: Int = 4) {
    self.path = path
    self.part = part
    chunks = BoundedChannel(capacity: capacity)
    let thread = Thread { [self] in self.produce(chunkSize: chunkSize) }
    thread.name = "p3dn-xlsx-inflate"
    thread.start()
  }

  func read(into buffer: GrowableBytes) throws(ReadError) -> Bool {
    while true {
      guard let chunk = chunks.take() else {
        if let failure { throw .badXLSX(path: path, detail: failure) }
        return false
      }
      if chunk.isEmpty { continue }
      chunk.withUnsafeBytes { buffer.append($0) }
      return true
    }
  }

  func cancel() {
    chunks.cancel()
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
    failure = problem
    chunks.close()
  }

  /// Queues one inflated chunk, waiting while the queue is full.
  private func put(_ data: Data) throws {
    if !chunks.put(data) { throw Cancelled() }
  }
}
