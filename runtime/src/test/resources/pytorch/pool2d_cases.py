"""PyTorch's side of Pool2dTest: nn.MaxPool2d and nn.AvgPool2d forward and backward.

Run with /usr/bin/python3 (Debian's python3-torch): writes pool2d-cases.json beside this file.
"""
import json, os, torch
from torch import nn

CASES = [  # name, kind, channels, height, width, kernel, stride, padding, dilation, ceil, count_include_pad, ties
    ("max-2x2", "max", 2, 6, 6, 2, 2, 0, 1, False, True, False),
    ("max-3-stride2-pad1", "max", 2, 7, 6, 3, 2, 1, 1, False, True, False),
    ("max-ceil", "max", 1, 7, 7, 2, 2, 0, 1, True, True, False),
    ("max-dilated", "max", 2, 8, 7, 2, 1, 1, 2, False, True, False),
    ("max-ties-first", "max", 1, 4, 4, 2, 2, 0, 1, False, True, True),
    ("avg-2x2", "avg", 2, 6, 6, 2, 2, 0, 1, False, True, False),
    ("avg-pad-include", "avg", 2, 5, 6, 3, 2, 1, 1, False, True, False),
    ("avg-pad-exclude", "avg", 2, 5, 6, 3, 2, 1, 1, False, False, False),
    ("avg-ceil-include", "avg", 1, 7, 5, 3, 2, 1, 1, True, True, False),
    ("avg-ceil-exclude", "avg", 1, 7, 5, 2, 2, 1, 1, True, False, False),
    ("avg-global", "avg", 3, 4, 4, 4, 4, 0, 1, False, True, False),
]
torch.manual_seed(0)
out = []
for name, kind, c, h, w, k, s, p, d, ceil, include, ties in CASES:
    pool = (nn.MaxPool2d(k, stride=s, padding=p, dilation=d, ceil_mode=ceil) if kind == "max"
            else nn.AvgPool2d(k, stride=s, padding=p, ceil_mode=ceil, count_include_pad=include))
    x = (torch.randint(0, 3, (2, c, h, w)).float() if ties else torch.randn(2, c, h, w)).requires_grad_(True)
    y = pool(x)
    dy = torch.randn_like(y)
    y.backward(dy)
    out.append({"name": name, "kind": kind, "channels": c, "height": h, "width": w, "kernel": k, "stride": s,
                "padding": p, "dilation": d, "ceil": ceil, "count_include_pad": include, "rows": 2,
                "x": x.detach().flatten().tolist(), "y": y.detach().flatten().tolist(),
                "dy": dy.flatten().tolist(), "dx": x.grad.flatten().tolist(),
                "out_height": y.shape[2], "out_width": y.shape[3]})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pool2d-cases.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": out}, f)
