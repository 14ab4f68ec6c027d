import Foundation

/// Work run on a thread of its own; `wait` gives its outcome.
final class Background<Value: Sendable, Failure: Error>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written by the thread before it signals `done`.
  private var outcome: Result<Value, Failure>?

  init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
    let thread = Thread { [self] in
      do throws(Failure) {
        outcome = .success(try work())
      } catch {
        outcome = .failure(error)
      }
      done.signal()
    }
    thread.name = "p3dn-ledger-read"
    thread.start()
  }

  /// Waits for the work to end.
  func wait() -> Result<Value, Failure> {
    done.wait()
    done.signal()
    guard let outcome else { preconditionFailure("the work ended without an outcome") }
    return outcome
  }
}
