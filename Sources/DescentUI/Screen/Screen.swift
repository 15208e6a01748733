/// Where frames go and keys come from. The ncurses screen is one
/// implementation; `MemoryScreen` is another, so the explorer's loop runs in
/// tests with scripted keys and no terminal.
@MainActor
public protocol Screen: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// Shows `buffer` (it has the screen's size).
    func present(_ buffer: ScreenBuffer)
    /// The next key, or nil when `timeout` passes with none.
    func nextKey(timeout: Duration) -> Key?
}

/// A screen in memory: keys come from a script, frames are kept.
@MainActor
public final class MemoryScreen: Screen {
    public var size: TerminalSize
    public private(set) var frames: [ScreenBuffer] = []
    private var pendingKeys: [Key]

    public init(size: TerminalSize, keys: [Key] = []) {
        self.size = size
        pendingKeys = keys
    }

    public func present(_ buffer: ScreenBuffer) { frames.append(buffer) }

    /// The scripted keys in order; once they run out, `q` so a loop ends.
    public func nextKey(timeout: Duration) -> Key? {
        pendingKeys.isEmpty ? .character("q") : pendingKeys.removeFirst()
    }

    public var lastFrame: ScreenBuffer? { frames.last }
}
