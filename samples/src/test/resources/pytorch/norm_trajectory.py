"""PyTorch's side of NormAndResidualTrajectoryTest: NormNetworks.NormMlp and NormCnn, and
ResidualNetworks.MiniResNet (issue 13's) and ResidualMlp, trained step by step.

Run with /usr/bin/python3 (Debian's python3-torch): writes norm-trajectory.json beside this file, with
the state dict's names, the initial parameters (in Kiln's order), the batch, and for SGD with momentum
and for Adam: the loss before each step, then the parameters, the running statistics and the batch
counters after the last step, and the network's output on the batch in eval mode.
"""
import json, os, torch
from torch import nn


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


class NormCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(2, 3, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(3)
        self.conv2 = nn.Conv2d(3, 2, 2, stride=2)
        self.norm = nn.LayerNorm([2, 3, 2], eps=1e-3)
        self.bn2 = nn.BatchNorm2d(2, eps=1e-3, affine=False)
        self.out = nn.Linear(12, 2)

    def forward(self, x):
        x = self.conv2(torch.relu(self.bn1(self.conv1(x))))
        x = self.bn2(torch.tanh(self.norm(x)))
        return self.out(torch.flatten(x, 1))


class BasicBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(16, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 16, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(16)

    def forward(self, x):
        return self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))


class MiniResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 16, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(16)
        self.pool = nn.MaxPool2d(2)
        self.block1 = BasicBlock()
        self.block2 = BasicBlock()
        self.gap = nn.AvgPool2d(14)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn(self.stem(x))))
        x = torch.relu(x + self.block1(x))
        x = torch.relu(x + self.block2(x))
        return self.fc(torch.flatten(self.gap(x), 1))


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
