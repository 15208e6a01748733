enum Usage {
    static let version = "descent 0.1.0"

    static let text = """
    descent: watch gradient descent and back-propagation at work, in a terminal.

    USAGE
      descent [SCENARIO]                     open the explorer (default scenario: mse-fit)
      descent render [SCENARIO] [OPTIONS]    print the frame the explorer would show, as text
      descent bench [--quick] [WORKLOAD...]  time the benchmark workloads (W1-W5, U1, U3) as
                                             JSON lines with check values; exit 1 if a check
                                             is wrong (--list names them)
      descent --help | --version

    RENDER OPTIONS
      --size COLSxROWS   frame size (default 100x30)
      --steps N          steps to take before the key presses (default 0)
      --keys KEYS        key presses, as typed in the explorer: 'nn]?';
                         named keys in angle brackets: <space> <enter> <esc> <tab>
                         <bs> <up> <down> <left> <right> (<lt> for a literal <)
      --ansi             keep colours as ANSI escape codes

    KEYS IN THE EXPLORER
    \(keyTable)

    Scenarios: \(ScenarioLookup.names.joined(separator: ", "))
    """

    static var keyTable: String {
        KeyBindingTable.lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
