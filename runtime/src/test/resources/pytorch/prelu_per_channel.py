"""PyTorch's side of PReLUPerChannelTest: nn.PReLU(num_parameters=C) on an NCHW batch.

Run with /usr/bin/python3 (Debian's python3-torch): writes prelu-per-channel.json beside this file.
"""
import json, os, torch

torch.manual_seed(0)
x = torch.randn(2, 3, 2, 2, requires_grad=True)
prelu = torch.nn.PReLU(num_parameters=3)
with torch.no_grad():
    prelu.weight.copy_(torch.tensor([0.1, -0.3, 0.7]))
y = prelu(x)
dy = torch.randn_like(y)
y.backward(dy)
case = {"torch": torch.__version__, "channels": 3, "height": 2, "width": 2,
        "x": x.detach().reshape(2, -1).tolist(), "slopes": prelu.weight.detach().tolist(),
        "dy": dy.reshape(2, -1).tolist(), "y": y.detach().reshape(2, -1).tolist(),
        "dx": x.grad.reshape(2, -1).tolist(), "dslopes": prelu.weight.grad.tolist()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "prelu-per-channel.json"), "w") as f:
    json.dump(case, f, indent=1)
