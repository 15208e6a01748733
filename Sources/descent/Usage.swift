import DescentCore

enum Usage {
    static let version = "descent 0.1.0"

    static let text = """
    descent: watch gradient descent and back-propagation at work, in a terminal.

    USAGE
      descent [SCENARIO] [--ascii] [--narrate]
                                             open the explorer (default scenario: mse-fit);
                                             --ascii draws in plain ASCII, --narrate says on
                                             the message line where the run stands after
                                             every change, for screen readers (also render, tour)
      descent --expression EXPR [--start a=-1.2,b=1] [--region a=-3:3,b=-2:2]
                                             open the explorer on a loss you type
      descent --function NAME [--start …] [--region …]
                                             open the explorer on a classic test function
      descent list                           the scenarios: name, title, lesson
      descent check FILE...                  check scenario files: 'ok FILE' for each good one,
                                             the first mistake (file:line:column) and exit 1
      descent tour [--ascii] [--narrate]     a guided tour of the lessons, in the explorer
      descent render [SCENARIO] [OPTIONS]    print the frame the explorer would show, as text
      descent run [SCENARIO] [OPTIONS]       train without a screen; print every step
      descent sweep [SCENARIO] [OPTIONS]     final loss for a range of learning rates
      descent grad (EXPR | --function NAME) --at a=2,b=1 [--format table|json]
                                             the loss; its gradient by back-propagation and
                                             by central differences; their relative error
      descent bench [--quick] [WORKLOAD...]  time the benchmark workloads (W1-W5, U1-U3) as
                                             JSON lines with check values; exit 1 if a check
                                             is wrong (--list names them)
      descent --help [COMMAND] | --version

    SCENARIO is a preset's name (descent list), the name of a .json file in a
    --scenarios folder, or the path of a .json file (the format: docs/scenarios.md).
      --scenarios DIR    (any command; repeatable) add the .json files in DIR, by name;
                         they come before the presets, so one can stand in for a preset

    RENDER OPTIONS
      --size COLSxROWS   frame size (default 100x30)
      --steps N          steps to take before the key presses (default 0)
      --keys KEYS        key presses, as typed in the explorer: 'nn]?';
                         named keys in angle brackets: <space> <enter> <esc> <tab>
                         <bs> <up> <down> <left> <right> (<lt> for a literal <).
                         A < opens a name only when letters, digits or - and
                         then > follow it, and the name must be known; any
                         other < is the key <: '<<up>' is < then up
      --ansi             keep colours as ANSI escape codes
      --ascii            plain ASCII: no braille, box lines or symbols (o start, @ now,
                         X global and x local minimum, * paths and curves)
      --narrate          the message line narrates the run instead of showing the lesson
      and the surface options below

    SURFACE OPTIONS (the explorer, render, run and sweep)
      --expression EXPR  a loss you type (see EXPRESSIONS): a surface for two
                         weights, a loss curve for one. The view shows -3 to 3,
                         widened to hold the start; the start is one sixth in
                         from the view's top-left corner, (-2, 2); the learning
                         rate makes the first step about a tenth of the view's
                         width (at most 0.1)
      --function NAME    a classic test function (see FUNCTIONS), with its own
                         view, start and learning rate, and its minima marked
      --start a=X,b=Y    where descent starts
      --region a=LOW:HIGH,b=LOW:HIGH
                         the part of the plane shown

    GRAD OPTIONS
      --at NAME=VALUE,...  the point: a value for every weight of the expression
      --function NAME      a classic function (see FUNCTIONS) instead of an expression
      --format FORMAT      table (default) or json: one line, {"loss": …,
                           "gradient": {…}, "finiteDifference": {…}, "relativeError": …}

    EXPRESSIONS
      A loss of one or two weights: numbers (2, 0.5, 1e-3), names, + - * / ^
      (^ binds tighter than unary minus: -a^2 = -(a^2)), parentheses, pi, e and
      the functions \(functionNames).
      Name steps with ';' or new lines; the last one is the loss:
        'c = a + b; d = b + 1; f = c * d'
      The other names are the weights, in order of first appearance.
      Quote the expression; one that starts with '-' works too.

    FUNCTIONS (weights a and b)
    \(functionTable)

    RUN OPTIONS (also for sweep; hyperparameter names and defaults as in torch.optim)
      --start a=-1.2,b=1    start here instead of the scenario's start (every weight, by name)
      --expression, --function, --region
                            train on a loss you type or a classic function (see SURFACE
                            OPTIONS); --region is where --restarts draw their starts
      --steps N             steps to take (default 100); a converged run keeps stepping,
                            a diverged one stops at the step where it diverged
      --optimizer NAME      sgd, momentum, nesterov, adagrad, rmsprop or adam (default: the
                            scenario's; another one starts from torch's defaults for it)
      --lr X                learning rate, > 0
      --momentum X          sgd, momentum, nesterov, rmsprop; from 0 to below 1
      --alpha X             rmsprop's smoothing constant; from 0 to below 1 (default 0.99)
      --beta1 X --beta2 X   adam's betas; from 0 to below 1 (defaults 0.9, 0.999)
      --eps X               adagrad, rmsprop, adam; > 0 (defaults 1e-10, 1e-8, 1e-8)
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

    static var functionNames: String {
        ExpressionFunction.allCases.map(\.name).joined(separator: " ")
    }

    static var functionTable: String {
        let width = ClassicFunction.all.map(\.name.count).max() ?? 0
        return ClassicFunction.all.map { function in
            "  " + function.name + String(repeating: " ", count: width - function.name.count + 2) + function.summary
        }.joined(separator: "\n")
    }

    static var keyTable: String {
        KeyBindingTable.lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
