"""PyTorch's side of the MiniResNet interop test: issue 13's MiniResNet as an nn.Module with the same
attribute names (blocks as sub-modules, batch normalization's buffers included), safetensors read and
written by blobnet_interop.py's functions; outputs in eval mode printed as JSON. The input is the same on
both sides: x[i] = sin(0.37 i), two 1 x 28 x 28 images.

Usage: miniresnet_interop.py load KILN_FILE   -> eval outputs of Kiln's weights and statistics in PyTorch
       miniresnet_interop.py save TORCH_FILE  -> trains a PyTorch MiniResNet a few steps, saves it, prints its outputs
"""
import json, sys
import torch, torch.nn as nn
from blobnet_interop import read, write


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


mode, path = sys.argv[1], sys.argv[2]
torch.manual_seed(17)
net = MiniResNet()
if mode == "load":
    net.load_state_dict(read(path), strict=True)
else:
    # A few training steps, so that the weights, the running statistics and the counters are not their defaults.
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for _ in range(3):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(torch.randn(8, 1, 28, 28)), torch.randint(0, 10, (8,)))
        loss.backward()
        opt.step()
    write(path, net.state_dict())
net.eval()
x = torch.sin(torch.arange(2 * 784, dtype=torch.float64) * 0.37).float().reshape(2, 1, 28, 28)
with torch.no_grad():
    print(json.dumps({"torch": torch.__version__, "outputs": net(x).reshape(-1).tolist()}))
