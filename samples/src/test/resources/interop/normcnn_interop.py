"""PyTorch's side of the NormCnn interop test: NormNetworks.NormCnn as an nn.Module with the same
attribute names, batch normalization's buffers included (num_batches_tracked as I64), safetensors read
and written by blobnet_interop.py's functions; outputs in eval mode printed as JSON. The input is the same
on both sides: x[i] = sin(0.37 i), three 2 x 6 x 5 examples.

Usage: normcnn_interop.py load KILN_FILE   -> eval outputs of Kiln's weights and statistics in PyTorch
       normcnn_interop.py save TORCH_FILE  -> trains a PyTorch NormCnn a few steps, saves it, prints its outputs
"""
import json, sys
import torch, torch.nn as nn
from blobnet_interop import read, write
from torch_networks import NormCnn


mode, path = sys.argv[1], sys.argv[2]
torch.manual_seed(13)
net = NormCnn()
if mode == "load":
    net.load_state_dict(read(path), strict=True)
else:
    # A few training steps, so that the weights, the running statistics and the counters are not their defaults.
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for _ in range(3):
        opt.zero_grad()
        loss = net(torch.randn(8, 2, 6, 5)).pow(2).mean()
        loss.backward()
        opt.step()
    write(path, net.state_dict())
net.eval()
x = torch.sin(torch.arange(3 * 60, dtype=torch.float64) * 0.37).float().reshape(3, 2, 6, 5)
with torch.no_grad():
    print(json.dumps({"torch": torch.__version__, "outputs": net(x).reshape(-1).tolist()}))
