// If the process faults while the explorer owns the terminal, put the
// terminal back first, then let the fault continue to the previous handler
// (Swift's backtracer), so the crash report lands on a usable screen.
import CNcursesw
import Glibc

enum CrashGuard {
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    // Written once at install, read only by the fault handler.
    nonisolated(unsafe) private static var savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)

    static func install() {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                endwin()
                // Re-install what was there before and return: the faulting
                // instruction runs again and reaches the original handler.
                var original = CrashGuard.savedActions[Int(received)]
                sigaction(received, &original, nil)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, &savedActions[Int(signal)])
        }
    }

    static func uninstall() {
        for signal in signals {
            sigaction(signal, &savedActions[Int(signal)], nil)
        }
    }
}
