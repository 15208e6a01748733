import Foundation
import Testing
import TestSupport

/// The crash guard restores the terminal when the explorer faults. The
/// faults are real (a trap, a bad pointer, abort, a stack overflow) and
/// come from outside the product: a small C library, compiled here and
/// preloaded, wraps ncurses' `doupdate` and faults after the first frame
/// when DESCENT_TEST_FAULT names a fault. The binary has no flag for it.
@Suite(.enabled(if: endToEndEnabled && FaultLibrary.compiler != nil, "needs tmux and a C compiler"),
       .timeLimit(.minutes(1)))
struct `A crash leaves a usable terminal` {
    @Test(arguments: [
        ("trap", "", 128 + 4), ("segv", "", 128 + 11), ("abort", "", 128 + 6), ("overflow", "", 128 + 11),
        ("overflow", "SWIFT_BACKTRACE=enable=no", 128 + 11),
    ])
    func `the terminal is restored and the fault reported`(fault: String, environment: String, status: Int) throws {
        let library = try FaultLibrary()
        defer { library.remove() }
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        let log = library.directory + "/stderr.log"
        try session.type("\(environment) DESCENT_TEST_FAULT=\(fault) LD_PRELOAD=\(library.path) "
            + "\(descentBinaryPath) 2>\(log); echo CRASH-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(["CRASH-EXIT=\(status)"], timeout: 40)
        #expect(try session.display("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}") == "0 1 0 0")
        try session.type("stty -a | grep -o ' icanon\\| echo ' | tr -d ' ' | tr '\\n' '+'; echo")
        try session.press("Enter")
        try session.waitFor(["icanon+echo+"])
        let report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        if environment.isEmpty { #expect(report.contains("Program crashed"), "\(fault): \(report.prefix(400))") }
    }
}

/// The preloaded fault injector, compiled into a temporary folder.
struct FaultLibrary {
    static let source = #"""
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <signal.h>
        #include <stdlib.h>
        #include <string.h>
        static int frames;
        static int deeper(int n) {
            volatile char pad[4096];
            memset((char *)pad, n, sizeof pad);
            return deeper(n + 1) + pad[7];
        }
        int doupdate(void) {
            static int (*real)(void);
            if (!real) real = (int (*)(void))dlsym(RTLD_NEXT, "doupdate");
            int result = real();
            const char *fault = getenv("DESCENT_TEST_FAULT");
            if (++frames != 2 || !fault) return result;
            if (!strcmp(fault, "trap")) __builtin_trap();
            if (!strcmp(fault, "segv")) *(volatile int *)16 = 1;
            if (!strcmp(fault, "abort")) abort();
            if (!strcmp(fault, "overflow")) return deeper(0);
            return result;
        }
        """#

    /// A C compiler on the PATH (the Swift toolchain ships clang).
    static let compiler: String? = ["clang", "cc", "gcc"].first { (try? TmuxSession.runTool(["which", $0]))?.status == 0 }

    let directory: String
    var path: String { directory + "/fault.so" }

    init() throws {
        directory = NSTemporaryDirectory() + "descent-fault-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.source.write(toFile: directory + "/fault.c", atomically: true, encoding: .utf8)
        let built = try TmuxSession.runTool([Self.compiler ?? "cc", "-shared", "-fPIC", "-O0", directory + "/fault.c",
                                             "-o", path, "-ldl"])
        guard built.status == 0 else { throw BuildFailure(description: "cannot build fault.so: \(built.output)") }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    struct BuildFailure: Error, CustomStringConvertible {
        let description: String
    }
}
