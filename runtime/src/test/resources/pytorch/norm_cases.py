"""PyTorch's side of NormTest: nn.BatchNorm1d, nn.BatchNorm2d and nn.LayerNorm, forward and backward,
in training and in eval, with the running statistics over several steps.

Run with /usr/bin/python3 (Debian's python3-torch): writes norm-cases.json beside this file. Each case
gives the module's options, its weight and bias (or none), its buffers before the first step, and then
a list of steps, each one batch `x` (rows x values, NCHW rows for maps) in training or eval: the output
`y`, for a training step the gradients `dx`, `dweight`, `dbias` of `sum(y * dy)`, and the buffers after.
"""
import json, os, torch

torch.manual_seed(0)


def flat(t):
    return t.detach().reshape(t.shape[0], -1).tolist() if t.dim() > 1 else t.detach().tolist()


def batch_norm_case(name, kind, channels, spatial, steps, affine=True, track=True, eps=1e-5, momentum=0.1):
    module = (torch.nn.BatchNorm1d if kind == "1d" else torch.nn.BatchNorm2d)(
        channels, eps=eps, momentum=momentum, affine=affine, track_running_stats=track)
    with torch.no_grad():
        if affine:
            module.weight.copy_(torch.rand(channels) + 0.5)
            module.bias.copy_(torch.randn(channels) * 0.3)
        if track:
            module.running_mean.copy_(torch.randn(channels) * 0.2)
            module.running_var.copy_(torch.rand(channels) + 0.5)
    case = {"name": name, "kind": "batchnorm" + kind, "channels": channels,
            "height": spatial[0] if spatial else 1, "width": spatial[1] if spatial else 1,
            "eps": eps, "momentum": momentum, "affine": affine, "track": track,
            "weight": module.weight.tolist() if affine else [], "bias": module.bias.tolist() if affine else [],
            "running_mean": module.running_mean.tolist() if track else [],
            "running_var": module.running_var.tolist() if track else [], "steps": []}
    for rows, training in steps:
        x = (torch.randn(rows, channels, *spatial) * 1.5 + 0.4).requires_grad_(True)
        module.train(training)
        if affine:
            module.weight.grad = None
            module.bias.grad = None
        y = module(x)
        step = {"training": training, "rows": rows, "x": flat(x), "y": flat(y)}
        if training:
            dy = torch.randn_like(y)
            y.backward(dy)
            step.update({"dy": flat(dy), "dx": flat(x.grad),
                         "dweight": module.weight.grad.tolist() if affine else [],
                         "dbias": module.bias.grad.tolist() if affine else []})
        if track:
            step.update({"running_mean": module.running_mean.tolist(), "running_var": module.running_var.tolist(),
                         "num_batches_tracked": int(module.num_batches_tracked)})
        case["steps"].append(step)
    return case


def layer_norm_case(name, shape, rows, affine=True, eps=1e-5):
    module = torch.nn.LayerNorm(shape, eps=eps, elementwise_affine=affine)
    with torch.no_grad():
        if affine:
            module.weight.copy_(torch.rand(shape) + 0.5)
            module.bias.copy_(torch.randn(shape) * 0.3)
    x = (torch.randn(rows, *shape) * 2 - 0.5).requires_grad_(True)
    y = module(x)
    dy = torch.randn_like(y)
    y.backward(dy)
    return {"name": name, "kind": "layernorm", "shape": list(shape), "eps": eps, "affine": affine,
            "weight": module.weight.reshape(-1).tolist() if affine else [],
            "bias": module.bias.reshape(-1).tolist() if affine else [],
            "steps": [{"training": True, "rows": rows, "x": flat(x), "y": flat(y), "dy": flat(dy), "dx": flat(x.grad),
                       "dweight": module.weight.grad.reshape(-1).tolist() if affine else [],
                       "dbias": module.bias.grad.reshape(-1).tolist() if affine else []}]}


cases = [
    batch_norm_case("BatchNorm1d, three training steps then eval", "1d", 4, (), [(5, True), (7, True), (3, True), (4, False)]),
    batch_norm_case("BatchNorm1d without affine, momentum 0.3, eps 1e-3", "1d", 3, (), [(6, True), (2, True), (5, False)],
                    affine=False, momentum=0.3, eps=1e-3),
    batch_norm_case("BatchNorm1d without running statistics: eval normalises with the batch's", "1d", 3, (),
                    [(4, True), (5, False)], track=False),
    batch_norm_case("BatchNorm2d, two training steps then eval", "2d", 3, (3, 4), [(2, True), (3, True), (2, False)]),
    batch_norm_case("BatchNorm2d on 1 x 1 maps: two rows train, one row evaluates", "2d", 2, (1, 1),
                    [(2, True), (1, False)]),
    batch_norm_case("BatchNorm2d without affine or running statistics", "2d", 2, (2, 3), [(3, True), (2, False)],
                    affine=False, track=False),
    layer_norm_case("LayerNorm over 6 features", (6,), 4),
    layer_norm_case("LayerNorm over C, H and W of 2 x 2 x 3 maps", (2, 2, 3), 3),
    layer_norm_case("LayerNorm without affine, eps 1e-3", (5,), 3, affine=False, eps=1e-3),
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "norm-cases.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
