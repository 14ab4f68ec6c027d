#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file to read, with the stage the command line gave it.
public struct InputFile: Equatable, Sendable {
  /// The path as given on the command line (a folder's files as folder/name).
  public let path: String
  public let stage: Stage?
}

/// Expands folders and removes files named twice (CONTRACT §2).
public enum InputResolver {
  public static func resolve(inputs: [String], plan: [String], realization: [String])
    throws(AuditError) -> [InputFile]
  {
    var files: [InputFile] = []
    var seen: [String: Int] = [:]
    var conflict: (String, String)? = nil
    func add(_ path: String, _ stage: Stage?) {
      let key = canonicalPath(path)
      if let index = seen[key] {
        // A stage given by --plan / --realization wins over a plain mention.
        if let stage {
          if let earlier = files[index].stage, earlier != stage {
            conflict = conflict ?? (files[index].path, path)
          }
          files[index] = InputFile(path: files[index].path, stage: stage)
        }
        return
      }
      seen[key] = files.count
      files.append(InputFile(path: path, stage: stage))
    }
    for path in inputs {
      switch kind(of: path) {
      case .missing:
        throw .missingFile(path: path)
      case .file, .other:
        add(path, nil)
      case .folder:
        let names = exportFiles(in: path)
        guard !names.isEmpty else { throw .emptyFolder(path: path) }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for name in names { add(prefix + name, nil) }
      }
    }
    for path in plan + realization where kind(of: path) == .folder {
      throw .folderGivenAsFile(path: path)
    }
    for path in plan { add(path, .plan) }
    for path in realization { add(path, .realization) }
    if let (first, second) = conflict { throw .twoStages(path: first, other: second) }
    for file in files where kind(of: file.path) == .missing {
      throw .missingFile(path: file.path)
    }
    guard !files.isEmpty else { throw .noInputs }
    return files
  }

  enum Kind { case missing, file, folder, other }

  /// The exports in a folder and its subfolders (CONTRACT §2): `*.csv`, `*.json` and
  /// `*.xlsx` regular files, as paths relative to it, in byte order of the path. Names
  /// that begin with `.` (hidden files, macOS `._x.csv`) or `~$` (Excel's lock files) are
  /// skipped, folders so named too; a FIFO or device is never opened.
  static func exportFiles(in folder: String, depth: Int = 0) -> [String] {
    guard depth < 32 else { return [] }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var found: [String] = []
    for name in listFolder(folder) where !name.hasPrefix(".") && !name.hasPrefix("~$") {
      switch kind(of: prefix + name) {
      case .folder:
        found.append(contentsOf: exportFiles(in: prefix + name, depth: depth + 1).map { name + "/" + $0 })
      case .file:
        let lower = name.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".json") || lower.hasSuffix(".xlsx") {
          found.append(name)
        }
      case .missing, .other:
        continue
      }
    }
    return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// The processors this process may use.
  public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// A file's size in bytes (0 when it cannot be read).
  static func size(of path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFREG: return .file
    default: return .other
    }
  }

  static func canonicalPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func listFolder(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
