import Dispatch
import Synchronization

/// Reads one large CSV file on several threads: the file is cut into chunks at byte
/// offsets, each chunk is audited on its own from the first record boundary after its
/// start, and the chunks are checked and merged in file order.
///
/// A chunk's start is a guess (just after the first line break at or after the cut), which
/// is wrong only when the cut falls inside a quoted field that holds a line break. The guess
/// is checked against where the previous chunk really ended; a chunk whose guess was wrong
/// is read again from the right place. The result is therefore the same, byte for byte, as
/// reading the file on one thread.
struct ChunkedAudit: Sendable {
  let auditor: FileAuditor
  let path: String
  let profileName: String
  let fileSize: Int
  /// Where the first row after the header starts, and its line.
  let dataStart: Int
  let dataLine: Int
  let dialect: CSVDialect
  let threads: Int
  let chunkSize: Int
  let bufferSize: Int
  let progress: ProgressCounter?

  /// The chunk size for `length` bytes: at least `minimum`, and larger for a large file,
  /// so that it is cut into about sixteen chunks per thread (enough to keep every thread
  /// busy to the end) and no more, up to 64 MiB. Each chunk starts with empty cell tables,
  /// and filling them again costs about a millisecond per chunk.
  static func chunkSize(for length: Int, threads: Int, minimum: Int) -> Int {
    max(minimum, min(64 << 20, length / max(16 * threads, 1)))
  }

  /// What one chunk produced.
  final class Outcome: @unchecked Sendable {
    var start = 0
    var end = 0
    var actualEnd = 0
    var lineBreaks = 0
    var result: FileResult?
    var error: AuditError?
    /// The identities of the chunk's rows.
    var identities: RowIdentities?
    /// Set, under the merger's lock, once the chunk was audited.
    var done = false
  }

  /// The chunks merged so far, in file order.
  final class Merger: Sendable {
    struct State {
      var merged: FileResult
      /// The line and offset where the next chunk to merge must start.
      var line: Int
      var expectedStart: Int
      var next = 0
      var error: AuditError?
      /// The identity keys of the rows of the chunks merged so far, and those seen twice
      /// (within a chunk or across chunks).
      var keys = KeySet()
      var repeated = KeySet()
    }

    let state: Mutex<State>

    init(state: State) { self.state = Mutex(state) }
  }

  /// Checks that a chunk started where the previous one ended (reading it again from there
  /// when not), then adds it to the merged result.
  private func merge(_ outcome: Outcome, index: Int, into state: inout Merger.State) {
    if outcome.start != state.expectedStart {
      outcome.start = state.expectedStart
      outcome.error = nil
      outcome.result = nil
      audit(chunk: index, outcome)
    }
    if let error = outcome.error {
      state.error = error.shiftingLines(by: state.line - 1)
      return
    }
    if let result = outcome.result {
      state.merged.merge(result, lineOffset: state.line - 1, rejectedLimit: auditor.rejectedLimit)
    }
    state.line += outcome.lineBreaks
    state.expectedStart = outcome.actualEnd
    if let identities = outcome.identities {
      state.repeated.formUnion(identities.repeated)
      state.keys.formUnion(identities.seen, notingRepeatsIn: state.repeated)
    }
    outcome.identities = nil
  }

  /// The file's result, and the identity keys that rows of it share (a second reading
  /// finds the rows that repeat others; none when empty).
  func run() throws(AuditError) -> (FileResult, repeated: KeySet) {
    let length = max(fileSize - dataStart, 0)
    let count = max(1, min(length / max(chunkSize, 1), 4096))
    let bounds = (0...count).map { index in index == count ? fileSize : dataStart + length * index / count }

    let outcomes = (0..<count).map { _ in Outcome() }
    final class Digest: @unchecked Sendable {
      var value: String = ""
      var error: ReadError?
    }
    let digest = Digest()
    let merger = Merger(
      state: Merger.State(
        merged: FileResult(path: path, profile: profileName), line: dataLine, expectedStart: dataStart))
    let task = self
    let path = self.path
    // Task 0 is the checksum, which reads the whole file: it starts first so that it runs
    // beside the chunks rather than after them.
    WorkerPool.run(tasks: count + 1, threads: threads) { number in
      let index = number - 1
      if number == 0 {
        switch Result(catching: { () throws(ReadError) in
          try HashBox.digest(of: path, bufferSize: task.bufferSize)
        }) {
        case .success(let value): digest.value = value
        case .failure(let error): digest.error = error
        }
        return
      }
      let outcome = outcomes[index]
      outcome.end = bounds[index + 1]
      if index == 0 {
        outcome.start = dataStart
      } else {
        switch Result(catching: { () throws(ReadError) in
          try task.boundaryGuess(from: bounds[index], before: bounds[index + 1])
        }) {
        case .success(let start): outcome.start = start
        case .failure(let error):
          outcome.error = .read(error)
          outcome.start = -1
        }
      }
      if outcome.start >= 0 { task.audit(chunk: index, outcome) }
      // Merge, in file order, every chunk that is done: memory holds only the chunks
      // that wait for an earlier one.
      merger.state.withLock { state in
        outcome.done = true
        while state.next < outcomes.count, outcomes[state.next].done, state.error == nil {
          task.merge(outcomes[state.next], index: state.next, into: &state)
          outcomes[state.next].result = nil
          state.next += 1
        }
      }
    }
    if let error = digest.error { throw .read(error) }
    var (merged, repeated) = try merger.state.withLock { state throws(AuditError) -> (FileResult, KeySet) in
      if let error = state.error { throw error }
      return (state.merged, state.repeated)
    }
    merged.sha256 = digest.value
    return (merged, repeated)
  }

  /// Audits the records that start in `outcome.start..<outcome.end`.
  private func audit(chunk index: Int, _ outcome: Outcome) {
    do {
      let bytes = try FileBytes(path: path, offset: outcome.start)
      if let progress { bytes.observer = { progress.add($0.count) } }
      let reader = CSVFileReader(
        input: bytes, dialect: dialect, bufferSize: bufferSize, startOffset: outcome.start,
        endOffset: outcome.end)
      var result = FileResult(path: path, profile: profileName)
      let identities = RowIdentities()
      outcome.identities = identities
      do {
        try auditor.run(reader, result: &result, order: index << 36, identities: identities, wholeFile: false)
      } catch {
        outcome.error = error
        outcome.actualEnd = outcome.end
        return
      }
      outcome.actualEnd = reader.consumedOffset
      outcome.lineBreaks = reader.lineBreaksConsumed
      outcome.result = result
    } catch {
      outcome.error = .read(error)
      outcome.actualEnd = outcome.end
    }
  }

  /// The offset just after the first line break at or after `cut - 1`, or `limit` when
  /// there is none before it.
  private func boundaryGuess(from cut: Int, before limit: Int) throws(ReadError) -> Int {
    let bytes = try FileBytes(path: path, offset: cut - 1)
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { block.deallocate() }
    var offset = cut - 1
    while offset < limit {
      let count = try bytes.read(into: block)
      if count == 0 { return limit }
      for index in 0..<count where block[index] == 0x0A {
        return min(offset + index + 1, limit)
      }
      offset += count
    }
    return limit
  }
}

/// Runs numbered tasks on a fixed number of threads, each task once, and waits for all.
enum WorkerPool {
  static func run(tasks: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Counter: Sendable {
      let next = Atomic<Int>(0)
    }
    let counter = Counter()
    let group = DispatchGroup()
    for _ in 0..<max(1, min(threads, tasks)) {
      DispatchQueue.global(qos: .userInitiated).async(group: group) {
        while true {
          let index = counter.next.wrappingAdd(1, ordering: .relaxed).oldValue
          if index >= tasks { break }
          body(index)
        }
      }
    }
    group.wait()
  }
}

/// Bytes read so far, shared by the reading threads, for a progress display.
public final class ProgressCounter: Sendable {
  private let bytes = Atomic<Int>(0)
  private let size = Atomic<Int>(0)

  public init() {}

  /// The bytes all inputs hold, once the audit knows its inputs.
  public var total: Int { size.load(ordering: .relaxed) }
  /// The bytes audited so far.
  public var done: Int { bytes.load(ordering: .relaxed) }

  func add(_ count: Int) { bytes.wrappingAdd(count, ordering: .relaxed) }
  func setTotal(_ count: Int) { size.store(count, ordering: .relaxed) }
}
