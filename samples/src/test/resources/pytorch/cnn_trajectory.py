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

def flat(model):
    return [v for t in model.state_dict().values() for v in t.flatten().tolist()]

torch.manual_seed(4)
x = torch.randn(10, 1, 8, 8)
y = torch.randint(0, 3, (10,))
start = TrajectoryCnn()
cases = []
for name, make in [("sgd-momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
                   ("adam", lambda p: torch.optim.Adam(p, lr=0.01))]:
    model = TrajectoryCnn()
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
out = {"torch": torch.__version__, "names": list(start.state_dict().keys()), "initial": flat(start),
       "x": x.flatten().tolist(), "y": y.tolist(), "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cnn-trajectory.json"), "w") as f:
    json.dump(out, f)
