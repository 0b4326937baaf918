"""The networks of Kiln's fixtures and samples that more than one PyTorch script builds, with the attribute
names of Kiln's declarations, so that state dicts line up: NormNetworks.NormCnn, and issue 13's MiniResNet
(ResidualNetworks.MiniResNet, the resnet sample's network) with its BasicBlock. The interop scripts import
them from beside themselves; pytorch/norm_trajectory.py from here.
"""
import torch
from torch import nn


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
