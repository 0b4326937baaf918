"""PyTorch's side of the LeNet-5 interop test: the sample's LeNet-5 as an nn.Module with the same
attribute names, safetensors read and written by blobnet_interop.py's hand-written functions (PyTorch
1.13 has no safetensors), outputs printed as JSON. The input is the same on both sides:
x[i] = sin(0.37 i), two 1 x 28 x 28 images.

Usage: lenet5_interop.py load KILN_FILE   -> outputs of Kiln's weights in PyTorch
       lenet5_interop.py save TORCH_FILE  -> saves a fresh PyTorch LeNet-5, prints its outputs
"""
import json, sys
import torch, torch.nn as nn
from blobnet_interop import read, write


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(torch.relu(self.conv1(x)))
        x = self.flatten(self.pool2(torch.relu(self.conv2(x))))
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


mode, path = sys.argv[1], sys.argv[2]
torch.manual_seed(11)
net = LeNet5()
if mode == "load":
    net.load_state_dict(read(path), strict=True)
else:
    write(path, net.state_dict())
x = torch.sin(torch.arange(2 * 784, dtype=torch.float64) * 0.37).float().reshape(2, 1, 28, 28)
print(json.dumps({"torch": torch.__version__, "outputs": net(x).detach().reshape(-1).tolist()}))
