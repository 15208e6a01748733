// If the process faults while the explorer owns the terminal, put the
// terminal back first, then let the fault continue to the previous handler
// (Swift's backtracer), so the crash report lands on a usable screen.
//
// The handler runs on an alternate signal stack: a stack overflow faults
// with no stack left, and a handler on the overflowed stack would fault
// again and leave the terminal in the alternate screen. Swift's backtracer
// gives the main thread such a stack; without it (SWIFT_BACKTRACE=enable=no)
// the guard sets up its own.
//
// The guard knows nothing of ncurses: the screen hands it the function that
// restores the terminal, so only NcursesScreen touches the library.
import Glibc

enum CrashGuard {
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    // Written once at install, read only by the fault handler.
    nonisolated(unsafe) private static var savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    // Written once at install, read only by the fault handler.
    nonisolated(unsafe) private static var restoreTerminal: (@convention(c) () -> Void)?
    private static let alternateStackSize = 64 * 1024

    static func install(restoringTerminalWith restore: @convention(c) () -> Void) {
        restoreTerminal = restore
        ensureAlternateStack()
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { received, information, _ in
                CrashGuard.restoreTerminal?()
                // Re-install what was there before and return: the faulting
                // instruction runs again and reaches the original handler.
                var original = CrashGuard.savedActions[Int(received)]
                sigaction(received, &original, nil)
                // A signal sent by kill or raise (abort) does not recur on
                // return: send it again, to the original handler this time.
                if let information, information.pointee.si_code <= 0 { raise(received) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, &savedActions[Int(signal)])
        }
    }

    static func uninstall() {
        for signal in signals {
            sigaction(signal, &savedActions[Int(signal)], nil)
        }
    }

    /// Gives this thread an alternate signal stack unless it has one.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        // Never freed: the stack must outlive every signal the process may take.
        guard let memory = malloc(alternateStackSize) else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: alternateStackSize)
        sigaltstack(&stack, nil)
    }
}
