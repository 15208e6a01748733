// swift-tools-version: 6.0
import PackageDescription
import Foundation

// Code generation for the math core (README, "Performance"). Users build
// descent on the machine that runs it, so DescentCore and DescentBench are
// compiled for the highest x86-64 microarchitecture level (psABI v2, v3 = AVX2
// and FMA, v4 = AVX-512) that the building machine's /proc/cpuinfo reports:
// twice to four times the vector width of baseline x86-64 (SSE2). Everything
// else, the executable included, stays baseline, so `descent` can check the
// CPU at startup and refuse with a message instead of dying with SIGILL on a
// machine that lacks the level (Sources/descent/CPUCheck.swift).
//
//     DESCENT_TARGET_CPU=x86-64 swift build -c release     # portable binary
//     DESCENT_TARGET_CPU=x86-64-v3 swift build -c release  # AVX2 + FMA machines
//
// Accepted values: native (the default), x86-64, x86-64-v2, x86-64-v3,
// x86-64-v4. Off x86-64 Linux (no /proc/cpuinfo flags) nothing is added.
let levelFlags: [(level: String, flags: [String])] = [
    ("x86-64-v2", ["cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3"]),
    ("x86-64-v3", ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"]),
    ("x86-64-v4", ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]),
]
let cpuFlags: Set<Substring> = {
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
          let colon = line.firstIndex(of: ":") else { return [] }
    return Set(line[line.index(after: colon)...].split(separator: " "))
}()
/// The highest level whose flags (and every lower level's) the building CPU has.
let nativeLevel: String? = {
    var best: String?
    for (level, flags) in levelFlags {
        guard flags.allSatisfy({ cpuFlags.contains(Substring($0)) }) else { break }
        best = level
    }
    return best
}()
let requestedLevel = ProcessInfo.processInfo.environment["DESCENT_TARGET_CPU"].flatMap { $0.isEmpty ? nil : $0 } ?? "native"
let coreLevel: String? = {
    switch requestedLevel {
    case "native": return nativeLevel
    case "x86-64", "portable": return nil
    case let level where levelFlags.contains(where: { $0.level == level }): return level
    default: fatalError("DESCENT_TARGET_CPU=\(requestedLevel): use native, x86-64, x86-64-v2, x86-64-v3 or x86-64-v4")
    }
}()
let levelIndex = coreLevel.flatMap { level in levelFlags.firstIndex { $0.level == level } }
/// The core's settings: the level's instructions, and DESCENT_FMA where the
/// level has fused multiply-add (kernels then use it explicitly; Swift never
/// fuses on its own).
let coreSettings: [SwiftSetting] = coreLevel.map { level in
    [.unsafeFlags(["-Xcc", "-march=\(level)"])] + ((levelIndex ?? 0) >= 1 ? [.define("DESCENT_FMA")] : [])
} ?? []
/// The executable's settings: which level to check for at startup.
let launcherSettings: [SwiftSetting] = levelIndex.map { index in
    (0...index).map { SwiftSetting.define("DESCENT_CORE_X86_64_V\($0 + 2)") }
} ?? []

let package = Package(
    name: "descent",
    targets: [
        // The only C dependency. No `pkgConfig:`: Debian's pkg-config flags are
        // prohibited by SwiftPM and dropping them hides the wide-character API;
        // the shim defines NCURSES_WIDECHAR itself.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Pure Swift math: autodiff, models, optimizers, runs. Never prints,
        // never touches a terminal.
        .target(name: "DescentCore", swiftSettings: coreSettings),
        // Screen abstraction, views, the explorer's state machine and the
        // ncurses front end (one file of it imports CNcursesw).
        .target(name: "DescentUI", dependencies: ["DescentCore", "CNcursesw"]),
        // The workloads of `descent bench` (shared/bench/WORKLOADS.md plus the
        // UI workloads): timing, check values, JSON lines. It drives the same
        // core and UI code the explorer runs; nothing in it is product math.
        .target(name: "DescentBench", dependencies: ["DescentCore", "DescentUI"], swiftSettings: coreSettings),
        .executableTarget(name: "descent", dependencies: ["DescentUI", "DescentCore", "DescentBench"],
                          swiftSettings: launcherSettings),
        .target(name: "TestSupport", dependencies: ["DescentCore"], path: "Tests/TestSupport"),
        // Fixtures/ holds reference data the tests read by #filePath.
        .testTarget(name: "DescentCoreTests", dependencies: ["DescentCore", "TestSupport"], exclude: ["Fixtures"]),
        // Snapshots are read through #filePath, not bundled.
        .testTarget(name: "DescentUITests", dependencies: ["DescentUI", "DescentCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "DescentBenchTests", dependencies: ["DescentBench", "DescentCore", "TestSupport"]),
        // Depends on the executable so `swift build --build-tests` always
        // produces the binary these tests drive inside tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["descent", "TestSupport"]),
    ]
)
