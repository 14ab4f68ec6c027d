import Foundation

/// A queue of at most `capacity` items from one thread to another: `put` waits while it is
/// full, `take` while it is empty. The producer `close`s it after its last item; the
/// consumer `cancel`s it when it stops taking (then `put` drops the item and says so, so
/// the producer can stop early).
public final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
  private let capacity: Int
  private let condition = NSCondition()
  // Guarded by `condition`:
  // At most `capacity` items: taking the first one moves the few others.
  private var items: [Element] = []
  private var closed = false
  private var cancelled = false

  public init(capacity: Int) {
    self.capacity = max(capacity, 1)
  }

  /// Queues an item, waiting while the channel is full. False when the consumer is gone
  /// (the item is dropped).
  @discardableResult
  public func put(_ item: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// The next item, waiting for one; nil once the channel is closed and empty, or
  /// cancelled.
  public func take() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed && !cancelled { condition.wait() }
    guard !cancelled, !items.isEmpty else { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// No more items will be put (those queued are still taken).
  public func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The consumer takes no more: queued items are dropped, and `put` returns false.
  public func cancel() {
    condition.lock()
    cancelled = true
    items.removeAll()
    condition.broadcast()
    condition.unlock()
  }
}
