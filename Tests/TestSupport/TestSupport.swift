// Shared helpers for the test targets: finite differences, seeded points,
// tolerant comparisons (FiniteDifferences.swift) and the tmux driver for
// end-to-end tests (Tmux.swift).
