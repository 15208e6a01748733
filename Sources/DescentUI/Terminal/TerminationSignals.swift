// Ctrl-C, SIGTERM and SIGHUP only set a flag; the loop sees it within one
// key timeout and leaves through the normal path, which restores the terminal.
import Glibc
import Synchronization

public enum TerminationSignals {
    private static let received = Atomic<Int32>(0)

    /// Installs the flag handlers and unblocks every signal: a parent (a test
    /// runner's worker thread) may have left them blocked.
    public static func install() {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            _ = Glibc.signal(signal) { number in TerminationSignals.received.store(number, ordering: .relaxed) }
        }
    }

    /// The signal that asked the program to stop, if any.
    public static var pending: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// 128 + the pending signal (130 for Ctrl-C, 143 for SIGTERM), so a
    /// script can tell an interrupted explorer from one that was quit. An
    /// exit, not a re-raised signal: the shell still runs what follows.
    public static var exitStatus: Int32? {
        pending.map { 128 + $0 }
    }
}
