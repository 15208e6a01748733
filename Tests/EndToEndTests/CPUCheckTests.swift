@testable import descent
import Foundation
import Testing
import TestSupport

// The startup check of Sources/descent/CPUCheck.swift: the flag logic on
// made-up /proc/cpuinfo texts, then the real binary told (DESCENT_CPUINFO)
// that it runs on a CPU with nothing beyond baseline x86-64.

@Suite struct `The startup CPU check` {
    static let zen5Flags = """
        fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht \
        syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid \
        extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt \
        tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a \
        misalignsse 3dnowprefetch osvw topoext bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq adx smap \
        avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt
        """

    /// A /proc/cpuinfo text for two processors with `flags`.
    static func cpuinfo(flags: String) -> String {
        (0..<2).map { "processor\t: \($0)\nvendor_id\t: AuthenticAMD\nflags\t\t: \(flags)\nbogomips\t: 5192.24\n" }
            .joined(separator: "\n")
    }

    @Test func `a Zen 5 has every flag of every level`() {
        let missing = CPUCheck.missingFlags(for: CPUCheck.levels, cpuinfo: Self.cpuinfo(flags: Self.zen5Flags))
        #expect(missing == [])
    }

    @Test func `an AVX2 machine lacks exactly the AVX-512 flags of level 4`() {
        let haswell = Self.zen5Flags.split(separator: " ").filter { !$0.hasPrefix("avx512") }.joined(separator: " ")
        let missing = CPUCheck.missingFlags(for: CPUCheck.levels, cpuinfo: Self.cpuinfo(flags: haswell))
        #expect(missing == ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"])
        #expect(CPUCheck.missingFlags(for: Array(CPUCheck.levels.prefix(2)), cpuinfo: Self.cpuinfo(flags: haswell)) == [])
    }

    @Test func `a flag must match a whole word`() {
        // "avx512f" must not be found inside "avx512fp16", nor "fma" inside "fma4".
        let missing = CPUCheck.missingFlags(for: [CPUCheck.levels[2]],
                                            cpuinfo: Self.cpuinfo(flags: "avx512fp16 avx512bw avx512cd avx512dq avx512vl fma4"))
        #expect(missing == ["avx512f"])
    }

    @Test func `without a flags line nothing is concluded`() {
        #expect(CPUCheck.missingFlags(for: CPUCheck.levels, cpuinfo: "processor\t: 0\nFeatures\t: fp asimd\n") == nil)
        #expect(CPUCheck.missingFlags(for: CPUCheck.levels, cpuinfo: "") == nil)
    }

    @Test func `the refusal names the level, the missing flags and the portable build`() {
        let message = CPUCheck.refusal(level: "x86-64-v4", missing: ["avx512f", "avx512vl"])
        #expect(message.contains("compiled for x86-64-v4"))
        #expect(message.contains("lacks avx512f, avx512vl"))
        #expect(message.contains("DESCENT_TARGET_CPU=x86-64 swift build -c release"))
    }

    @Test func `the binary refuses a CPU without its level, and runs on one with it`() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-cpuinfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = directory.appendingPathComponent("baseline").path
        let zen5 = directory.appendingPathComponent("zen5").path
        try Self.cpuinfo(flags: "fpu cx8 cmov mmx fxsr sse sse2 lm").write(toFile: baseline, atomically: true, encoding: .utf8)
        try Self.cpuinfo(flags: Self.zen5Flags).write(toFile: zen5, atomically: true, encoding: .utf8)

        let refused = try TmuxSession.runTool(["env", "DESCENT_CPUINFO=\(baseline)", descentBinaryPath, "--version"])
        if let level = CPUCheck.compiledLevels.last {
            #expect(refused.status == 1, "\(refused.output)")
            #expect(refused.output.contains("compiled for \(level.name)"), "\(refused.output)")
            #expect(refused.output.contains("DESCENT_TARGET_CPU=x86-64"), "\(refused.output)")
        } else {
            // A portable build (DESCENT_TARGET_CPU=x86-64) has nothing to check.
            #expect(refused.status == 0, "\(refused.output)")
        }
        let accepted = try TmuxSession.runTool(["env", "DESCENT_CPUINFO=\(zen5)", descentBinaryPath, "--version"])
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.hasPrefix("descent"), "\(accepted.output)")
    }
}
