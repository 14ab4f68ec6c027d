/// The fields of the current record: a growable list of spans without the reference
/// counting of an array on the hot path. Its owner deallocates it.
struct FieldList {
  private(set) var base: UnsafeMutablePointer<FieldSpan>
  private(set) var count = 0
  /// Some field of the list holds escaped quotes still to be resolved.
  private(set) var anyEscaped = false
  private(set) var capacity: Int

  init(capacity: Int = 64) {
    self.capacity = max(capacity, 4)
    base = .allocate(capacity: self.capacity)
  }

  func deallocate() { base.deallocate() }

  @inline(__always)
  mutating func removeAll() {
    count = 0
    anyEscaped = false
  }

  @inline(__always)
  mutating func append(_ field: FieldSpan) {
    if count == capacity { grow() }
    (base + count).initialize(to: field)
    count &+= 1
    anyEscaped = anyEscaped || field.needsUnescape
  }

  @inline(__always)
  subscript(index: Int) -> FieldSpan {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }

  /// The list after a scanner wrote `count` fields to `base` directly.
  @inline(__always)
  mutating func setWritten(count: Int, anyEscaped: Bool) {
    self.count = count
    self.anyEscaped = anyEscaped
  }

  private mutating func grow() {
    let larger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }
}
