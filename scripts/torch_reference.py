#!/usr/bin/env python3
"""Reference trajectories from PyTorch for descent's optimizer tests.

descent's optimizers, learning-rate schedules and gradient clipping follow
torch.optim, torch.optim.lr_scheduler and torch.nn.utils.clip_grad_norm_.
This script runs the real thing in float64 and writes what it did to
Tests/DescentCoreTests/Fixtures/torch_reference.json, which the Swift tests
replay step by step (OptimizerTorchReferenceTests.swift,
ScheduleTorchReferenceTests.swift).

Regenerate (needs only torch and numpy; a CPU wheel is enough):

    python3 -m venv /tmp/training-venv
    /tmp/training-venv/bin/pip install torch numpy
    /tmp/training-venv/bin/python scripts/torch_reference.py

The output is deterministic: no random numbers are drawn, and every number is
written with Python's shortest round-trip repr, so the Swift side reads back
exactly the doubles torch computed.

What is recorded:
- "trajectories": one optimizer on one analytic loss for `steps` updates, with
  non-default hyperparameters and a change of hyperparameters before update
  `change.atStep` (param_groups edited in place, so optimizer state is kept,
  as descent promises). Each step k records the weights w_k, the loss and the
  gradient torch's autograd computed there, and the settings update k used;
  the final weights close the list.
- "schedules": the learning rate torch's schedulers give before each update
  when scheduler.step() is called after every optimizer.step().
- "clipping": gradients before and after clip_grad_norm_ (L2 norm).
- "scheduledClippedTrajectories": full runs that combine an optimizer, a
  schedule and clipping, the way descent's TrainingRun applies them.
"""

import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)

# The analytic losses, written exactly as the Swift tests write them.
LOSSES = {
    # An ill-conditioned bowl with a cross term: minimum at the origin.
    "bowl": lambda a, b: 0.5 * a * a + 5.0 * b * b + 0.5 * a * b,
    # Rosenbrock's banana: minimum at (1, 1).
    "rosenbrock": lambda a, b: (1.0 - a) ** 2 + 100.0 * (b - a * a) ** 2,
    # A wavy bowl: sin and cos on top of a gentle quadratic.
    "wave": lambda a, b: torch.sin(a) * torch.cos(b) + 0.1 * (a * a + b * b),
}


def make_optimizer(kind, params, hp):
    """The torch.optim constructor for one of descent's optimizer kinds."""
    if kind in ("sgd", "momentum", "nesterov"):
        return torch.optim.SGD(params, lr=hp["learningRate"], momentum=hp["momentum"],
                               nesterov=(kind == "nesterov"), foreach=False)
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=hp["learningRate"], eps=hp["epsilon"], foreach=False)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=hp["learningRate"], alpha=hp["alpha"], eps=hp["epsilon"],
                                   momentum=hp["momentum"], foreach=False)
    if kind == "adam":
        return torch.optim.Adam(params, lr=hp["learningRate"], betas=(hp["beta1"], hp["beta2"]),
                                eps=hp["epsilon"], foreach=False)
    raise ValueError(kind)


def apply_hyperparameters(optimizer, kind, hp):
    """Edits the param group in place: torch keeps the state."""
    group = optimizer.param_groups[0]
    group["lr"] = hp["learningRate"]
    if kind in ("sgd", "momentum", "nesterov"):
        group["momentum"] = hp["momentum"]
    elif kind == "adagrad":
        group["eps"] = hp["epsilon"]
    elif kind == "rmsprop":
        group["alpha"], group["eps"], group["momentum"] = hp["alpha"], hp["epsilon"], hp["momentum"]
    elif kind == "adam":
        group["betas"], group["eps"] = (hp["beta1"], hp["beta2"]), hp["epsilon"]


def defaults(kind):
    """descent's Hyperparameters.defaults(for:), with eps made explicit."""
    hp = {"learningRate": 0.01, "momentum": 0.0, "alpha": 0.99, "beta1": 0.9, "beta2": 0.999,
          "epsilon": 1e-10 if kind == "adagrad" else 1e-8}
    if kind in ("momentum", "nesterov"):
        hp["momentum"] = 0.9
    if kind == "adam":
        hp["learningRate"] = 0.001
    return hp


def make_schedule(optimizer, schedule):
    if schedule is None:
        return None
    name = schedule["name"]
    if name == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=schedule["every"], gamma=schedule["factor"])
    if name == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=schedule["factor"])
    if name == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=schedule["period"],
                                                          eta_min=schedule["minimum"])
    raise ValueError(name)


def trajectory(name, loss, kind, start, steps, first, change=None, schedule=None, clip=None):
    hp = defaults(kind)
    hp.update(first)
    weights = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer(kind, [weights], hp)
    scheduler = make_schedule(optimizer, schedule)
    records = []
    for k in range(steps):
        if change is not None and k == change["atStep"]:
            hp = dict(hp)
            hp.update(change["hyperparameters"])
            apply_hyperparameters(optimizer, kind, hp)
        optimizer.zero_grad()
        value = LOSSES[loss](weights[0], weights[1])
        value.backward()
        gradient = weights.grad.tolist()
        if clip is not None:
            torch.nn.utils.clip_grad_norm_([weights], max_norm=clip, foreach=False)
        used = dict(hp)
        used["learningRate"] = optimizer.param_groups[0]["lr"]
        records.append({"step": k, "weights": weights.detach().tolist(), "loss": value.item(),
                        "gradient": gradient, "clippedGradient": weights.grad.tolist(),
                        "hyperparameters": used})
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
    case = {"name": name, "loss": loss, "optimizer": kind, "start": start, "steps": steps,
            "hyperparameters": dict(defaults(kind), **first), "change": change,
            "schedule": schedule, "clip": clip,
            "records": records, "final": weights.detach().tolist()}
    return case


def trajectories():
    cases = []
    specs = [
        ("sgd", {"learningRate": 0.04}, {"learningRate": 0.07}),
        ("momentum", {"learningRate": 0.02, "momentum": 0.8}, {"learningRate": 0.01, "momentum": 0.95}),
        # Momentum switched off mid-run and its buffer kept for later.
        ("sgd", {"learningRate": 0.02, "momentum": 0.6}, {"momentum": 0.0}),
        # Momentum raised from 0: torch starts the buffer at that step's gradient.
        ("sgd", {"learningRate": 0.02}, {"momentum": 0.9}),
        ("nesterov", {"learningRate": 0.015, "momentum": 0.7}, {"learningRate": 0.03, "momentum": 0.5}),
        ("adagrad", {"learningRate": 0.3, "epsilon": 1e-7}, {"learningRate": 0.1, "epsilon": 1e-3}),
        ("rmsprop", {"learningRate": 0.01, "alpha": 0.9, "epsilon": 1e-6}, {"learningRate": 0.005, "alpha": 0.5}),
        ("rmsprop", {"learningRate": 0.005, "alpha": 0.95, "momentum": 0.5},
         {"momentum": 0.8, "alpha": 0.8, "epsilon": 1e-4}),
        ("adam", {"learningRate": 0.05, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6},
         {"learningRate": 0.02, "beta1": 0.95, "beta2": 0.9}),
        # β₁ < 0.5 takes torch's other lerp branch.
        ("adam", {"learningRate": 0.1, "beta1": 0.3, "beta2": 0.9}, {"beta1": 0.6, "epsilon": 1e-3}),
    ]
    starts = {"bowl": [-2.5, 1.5], "rosenbrock": [-1.2, 1.0], "wave": [2.0, -1.0]}
    scale = {"bowl": 1.0, "rosenbrock": 0.05, "wave": 1.0}
    for loss in LOSSES:
        for index, (kind, first, changed) in enumerate(specs):
            first = dict(first)
            changed = dict(changed)
            # Rosenbrock is steep: the plain rules need smaller steps there.
            if kind in ("sgd", "momentum", "nesterov"):
                first["learningRate"] *= scale[loss]
                if "learningRate" in changed:
                    changed["learningRate"] *= scale[loss]
            cases.append(trajectory(f"{kind}-{index}-{loss}", loss, kind, starts[loss], 30, first,
                                    change={"atStep": 15, "hyperparameters": changed}))
    return cases


def schedules():
    specs = [
        {"name": "step", "every": 7, "factor": 0.5},
        {"name": "exponential", "factor": 0.93},
        {"name": "cosine", "period": 20, "minimum": 0.0},
        # Past its period the cosine rises again, as torch's does.
        {"name": "cosine", "period": 12, "minimum": 0.01},
    ]
    results = []
    for spec in specs:
        weights = torch.tensor([0.0], requires_grad=True)
        optimizer = torch.optim.SGD([weights], lr=0.3)
        scheduler = make_schedule(optimizer, spec)
        rates = []
        for _ in range(40):
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step()
        results.append({"schedule": spec, "base": 0.3, "learningRates": rates})
    return results


def clipping():
    cases = []
    for gradient, max_norm in [([3.0, 4.0], 1.0), ([3.0, 4.0], 10.0), ([-1e-3, 2e-3], 1e-3),
                               ([120.5, -0.25], 2.5), ([0.0, 0.0], 1.0), ([1e-7, 0.0], 1e-7)]:
        weights = torch.tensor([0.0, 0.0], requires_grad=True)
        weights.grad = torch.tensor(gradient)
        total = torch.nn.utils.clip_grad_norm_([weights], max_norm=max_norm, foreach=False)
        cases.append({"gradient": gradient, "maxNorm": max_norm, "norm": total.item(),
                      "clipped": weights.grad.tolist()})
    return cases


def scheduled_clipped():
    return [
        trajectory("momentum-cosine-clip-rosenbrock", "rosenbrock", "momentum", [-1.2, 1.0], 40,
                   {"learningRate": 0.002, "momentum": 0.9},
                   schedule={"name": "cosine", "period": 40, "minimum": 0.0001}, clip=5.0),
        trajectory("adam-step-clip-wave", "wave", "adam", [2.0, -1.0], 40,
                   {"learningRate": 0.2}, schedule={"name": "step", "every": 10, "factor": 0.5}, clip=0.5),
        trajectory("rmsprop-exponential-bowl", "bowl", "rmsprop", [-2.5, 1.5], 40,
                   {"learningRate": 0.05, "momentum": 0.3}, schedule={"name": "exponential", "factor": 0.95}),
    ]


def main():
    fixture = {
        "generator": "scripts/torch_reference.py",
        "torch": torch.__version__.split("+")[0],
        "dtype": "float64",
        "losses": {
            "bowl": "0.5*a*a + 5*b*b + 0.5*a*b",
            "rosenbrock": "(1 - a)^2 + 100*(b - a*a)^2",
            "wave": "sin(a)*cos(b) + 0.1*(a*a + b*b)",
        },
        "trajectories": trajectories(),
        "schedules": schedules(),
        "clipping": clipping(),
        "scheduledClippedTrajectories": scheduled_clipped(),
    }
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "Tests", "DescentCoreTests", "Fixtures", "torch_reference.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        json.dump(fixture, file, indent=1)
        file.write("\n")
    print(f"wrote {path}: {len(fixture['trajectories'])} trajectories, {len(fixture['schedules'])} schedules, "
          f"{len(fixture['clipping'])} clipping cases, {len(fixture['scheduledClippedTrajectories'])} combined runs")


if __name__ == "__main__":
    main()
