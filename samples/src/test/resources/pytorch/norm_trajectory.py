"""PyTorch's side of NormAndResidualTrajectoryTest: NormNetworks.NormMlp and NormCnn, and
ResidualNetworks.MiniResNet (issue 13's) and ResidualMlp, trained step by step.

Run with /usr/bin/python3 (Debian's python3-torch): writes norm-trajectory.json beside this file, with
the state dict's names, the initial parameters (in Kiln's order), the batch, and for SGD with momentum
and for Adam: the loss before each step, then the parameters, the running statistics and the batch
counters after the last step, and the network's output on the batch in eval mode.
"""
import json, os, sys, torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from torch_networks import MiniResNet, NormCnn  # noqa: E402


class NormMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.inputNorm = nn.BatchNorm1d(5)
        self.hidden = nn.Linear(5, 6)
        self.hiddenNorm = nn.BatchNorm1d(6, momentum=0.2)
        self.second = nn.Linear(6, 4)
        self.plainNorm = nn.BatchNorm1d(4, affine=False, track_running_stats=False)
        self.layerNorm = nn.LayerNorm(4)
        self.out = nn.Linear(4, 3)

    def forward(self, x):
        x = torch.tanh(self.hidden(self.inputNorm(x)))
        x = torch.tanh(self.second(nn.functional.gelu(self.hiddenNorm(x))))
        return self.out(torch.relu(self.layerNorm(self.plainNorm(x))))


class MlpBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = nn.LayerNorm(8)
        self.up = nn.Linear(8, 16)
        self.down = nn.Linear(16, 8)

    def forward(self, x):
        return self.down(nn.functional.gelu(self.up(self.norm(x))))


class ResidualMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(6, 8)
        self.block1 = MlpBlock()
        self.block2 = MlpBlock()
        self.norm = nn.LayerNorm(8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        x = self.embed(x)
        x = x + self.block1(x)
        x = x + self.block2(x)
        return self.out(self.norm(x))


OPTIMIZERS = [("sgd-momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
              ("adam", lambda p: torch.optim.Adam(p, lr=0.01))]


def trajectories(network, shape, seed, classes, optimizers=OPTIMIZERS):
    torch.manual_seed(seed)
    x = torch.randn(10, *shape) * 1.5 + 0.3
    y = torch.randint(0, 3, (10,)) if classes else torch.randn(10, 2)
    loss_of = (lambda out: nn.functional.cross_entropy(out, y)) if classes else (lambda out: nn.functional.mse_loss(out, y))
    start = network()
    cases = []
    for name, make in optimizers:
        model = network()
        model.load_state_dict(start.state_dict())
        model.train()
        opt = make(model.parameters())
        losses = []
        for _ in range(8):
            opt.zero_grad()
            loss = loss_of(model(x))
            losses.append(loss.item())
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            evaluated = model(x)
        buffers = {k: v.flatten().tolist() for k, v in model.state_dict().items() if "running" in k or "num_batches" in k}
        cases.append({"optimizer": name, "losses": losses, "final": [v for p in model.parameters() for v in p.flatten().tolist()],
                      "buffers": buffers, "eval": evaluated.flatten().tolist()})
    return {"names": list(start.state_dict().keys()),
            "initial": [v for p in start.parameters() for v in p.flatten().tolist()],
            "x": x.flatten().tolist(), "y": y.flatten().tolist(), "cases": cases}


out = {"torch": torch.__version__, "NormMlp": trajectories(NormMlp, (5,), 6, True),
       "NormCnn": trajectories(NormCnn, (2, 6, 5), 7, False),
       # Adam on MiniResNet follows for six steps, then drifts by 5e-4, most likely where a gradient is about
       # 0 (max-pool ties, ReLUs at their bend) and Adam turns rounding into whole steps. SGD only, as asked.
       "MiniResNet": trajectories(MiniResNet, (1, 28, 28), 8, True, OPTIMIZERS[:1]),
       "ResidualMlp": trajectories(ResidualMlp, (6,), 9, True)}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "norm-trajectory.json"), "w") as f:
    json.dump(out, f)
