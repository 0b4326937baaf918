"""PyTorch's side of Conv2dTest: nn.Conv2d forward and backward on several geometries.

Run with /usr/bin/python3 (Debian's python3-torch): writes conv2d-cases.json beside this file.
"""
import json, os, torch

CASES = [  # name, in, out, height, width, kernel, stride, padding, dilation, bias, rows
    ("3x3-same", 2, 3, 5, 5, 3, 1, 1, 1, True, 2),
    ("5x5-lenet", 1, 4, 8, 8, 5, 1, 2, 1, True, 2),
    ("stride2-odd", 3, 2, 7, 6, 3, 2, 1, 1, True, 3),
    ("dilated", 2, 2, 9, 8, 3, 1, 2, 2, True, 2),
    ("1x1-no-bias", 4, 3, 3, 5, 1, 1, 0, 1, False, 2),
    ("stride3-uncovered", 1, 2, 8, 7, 2, 3, 0, 1, True, 2),
    ("1x1-padded", 2, 2, 4, 3, 1, 1, 1, 1, True, 2),
    ("padding-beyond-kernel", 1, 2, 5, 4, 3, 2, 3, 1, True, 2),
]
out = []
torch.manual_seed(0)
for name, cin, cout, h, w, k, s, p, d, bias, rows in CASES:
    conv = torch.nn.Conv2d(cin, cout, k, stride=s, padding=p, dilation=d, bias=bias)
    x = torch.randn(rows, cin, h, w, requires_grad=True)
    y = conv(x)
    dy = torch.randn_like(y)
    y.backward(dy)
    out.append({"name": name, "in": cin, "out": cout, "height": h, "width": w, "kernel": k, "stride": s,
                "padding": p, "dilation": d, "bias": bias, "rows": rows,
                "weight": conv.weight.detach().flatten().tolist(),
                "b": conv.bias.detach().tolist() if bias else [],
                "x": x.detach().flatten().tolist(), "y": y.detach().flatten().tolist(),
                "dy": dy.flatten().tolist(), "dx": x.grad.flatten().tolist(),
                "dweight": conv.weight.grad.flatten().tolist(),
                "dbias": conv.bias.grad.tolist() if bias else [],
                "out_height": y.shape[2], "out_width": y.shape[3]})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "conv2d-cases.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": out}, f)
