import Foundation
import Testing

/// The binary's command-line habits: a bare command group is a usage error, every help
/// ends with examples and exit statuses, shell completion, and no option offered where it
/// does nothing.
@Suite("End to end: command-line habits")
struct CommandLineHabitTests {
  /// Every command, as its path of subcommand names (the root is the empty path).
  static let commands: [[String]] = [
    [], ["audit"], ["check"], ["explain"], ["validate"], ["profiles"], ["policy"], ["policy", "show"],
    ["policy", "check"], ["ingest"], ["report"], ["trend"], ["sources"], ["forget"], ["db"], ["db", "check"],
  ]

  /// The headings of the examples and exit statuses, per language.
  static let headings = ["id": ("CONTOH:", "STATUS KELUAR:"), "en": ("EXAMPLES:", "EXIT STATUS:")]

  @Test("p3dn alone: its help on stderr, nothing on stdout, exit 2")
  func bareRoot() throws {
    let result = try Binary.run([])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("USAGE: p3dn <subcommand>"))
    #expect(result.stderr.contains("SUBCOMMANDS:"))
    #expect(result.stderr.contains("STATUS KELUAR:"))
  }

  @Test("A command group without its subcommand is a usage error too", arguments: ["policy", "db"])
  func bareGroup(_ group: String) throws {
    let result = try Binary.run([group], environment: ["P3DN_LANG": "en"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("USAGE: p3dn \(group) <subcommand>"))
    #expect(result.stderr.contains("EXIT STATUS:"))
  }

  @Test("p3dn --help and -h: the help on stdout, exit 0")
  func rootHelp() throws {
    for flag in ["--help", "-h"] {
      let result = try Binary.run([flag])
      #expect(result.status == 0)
      #expect(result.stderr == "")
      #expect(result.stdout.hasPrefix("OVERVIEW: "))
      #expect(result.stdout.contains("SUBCOMMANDS:"))
    }
  }

  @Test(
    "Every help ends with two or more examples and the exit statuses, in both languages",
    arguments: commands, ["id", "en"])
  func helpEnds(_ command: [String], _ language: String) throws {
    let result = try Binary.run(command + ["--help"], environment: ["P3DN_LANG": language])
    let name = (["p3dn"] + command).joined(separator: " ")
    #expect(result.status == 0, "\(name) --help")
    #expect(result.stderr == "")
    let help = result.stdout
    let (examplesHeading, statusHeading) = try #require(Self.headings[language])
    let examples = try #require(help.range(of: "\n\(examplesHeading)\n"), "\(name): examples")
    let statuses = try #require(help.range(of: "\n\(statusHeading)\n"), "\(name): exit statuses")
    let options = try #require(help.range(of: "\nOPTIONS:\n"))
    // After the parser's sections, the examples, then the exit statuses, which end it.
    #expect(options.upperBound < examples.lowerBound)
    #expect(examples.upperBound < statuses.lowerBound)
    let exampleLines = help[examples.upperBound..<statuses.lowerBound].split(separator: "\n")
      .map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(exampleLines.filter { $0.hasPrefix("p3dn ") }.count >= 2, "\(name): examples")
    let statusLines = help[statuses.upperBound...].split(separator: "\n")
    #expect(statusLines.first?.hasPrefix("  0  ") == true, "\(name): exit status 0 first")
    #expect(statusLines.contains { $0.hasPrefix("  2  ") }, "\(name): exit status 2")
    #expect(statusLines.allSatisfy { $0.hasPrefix("  ") }, "\(name): no section after the exit statuses")
  }

  @Test("--lang en gives the English help whatever P3DN_LANG says")
  func langFlag() throws {
    let result = try Binary.run(["audit", "--help", "--lang", "en"], environment: ["P3DN_LANG": "id"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\nEXAMPLES:\n"))
    #expect(result.stdout.contains("\nEXIT STATUS:\n"))
    #expect(!result.stdout.contains("CONTOH:"))
  }

  @Test("p3dn help COMMAND prints what COMMAND --help prints")
  func helpSubcommand() throws {
    for command in [["audit"], ["db", "check"], ["policy", "show"]] {
      let direct = try Binary.run(command + ["--help"])
      let through = try Binary.run(["help"] + command)
      #expect(through.status == 0)
      #expect(through.stdout == direct.stdout)
    }
  }

  @Test("The list of commands above is every command the help lists")
  func everyCommand() throws {
    var found: [[String]] = []
    var queue: [[String]] = [[]]
    while let command = queue.first {
      queue.removeFirst()
      found.append(command)
      let help = try Binary.run(command + ["--help"]).stdout
      guard let section = help.range(of: "\nSUBCOMMANDS:\n") else { continue }
      for line in help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
        if line.isEmpty { break }
        // A subcommand's line starts with its name after two spaces; wrapped text is indented further.
        guard line.hasPrefix("  "), line.dropFirst(2).first != " " else { continue }
        guard let word = line.dropFirst(2).split(separator: " ").first else { continue }
        queue.append(command + [String(word)])
      }
    }
    #expect(Set(found) == Set(Self.commands))
  }

  @Test("Completion scripts for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
  func completion(_ shell: String) throws {
    let result = try Binary.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.count > 1000)
    #expect(result.stdout.contains("audit"))
    #expect(result.stdout.contains("fail-on"))
  }

  @Test("A shell without completion is a usage error")
  func completionUnknownShell() throws {
    let result = try Binary.run(["--generate-completion-script", "tcsh"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
  }

  /// Options that a command's help must not offer, because they do nothing there.
  static let absent: [(command: [String], options: [String])] = [
    // explain shows no share: the denominator does not change what it says.
    (["explain"], ["--denominator"]),
    // ingest reads every file on one thread and keeps every year.
    (["ingest"], ["--threads", "--year", "--denominator", "--fail-on"]),
    // The ledger's reports read rows already read: nothing says how files are read.
    (["report"], ["--threads", "--profile", "--vendors", "--map", "--sheet", "--plan", "--realization"]),
    (["trend"], ["--threads", "--profile", "--vendors", "--map", "--sheet", "--denominator", "--fail-on"]),
    (["sources"], ["--threads", "--profile", "--vendors", "--policy", "--year", "--format"]),
    (["forget"], ["--threads", "--profile", "--vendors", "--policy", "--year", "--format"]),
    (["db", "check"], ["--threads", "--profile", "--vendors", "--policy", "--year", "--format"]),
    (["profiles"], ["--db", "--policy", "--format"]),
    (["policy", "show"], ["--db", "--year", "--format"]),
    (["policy", "check"], ["--db", "--year", "--format"]),
  ]

  @Test("No option is offered where it does nothing")
  func noDeadOptions() throws {
    // Where they do something, they are found.
    let audit = try Self.options(["audit"])
    #expect(
      audit.isSuperset(of: ["--threads", "--profile", "--vendors", "--map", "--sheet", "--denominator"]))
    for (command, options) in Self.absent {
      let offered = try Self.options(command)
      #expect(offered.contains("--help"))
      for option in options {
        #expect(!offered.contains(option), "\(command.joined(separator: " ")) offers \(option)")
      }
    }
  }

  /// The long options of the OPTIONS section of a command's help.
  static func options(_ command: [String]) throws -> Set<String> {
    let help = try Binary.run(command + ["--help"]).stdout
    let section = try #require(help.range(of: "\nOPTIONS:\n"))
    var found: Set<String> = []
    for line in help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty { break }
      for word in line.split(separator: " ") where word.hasPrefix("--") {
        found.insert(String(word.prefix { $0 != "," }))
      }
    }
    return found
  }

  @Test("explain from the ledger refuses what only says how files are read")
  func explainLedgerRefuses() throws {
    let target = "Fixtures/kukar-2022/spse-tender-2022.csv:27"
    let cases: [([String], String)] = [
      (["Fixtures/kukar-2022"], "INPUT"), (["--plan", "Fixtures/hand/boundary-plan.csv"], "--plan"),
      (["--vendors", "vendors.csv"], "--vendors"), (["--sheet", "Data"], "--sheet"),
      (["--threads", "2"], "--threads"),
    ]
    let db = Support.temporaryFolder() + "/none.sqlite"
    for (extra, name) in cases {
      let result = try Binary.run(["explain", target] + extra + ["--db", db, "--lang", "en"])
      #expect(result.status == 2)
      #expect(result.stdout == "")
      #expect(result.stderr.contains("\(name) do not apply there"), "\(extra)")
    }
    // --as-of alone reads the ledger too.
    let asOf = try Binary.run(["explain", target, "--threads", "2", "--as-of", "2022-12-31", "--lang", "en"])
    #expect(asOf.status == 2)
    #expect(asOf.stderr.contains("--threads do not apply there"))
  }
}
