"""PyTorch's side of CnnTrajectoryTest: ConvNetworks.TrajectoryCnn trained step by step.

Run with /usr/bin/python3 (Debian's python3-torch): writes cnn-trajectory.json beside this file, with
the initial state dict (in Kiln's parameter order), the batch, and the loss before each step and the
parameters after the last, for SGD with momentum and for Adam.
"""
import json, os, torch
from torch import nn

class TrajectoryCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 6, 3, stride=2)
        self.fc1 = nn.Linear(6 * 3 * 3, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        x = torch.flatten(x, 1)
        return self.fc2(torch.relu(self.fc1(x)))

class PooledTrajectoryCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(2, 3, 3, padding=1)
        self.pool1 = nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True)
        self.conv2 = nn.Conv2d(3, 4, 2)
        self.pool2 = nn.AvgPool2d(2, stride=1, padding=1, count_include_pad=False)
        self.pool3 = nn.MaxPool2d(2, dilation=2)
        self.fc = nn.Linear(4 * 2 * 2, 3)

    def forward(self, x):
        x = self.pool1(torch.relu(self.conv1(x)))
        x = self.pool3(self.pool2(torch.tanh(self.conv2(x))))
        return self.fc(torch.flatten(x, 1))

def flat(model):
    return [v for t in model.state_dict().values() for v in t.flatten().tolist()]

def trajectories(network, shape, seed):
    torch.manual_seed(seed)
    x = torch.randn(10, *shape)
    y = torch.randint(0, 3, (10,))
    start = network()
    cases = []
    for name, make in [("sgd-momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
                       ("adam", lambda p: torch.optim.Adam(p, lr=0.01))]:
        model = network()
        model.load_state_dict(start.state_dict())
        opt = make(model.parameters())
        losses = []
        for _ in range(15):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            losses.append(loss.item())
            loss.backward()
            opt.step()
        cases.append({"optimizer": name, "losses": losses, "final": flat(model)})
    return {"names": list(start.state_dict().keys()), "initial": flat(start), "x": x.flatten().tolist(),
            "y": y.tolist(), "cases": cases}

out = {"torch": torch.__version__, "TrajectoryCnn": trajectories(TrajectoryCnn, (1, 8, 8), 4),
       "PooledTrajectoryCnn": trajectories(PooledTrajectoryCnn, (2, 9, 8), 5)}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cnn-trajectory.json"), "w") as f:
    json.dump(out, f)
