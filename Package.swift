// swift-tools-version: 6.0
import PackageDescription
import Foundation

// Opt-in: DESCENT_TARGET_CPU=haswell (AVX2, FMA; any x86-64 since 2013) or
// znver4 / skylake-avx512 compiles the Swift targets for that CPU. Without it
// the build targets baseline x86-64, so the binary runs on every x86-64
// Debian machine; a binary built with it stops with an illegal instruction on
// an older CPU, which is why it is not the default (README, Performance).
let targetCPU = ProcessInfo.processInfo.environment["DESCENT_TARGET_CPU"].flatMap { $0.isEmpty ? nil : $0 }
let cpuSettings: [SwiftSetting] = targetCPU.map { [.unsafeFlags(["-target-cpu", $0])] } ?? []

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
        .target(name: "DescentCore", swiftSettings: cpuSettings),
        // Screen abstraction, views, the explorer's state machine and the
        // ncurses front end (one file of it imports CNcursesw).
        .target(name: "DescentUI", dependencies: ["DescentCore", "CNcursesw"]),
        // The workloads of `descent bench` (shared/bench/WORKLOADS.md plus the
        // UI workloads): timing, check values, JSON lines. It drives the same
        // core and UI code the explorer runs; nothing in it is product math.
        .target(name: "DescentBench", dependencies: ["DescentCore", "DescentUI"], swiftSettings: cpuSettings),
        .executableTarget(name: "descent", dependencies: ["DescentUI", "DescentCore", "DescentBench"]),
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
