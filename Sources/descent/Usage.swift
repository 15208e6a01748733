enum Usage {
    static let version = "descent 0.1.0"

    static let text = """
    descent: watch gradient descent and back-propagation at work, in a terminal.

    USAGE
      descent [SCENARIO]                     open the explorer (default scenario: mse-fit)
      descent list                           the scenarios: name, title, lesson
      descent check FILE...                  check scenario files: 'ok FILE' for each good one,
                                             the first mistake (file:line:column) and exit 1
      descent render [SCENARIO] [OPTIONS]    print the frame the explorer would show, as text
      descent run [SCENARIO] [OPTIONS]       train without a screen; print every step
      descent sweep [SCENARIO] [OPTIONS]     final loss for a range of learning rates
      descent --help | --version

    SCENARIO is a preset's name (descent list), the name of a .json file in a
    --scenarios folder, or the path of a .json file (the format: docs/scenarios.md).
      --scenarios DIR    (any command; repeatable) add the .json files in DIR, by name;
                         they come before the presets, so one can stand in for a preset

    RENDER OPTIONS
      --size COLSxROWS   frame size (default 100x30)
      --steps N          steps to take before the key presses (default 0)
      --keys KEYS        key presses, as typed in the explorer: 'nn]?';
                         named keys in angle brackets: <space> <enter> <esc> <tab>
                         <bs> <up> <down> <left> <right> (<lt> for a literal <)
      --ansi             keep colours as ANSI escape codes

    RUN OPTIONS (also for sweep; hyperparameter names and defaults as in torch.optim)
      --start a=-1.2,b=1    start here instead of the scenario's start (every weight, by name)
      --steps N             steps to take (default 100); a converged run keeps stepping,
                            a diverged one stops at the step where it diverged
      --optimizer NAME      sgd, momentum, nesterov, adagrad, rmsprop or adam (default: the
                            scenario's; another one starts from torch's defaults for it)
      --lr X                learning rate, > 0
      --momentum X          sgd, momentum, nesterov, rmsprop; from 0 to below 1
      --alpha X             rmsprop's smoothing constant; from 0 to below 1 (default 0.99)
      --beta1 X --beta2 X   adam's betas; from 0 to below 1 (defaults 0.9, 0.999)
      --eps X               adagrad, rmsprop, adam; ≥ 0 (defaults 1e-10, 1e-8, 1e-8)
      --schedule S          learning rate by step k (torch's schedulers, stepped every step):
                            constant            η
                            step:EVERY:FACTOR   η·FACTOR^⌊k/EVERY⌋       (StepLR)
                            exponential:FACTOR  η·FACTOR^k               (ExponentialLR)
                            cosine:T[:MIN]      MIN + (η−MIN)(1+cos(πk/T))/2  (CosineAnnealingLR)
      --clip X              scale gradients longer than X down to norm X (clip_grad_norm_)
      --batch K|full        samples per step (default full; 1 is stochastic): seeded, reshuffled
                            each epoch, every sample once per epoch, the last batch of an epoch
                            holds the remainder; K above the data size means every sample
      --seed S              seeds the batch order and restarts (default 0)
      --restarts R          R runs from random starts in the view region (seeded); one line per
                            restart, then how many reached the global minimum and which minima
      --tolerance X         with --restarts: distance to a known minimum that counts as
                            reaching it (default 0.01)
      --format F            table (default), csv or json (JSON Lines: one object per step,
                            step 0 first, then {"summary": …})

    SWEEP OPTIONS
      --lr LOW:HIGH         learning rates spaced evenly in log scale, ends included
                            (default 1e-4:10)
      --points P            how many rates (default 30)
      --format F            table (default), csv or json

    KEYS IN THE EXPLORER
    \(keyTable)

    Presets: \(ScenarioLookup.names.joined(separator: ", "))
    """

    static var keyTable: String {
        KeyBindingTable.lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
