import Glibc

// Why this exists: Package.swift compiles the math core for the building
// machine's x86-64 level (v3: AVX2 and FMA, v4: AVX-512), while this file,
// like the rest of the executable, is compiled for baseline x86-64. Run on a
// CPU without the level, the core would die with SIGILL on its first vector
// instruction; checking /proc/cpuinfo first turns that into a message saying
// what is missing and how to build a binary that runs. No Foundation: this
// runs before anything else.

/// The startup check that this CPU has the instructions the core was
/// compiled for.
enum CPUCheck {
    /// An x86-64 microarchitecture level (the psABI's), with the
    /// /proc/cpuinfo flags that make it up (glibc's list, in Linux's names:
    /// `pni` is SSE3, `abm` LZCNT).
    struct Level: Equatable {
        let name: String
        let flags: [String]
    }

    static let levels = [
        Level(name: "x86-64-v2", flags: ["cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3"]),
        Level(name: "x86-64-v3", flags: ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"]),
        Level(name: "x86-64-v4", flags: ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]),
    ]

    /// The levels the core was compiled for (each includes those below it);
    /// empty for a portable build.
    static var compiledLevels: [Level] {
        var chosen: [Level] = []
        #if DESCENT_CORE_X86_64_V2
        chosen.append(levels[0])
        #endif
        #if DESCENT_CORE_X86_64_V3
        chosen.append(levels[1])
        #endif
        #if DESCENT_CORE_X86_64_V4
        chosen.append(levels[2])
        #endif
        return chosen
    }

    /// The flags of the first `flags` line of `cpuinfo` (the text of
    /// /proc/cpuinfo); empty when there is none.
    static func flags(inCPUInfo cpuinfo: String) -> Set<Substring> {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " "))
        }
        return []
    }

    /// The flags `levels` need that `cpuinfo` lacks, in the levels' order;
    /// nil when `cpuinfo` lists no flags at all (nothing can be concluded).
    static func missingFlags(for levels: [Level], cpuinfo: String) -> [String]? {
        let present = flags(inCPUInfo: cpuinfo)
        guard !present.isEmpty else { return nil }
        return levels.flatMap(\.flags).filter { !present.contains(Substring($0)) }
    }

    /// The message for a CPU that lacks `missing` of the core's `level`.
    static func refusal(level: String, missing: [String]) -> String {
        """
        descent: this binary's math core was compiled for \(level), and this CPU lacks \
        \(missing.joined(separator: ", ")) (from /proc/cpuinfo), so it would stop with an illegal instruction.
        Build descent on this machine (swift build -c release compiles for the CPU it runs on),
        or build a portable binary: DESCENT_TARGET_CPU=x86-64 swift build -c release

        """
    }

    /// The refusal message when this CPU cannot run the core, else nil.
    /// Reads /proc/cpuinfo, or the file `DESCENT_CPUINFO` names (tests use it
    /// to play a CPU without AVX-512); an unreadable file passes.
    static func problem() -> String? {
        let levels = compiledLevels
        guard let highest = levels.last else { return nil }
        let path = getenv("DESCENT_CPUINFO").map { String(cString: $0) } ?? "/proc/cpuinfo"
        guard let cpuinfo = contents(of: path),
              let missing = missingFlags(for: levels, cpuinfo: cpuinfo), !missing.isEmpty else { return nil }
        return refusal(level: highest.name, missing: missing)
    }

    /// The text of the file at `path`, or nil when it cannot be read.
    static func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 { return nil }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
