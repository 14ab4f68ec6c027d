import Dispatch
import P3DNKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shows how far a long audit has read, on stderr, only when stderr is a terminal: after
/// half a second, one line rewritten five times a second, erased when the audit ends.
final class ProgressDisplay: Sendable {
  let counter = ProgressCounter()
  private let language: Language
  private let stopped = Atomic<Bool>(false)
  private let shown = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)
  private let wake = DispatchSemaphore(value: 0)

  init(language: Language) { self.language = language }

  /// Starts the display when stderr is a terminal; returns nil otherwise.
  static func start(language: Language) -> ProgressDisplay? {
    guard isatty(STDERR_FILENO) == 1, Environment.variable("TERM") != "dumb" else { return nil }
    let display = ProgressDisplay(language: language)
    DispatchQueue.global(qos: .utility).async { display.loop() }
    return display
  }

  private func loop() {
    var ticks = 0
    while !stopped.load(ordering: .relaxed) {
      // Every tenth of a second, or at once when the audit ends.
      _ = wake.wait(timeout: .now() + .milliseconds(100))
      if stopped.load(ordering: .relaxed) { break }
      ticks += 1
      if ticks >= 5 && ticks % 2 == 1 { draw() }
    }
    if shown.load(ordering: .relaxed) { Output.writeStandard("\r\u{1B}[K", descriptor: 2) }
    finished.signal()
  }

  private func draw() {
    let total = counter.total
    guard total > 0 else { return }
    let done = min(counter.done, total)
    let percent = done * 100 / total
    let text =
      language == .en
      ? "p3dn: reading \(percent)% (\(megabytes(done)) of \(megabytes(total)) MB)"
      : "p3dn: membaca \(percent)% (\(megabytes(done)) dari \(megabytes(total)) MB)"
    Output.writeStandard("\r\u{1B}[K" + text, descriptor: 2)
    shown.store(true, ordering: .relaxed)
  }

  private func megabytes(_ bytes: Int) -> Int { bytes / 1_000_000 }

  /// Stops the display and erases its line.
  func stop() {
    stopped.store(true, ordering: .relaxed)
    wake.signal()
    finished.wait()
  }
}
