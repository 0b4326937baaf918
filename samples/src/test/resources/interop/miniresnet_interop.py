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
from torch_networks import MiniResNet


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
