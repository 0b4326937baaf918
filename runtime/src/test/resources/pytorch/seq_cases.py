"""PyTorch's side of the sequence tests: nn.MultiheadAttention (batch_first, called as self-attention with
a key padding mask and, when causal, the upper-triangular -inf mask) and nn.TransformerEncoderLayer
(post-norm ReLU, pre-norm GELU, causal), forward and backward, on batches with padded positions.

Run with /usr/bin/python3 (Debian's python3-torch 1.13): writes seq-cases.json beside this file. Each case
gives the module's options, its parameters in state-dict order (flattened, concatenated: the layout Kiln's
parameter array has), the input x [rows x length x dim], the padding mask (1 = padding), and for
sum(y * dy): the output y, the input gradient dx and the parameters' gradient in the same layout.
Dropout is 0: the reference runs the standard (not the fast) path, with gradients enabled.
"""
import json, os, torch

torch.manual_seed(0)


def flat(t):
    return t.detach().reshape(-1).tolist()


def padding_mask(rows, length, padded):
    mask = torch.zeros(rows, length, dtype=torch.bool)
    for r, positions in padded.items():
        for t in positions:
            mask[r, t] = True
    return mask


def causal_mask(length):
    return torch.triu(torch.full((length, length), float("-inf")), diagonal=1)


def run(name, kind, module, options, rows, length, dim, padded, causal):
    with torch.no_grad():
        for n, prm in module.named_parameters():
            prm.copy_(torch.randn_like(prm) * 0.4 + (1.0 if n.startswith("norm") and n.endswith("weight") else 0.0))
    x = torch.randn(rows, length, dim, requires_grad=True)
    mask = padding_mask(rows, length, padded)
    attn_mask = causal_mask(length) if causal else None
    if kind == "attention":
        y, _ = module(x, x, x, key_padding_mask=mask, attn_mask=attn_mask, need_weights=False)
    else:
        y = module(x, src_mask=attn_mask, src_key_padding_mask=mask)
    dy = torch.randn_like(y)
    y.backward(dy)
    names = [n for n, _ in module.named_parameters()]
    return {"name": name, "kind": kind, "options": options, "rows": rows, "length": length, "dim": dim,
            "causal": causal, "names": names,
            "shapes": [list(p.shape) for p in module.parameters()],
            "parameters": [v for p in module.parameters() for v in flat(p)],
            "x": flat(x), "padding": [int(v) for v in mask.reshape(-1).tolist()],
            "y": flat(y), "dy": flat(dy), "dx": flat(x.grad),
            "gradients": [v for p in module.parameters() for v in flat(p.grad)]}


def attention(name, rows, length, dim, heads, padded, causal=False, bias=True):
    module = torch.nn.MultiheadAttention(dim, heads, dropout=0.0, bias=bias, batch_first=True)
    return run(name, "attention", module, {"heads": heads, "bias": bias}, rows, length, dim, padded, causal)


def encoder(name, rows, length, dim, heads, feedforward, activation, norm_first, padded, causal=False, eps=1e-5):
    module = torch.nn.TransformerEncoderLayer(dim, heads, feedforward, dropout=0.0, activation=activation,
                                              layer_norm_eps=eps, batch_first=True, norm_first=norm_first)
    module.train()
    return run(name, "encoder", module, {"heads": heads, "feedforward": feedforward, "activation": activation,
                                          "norm_first": norm_first, "eps": eps},
               rows, length, dim, padded, causal)


cases = [
    attention("attention-2-heads-padded", 3, 5, 8, 2, {1: [3, 4], 2: [0]}),
    attention("attention-1-head-no-padding", 2, 4, 6, 1, {}),
    attention("attention-4-heads-causal", 2, 6, 8, 4, {1: [5]}, causal=True),
    attention("attention-2-heads-no-bias", 2, 5, 8, 2, {0: [4]}, bias=False),
    encoder("encoder-post-norm-relu", 3, 5, 8, 2, 16, "relu", False, {1: [3, 4], 2: [2]}),
    encoder("encoder-pre-norm-gelu", 2, 6, 8, 4, 12, "gelu", True, {0: [5]}),
    encoder("encoder-causal-post-norm", 2, 5, 6, 3, 10, "relu", False, {1: [4]}, causal=True),
]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seq-cases.json"), "w") as f:
    json.dump({"generator": "seq_cases.py, torch " + torch.__version__, "cases": cases}, f)
