import DescentUI

/// The key map as aligned text lines, for `--help`.
enum KeyBindingTable {
    static var lines: [String] {
        let width = KeyBinding.explorer.map(\.label.count).max() ?? 0
        return KeyBinding.explorer.map { Format.padded($0.label, to: width) + "  " + $0.summary }
    }
}
