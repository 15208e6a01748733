import DescentCore

extension ExplorerState {
    /// Step requests up to this many are taken at once; more are queued.
    public static let immediateStepLimit = 1000

    /// The momentum range the keys move within.
    public static let momentumRange = 0.0...0.99

    /// The one place the explorer changes: `action` applied to this state.
    /// No I/O happens here, so every transition is testable without a terminal.
    public mutating func apply(_ action: ExplorerAction) {
        defer { refreshGoals() }
        switch action {
        case .step(let count):
            if let reason = stoppedReason {
                message = reason
            } else if count <= Self.immediateStepLimit {
                takeSteps(count)
            } else {
                pendingSteps += count
                pendingStepsDone = 0
            }
        case .advancePendingSteps(let maximum):
            let count = min(max(0, maximum), pendingSteps)
            takeSteps(count)
            pendingSteps -= count
            pendingStepsDone += count
            if runs.allSatisfy(\.status.hasDiverged) { pendingSteps = 0 }
        case .cancelPendingSteps:
            if pendingSteps > 0 { message = "Stopped after \(pendingStepsDone) of \(pendingStepsDone + pendingSteps) steps." }
            pendingSteps = 0
        case .runSweep(let range, let steps):
            let rate = run.optimizer.hyperparameters.learningRate
            let rates = LearningRateSweep.rates(range ?? (rate / 1000)...(rate * 100), count: 30)
            sweepCount += 1
            var swept = scenario
            swept.training = run.settings
            sweep = SweepResult(id: sweepCount, rates: rates, steps: steps, points: [])
            effects.append(.sweep(id: sweepCount, scenario: swept, rates: rates, steps: steps))
            mainView = .sweep
        case .toggleSweep:
            if mainView == .sweep {
                mainView = .surface
            } else if sweep == nil {
                apply(.runSweep(range: nil, steps: 200))
            } else {
                mainView = .sweep
            }
        case .sweepProgressed(let result):
            if result.id == sweepCount { sweep = result }
        case .restartsFinished(let restarts, let report, let steps):
            self.restarts = restarts
            isRunningRestarts = false
            message = Self.describe(report, steps: steps)
        case .togglePlaying:
            if !isPlaying, let reason = stoppedReason {
                message = reason
                return
            }
            isPlaying.toggle()
            playBacklog = 0
        case .scaleLearningRate(let factor):
            let rate = run.optimizer.hyperparameters.learningRate
            // ] held long enough reached inf, [ reached 0, and neither key could come back from there.
            guard (rate * factor).isFinite, rate * factor > 0 else {
                message = "The learning rate stays \(Format.exact(rate))\(forActiveRun): a double cannot hold it "
                    + (factor > 1 ? "any larger." : "any smaller.")
                return
            }
            runs[activeRunIndex].optimizer.hyperparameters.learningRate = rate * factor
            message = "Learning rate \(Format.exact(run.optimizer.hyperparameters.learningRate))\(forActiveRun) from the next step on."
        case .setLearningRate(let rate):
            runs[activeRunIndex].optimizer.hyperparameters.learningRate = rate
            message = "Learning rate \(Format.exact(rate))\(forActiveRun) from the next step on."
        case .setMomentum(let momentum):
            runs[activeRunIndex].optimizer.hyperparameters.momentum = momentum
            message = "Momentum \(Format.exact(momentum))\(forActiveRun) from the next step on."
        case .cycleOptimizer, .setOptimizer, .cycleBatchSize, .setBatchSize, .setSchedule, .setClipping, .rewind,
             .restart, .runRestarts, .setHyperparameter, .setSeed, .setRestartTolerance:
            applyTraining(action)
        case .setPlaySpeed(let speed):
            stepsPerSecond = speed
            message = "Playing at \(Format.exact(speed)) \(speed == 1 ? "step" : "steps") a second."
        case .openCommandLine:
            commandLine = ""
        case .editCommandLine(let text):
            if commandLine != nil { commandLine = text }
        case .closeCommandLine:
            commandLine = nil
        case .submitCommandLine:
            guard let text = commandLine else { return }
            commandLine = nil
            do {
                apply(try ExplorerCommand.parse(text))
            } catch {
                message = ":\(text): \(error)"
            }
        case .adjustMomentum(let change):
            let raised = run.optimizer.hyperparameters.momentum + change
            // Round to hundredths so repeated ±0.1 never shows 0.30000000000000004.
            let rounded = (raised * 100).rounded() / 100
            let clamped = min(max(rounded, Self.momentumRange.lowerBound), Self.momentumRange.upperBound)
            runs[activeRunIndex].optimizer.hyperparameters.momentum = clamped
            message = run.optimizer.kind.usesMomentum
                ? "Momentum \(Format.exact(clamped))\(forActiveRun) from the next step on."
                : "Momentum \(Format.exact(clamped)) (\(run.optimizer.kind.displayName) ignores momentum)."
        case .reset:
            for index in runs.indices { runs[index].reset() }
            isPlaying = false
            playBacklog = 0
            message = "Back at the start; the learning rate and momentum are kept."
        case .pan(let horizontal, let vertical):
            region = region.panned(horizontal: horizontal, vertical: scenario.plane.isLine ? 0 : vertical)
        case .zoom(let factor):
            region = region.zoomed(by: factor, keepingVertical: scenario.plane.isLine)
        case .zoomAbout(let point, let factor):
            region = region.zoomed(by: factor, about: point, keepingVertical: scenario.plane.isLine)
        case .startAt(let point):
            let start = scenario.plane.weights(at: point)
            for index in runs.indices { runs[index] = runs[index].restarted(from: start) }
            isPlaying = false
            pendingSteps = 0
            let names = run.objective.parameterNames.prefix(2)
            let position = zip(names, start).map { "\($0.0) \(Format.number($0.1))" }.joined(separator: ", ")
            message = "New start at \(position): click anywhere on the map to start there."
        case .resetView:
            region = scenario.region
        case .fitView:
            region = fittedRegion()
        case .selectNextRun:
            guard isRace else { return }
            activeRunIndex = (activeRunIndex + 1) % runs.count
            message = "\(run.optimizer.kind.displayName) selected: ] [ M m now tune it."
        case .checkGradient:
            let objective = scenario.objective
            let check = GradientCheck(at: run.weights, loss: { objective.loss(at: $0) },
                                      gradient: { objective.evaluate(at: $0).gradient })
            let verdict = check.relativeError < 1e-6 ? "they agree" : "they differ: the gradient is suspect"
            message = "Gradient check at step \(run.stepCount): back-propagation vs finite differences, "
                + "relative error \(Format.number(check.relativeError, digits: 2)) (\(verdict))."
        case .toggleFit:
            guard scenario.objective is any PredictiveModel else {
                message = "This scenario's loss is a formula of its weights: it has no data to show."
                return
            }
            mainView = mainView == .data ? .surface : .data
        case .toggleGraph:
            mainView = mainView == .graph ? .surface : .graph
            backwardStepsShown = nil
            graphScroll = 0
        case .stepBackward:
            mainView = .graph
            let total = GraphView.trace(scenario: scenario, weights: run.weights).steps.count
            let next = (backwardStepsShown ?? 0) + 1
            backwardStepsShown = next > total ? 0 : next
        case .completeBackward:
            backwardStepsShown = nil
        case .scrollGraph(let rows):
            graphScroll = max(0, graphScroll + rows)
        case .open(let newScenario):
            self = ExplorerState(scenario: newScenario, size: size, library: library)
            message = "Opened \(newScenario.name): \(newScenario.title)"
        case .openNamed(let name):
            guard let entry = library.entry(named: name), let scenario = entry.loaded else {
                let names = library.entries.map(\.name)
                let hint = DidYouMean.suggestion(for: name, among: names).map { " (did you mean \($0)?)" } ?? ""
                message = "No scenario named '\(name)'\(hint); press s to pick one."
                return
            }
            apply(.open(scenario))
        case .toggleTour:
            if tour != nil {
                tour = nil
                message = "Tour over; the scenario stays open."
            } else {
                goToTourStop(TourProgress(tour: .standard, index: 0))
            }
        case .moveTour(let offset):
            guard let current = tour else { return }
            let target = current.index + offset
            guard current.tour.stops.indices.contains(target) else {
                message = offset > 0 ? "That was the last stop: press T to leave the tour." : "This is the first stop."
                return
            }
            goToTourStop(TourProgress(tour: current.tour, index: target))
        case .openPicker:
            picker = ScenarioPicker()
        case .filterPicker(let text):
            picker?.filter = text
            picker?.selection = 0
        case .movePickerSelection(let rows):
            guard var current = picker else { return }
            let count = library.matching(current.filter).count
            current.selection = count == 0 ? 0 : min(max(0, current.selection + rows), count - 1)
            picker = current
        case .choosePickerSelection:
            guard let current = picker else { return }
            let matches = library.matching(current.filter)
            picker = nil
            if matches.indices.contains(current.selection) { apply(.openNamed(matches[current.selection].name)) }
        case .closePicker:
            picker = nil
        case .toggleHelp:
            isShowingHelp.toggle()
        case .say(let text):
            message = text
        case .setNarration(let isOn):
            isNarrating = isOn
            message = isOn ? nil : "Narration off: this line shows the lesson again."
        case .setASCII(let isOn):
            isASCII = isOn
            message = isOn ? "ASCII only: o start, @ now, X global and x local minimum, * paths; :ascii off for Unicode."
                : "Unicode again: braille paths and curves, box lines, ○ ● ◆ ◇ markers."
        case .dismissOverlay:
            isShowingHelp = false
        case .quit:
            isQuitting = true
        case .tick(let seconds):
            guard seconds > 0 else { return }
            // A divergence notice stays while nothing can move: it says what to do.
            if message != nil, !runs.allSatisfy(\.status.hasDiverged) {
                messageAge += seconds
                if messageAge > Self.messageLifetime { message = nil }
            }
            guard isPlaying else { return }
            // Never owe more than a second of steps: after a stall, play
            // resumes at its pace instead of jumping ahead.
            playBacklog = min(playBacklog + seconds * stepsPerSecond, stepsPerSecond)
            let due = Int(playBacklog)
            playBacklog -= Double(due)
            if due > 0 { takeSteps(due) }
        case .resize(let newSize):
            size = newSize
        case .surfaceSampled(let grid, let refinement):
            // A pass for a view that is no longer shown is dropped.
            if let request = surfaceRequest, request.isSatisfied(by: grid) {
                surface = grid
                surfaceRefinement = refinement
            }
        }
    }

    /// Routes a key: an open overlay takes keys first, then the key map.
    public mutating func handle(_ key: Key) {
        if key == .resize { return }
        if case .mouse(let event) = key {
            handleMouse(event)
            return
        }
        // Ctrl-A and other control characters bind nothing and are never typed into text.
        if case .character(let character) = key,
           character.unicodeScalars.contains(where: { TerminalText.visible($0) != $0 }) { return }
        if layout == nil {
            // Nothing is visible while the terminal is too small: only quit works.
            if key == .character("q") { apply(.quit) }
            return
        }
        if let current = picker {
            switch key {
            case .enter: apply(.choosePickerSelection)
            case .escape: apply(.closePicker)
            case .up: apply(.movePickerSelection(by: -1))
            case .down, .tab: apply(.movePickerSelection(by: 1))
            case .pageUp: apply(.movePickerSelection(by: -10))
            case .pageDown: apply(.movePickerSelection(by: 10))
            case .backspace, .delete: apply(.filterPicker(String(current.filter.dropLast())))
            case .character(let character): apply(.filterPicker(current.filter + String(character)))
            default: break
            }
            return
        }
        if let text = commandLine {
            switch key {
            case .enter: apply(.submitCommandLine)
            case .tab: apply(.editCommandLine(ExplorerCommand.completion(of: text)))
            case .escape: apply(.closeCommandLine)
            case .backspace, .delete:
                if text.isEmpty { apply(.closeCommandLine) } else { apply(.editCommandLine(String(text.dropLast()))) }
            case .character(let character): apply(.editCommandLine(text + String(character)))
            default: break
            }
            return
        }
        if key == .escape, pendingSteps > 0 {
            apply(.cancelPendingSteps)
            return
        }
        if isShowingHelp {
            switch key {
            case .character("?"), .escape, .character("q"), .enter: apply(.dismissOverlay)
            case .down: helpScroll = min(helpScroll + 1, KeyBinding.explorer.count)
            case .up: helpScroll = max(0, helpScroll - 1)
            default: break
            }
            return
        }
        if isShowingGraph {
            // The surface is hidden, so vertical arrows scroll the table instead of panning.
            switch key {
            case .up: apply(.scrollGraph(by: -1)); return
            case .down: apply(.scrollGraph(by: 1)); return
            case .pageUp: apply(.scrollGraph(by: -10)); return
            case .pageDown: apply(.scrollGraph(by: 10)); return
            default: break
            }
        }
        if let action = KeyBinding.action(for: key) { apply(action) }
    }

    /// " for Adam" in a race, where the keys tune one contender.
    var forActiveRun: String { isRace ? " for \(run.optimizer.kind.displayName)" : "" }

    private mutating func takeSteps(_ count: Int) {
        // New weights make a new graph: an edge-by-edge replay starts over.
        if backwardStepsShown != nil { backwardStepsShown = 0 }
        let wasDiverged = runs.map(\.status.hasDiverged)
        for index in runs.indices { runs[index].step(count: count) }
        let newlyDiverged = runs.indices.filter { runs[$0].status.hasDiverged && !wasDiverged[$0] }
        if runs.allSatisfy(\.status.hasDiverged) { isPlaying = false }
        if let index = newlyDiverged.first, case .diverged(let step) = runs[index].status {
            message = divergenceMessage(for: runs[index], at: step)
        } else if !isRace, case .converged(let step) = run.status, step == run.stepCount {
            message = "Converged at step \(step): the gradient is (nearly) zero."
        }
    }

    /// Why a step key does nothing: every run has diverged (the active
    /// one's cause is given). Nil while some run can still move.
    var stoppedReason: String? {
        guard runs.allSatisfy(\.status.hasDiverged), case .diverged(let step) = run.status else { return nil }
        return divergenceMessage(for: run, at: step)
    }

    /// Says why a run diverged and what to try: a smaller rate for an
    /// overshoot, another start where the formula itself has no value or no
    /// slope (no rate helps there).
    func divergenceMessage(for run: TrainingRun, at step: Int) -> String {
        let who = isRace ? "\(run.optimizer.kind.displayName) diverged" : "Diverged"
        let names = run.objective.parameterNames
        // A network's hundred weights name no place a person can read.
        let place = names.count <= 2
            ? " at " + zip(names, run.weights).map { "\($0) = \(Format.number($1))" }.joined(separator: ", ") : ""
        switch run.divergenceCause ?? .lossExploded {
        case .lossExploded:
            return "\(who) at step \(step): the learning rate overshoots. Press R to reset, [ to halve it."
        case .lossUndefined:
            return "\(who) at step \(step): the loss is undefined\(place) (outside its domain). "
                + "Press R to reset, r to restart."
        case .gradientUndefined:
            return "\(who) at step \(step): no gradient\(place) (a sharp tip or a domain edge). "
                + "Press R to reset, r to restart."
        }
    }

    /// A click on the map starts there; the wheel zooms about the pointer.
    /// Elsewhere, and while an overlay or the command line is open, the
    /// mouse does nothing.
    private mutating func handleMouse(_ event: MouseEvent) {
        guard let layout, picker == nil, commandLine == nil, !isShowingHelp, mainView == .surface,
              layout.surfaceMap.contains(column: event.column, row: event.row) else { return }
        let map = layout.surfaceMap
        let u = region.horizontal.lowerBound + region.width * (Double(event.column - map.x) + 0.5) / Double(map.width)
        let v = region.vertical.upperBound - region.height * (Double(event.row - map.y) + 0.5) / Double(map.height)
        let point = PlanePoint(u: u, v: scenario.plane.isLine ? 0 : v)
        switch event.kind {
        case .click: apply(.startAt(point))
        case .wheelUp: apply(.zoomAbout(point, by: 1 / 1.25))
        case .wheelDown: apply(.zoomAbout(point, by: 1.25))
        }
    }

    /// Opens a tour stop's scenario and keeps the tour going.
    private mutating func goToTourStop(_ progress: TourProgress) {
        do {
            apply(.open(try progress.tour.scenario(at: progress.index)))
            tour = progress
            message = nil
        } catch {
            message = "The tour's next scenario does not load: \(error)"
        }
    }

    /// Brings every run's goal tracker up to date (cheap: only new records
    /// are looked at); a new run set gets new trackers.
    mutating func refreshGoals() {
        guard let goal = scenario.goal else {
            goalTrackers = []
            return
        }
        if goalTrackers.count != runs.count { goalTrackers = runs.map { _ in GoalTracker(goal) } }
        for index in runs.indices { goalTrackers[index].update(with: runs[index]) }
    }
}
