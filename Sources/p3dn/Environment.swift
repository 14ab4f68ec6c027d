import P3DNKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the process environment says about language and colour.
enum Environment {
  static func variable(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// `--lang` from the raw arguments, else `P3DN_LANG`, else Indonesian; used for
  /// messages printed before or without a parsed command.
  static func languageHint(_ arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count,
        let language = Language(rawValue: arguments[index + 1])
      {
        return language
      }
      if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
        return language
      }
    }
    return variable("P3DN_LANG").flatMap { Language(rawValue: $0.lowercased()) } ?? .id
  }

  /// Colour only on a terminal, and never when `NO_COLOR` is set to anything.
  static var colorAllowed: Bool {
    variable("NO_COLOR") == nil && isatty(STDOUT_FILENO) == 1
      && variable("TERM") != "dumb"
  }
}

extension Environment {
  /// A file that another program shortens while it is read through a mapping raises
  /// SIGBUS; end with exit status 2 and a message instead of a crash.
  static func reportTruncatedFiles() {
    signal(SIGBUS) { _ in
      // Only async-signal-safe calls here: a static text, write(2) and _exit.
      let message: StaticString =
        "p3dn: sebuah berkas berubah selama dibaca; jalankan audit lagi. / a file changed while it was read; run the audit again.\n"
      _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
      _exit(2)
    }
  }
}

/// Writing results and messages.
enum Output {
  static func error(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    writeStandard("p3dn: " + text, descriptor: 2)
  }

  static func note(_ message: String) {
    writeStandard(message.hasSuffix("\n") ? message : message + "\n", descriptor: 2)
  }

  /// Writes all of `text` to a standard descriptor (1 or 2).
  @discardableResult
  static func writeStandard(_ text: String, descriptor: Int32) -> Bool {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { raw -> Bool in
      guard var base = raw.baseAddress else { return true }
      var remaining = raw.count
      while remaining > 0 {
        #if canImport(Glibc)
          let count = Glibc.write(descriptor, base, remaining)
        #elseif canImport(Musl)
          let count = Musl.write(descriptor, base, remaining)
        #else
          let count = Darwin.write(descriptor, base, remaining)
        #endif
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        remaining -= count
        base += count
      }
      return true
    }
  }

  static func terminate(_ code: Int32) -> Never {
    #if canImport(Glibc)
      Glibc.exit(code)
    #elseif canImport(Musl)
      Musl.exit(code)
    #else
      Darwin.exit(code)
    #endif
  }

  /// Writes `text` to the file, or to stdout when `path` is nil.
  static func write(_ text: String, to path: String?) throws(Failure) {
    guard let path else {
      guard writeStandard(text, descriptor: 1) else {
        throw Failure(code: 2) { _ in "stdout: write failed" }
      }
      return
    }
    guard let file = fopen(path, "wb") else {
      let reason = String(cString: strerror(errno))
      throw Failure.usage(
        "\(path): berkas keluaran tidak dapat ditulis (\(reason)).",
        "\(path): the output file cannot be written (\(reason)).")
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else {
      throw Failure.usage(
        "\(path): gagal menulis berkas keluaran.", "\(path): writing the output file failed.")
    }
  }
}
