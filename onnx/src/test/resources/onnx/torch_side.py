"""PyTorch's and ONNX's side of the export tests, for every model directory given.

Each directory holds what the Java test wrote: network.json (the layers and their operations, as Kiln's
Layer.operations() lists them), weights.safetensors (model.save), kiln.onnx (OnnxExport) and x.f32 with
rows.txt (a batch, little-endian float32). For each, this script
  - builds the same network from torch.nn.functional calls on Kiln's tensors, in eval mode, and writes
    what it computes to torch-output.f32 (and torch-probabilities.f32 where the model has them);
  - exports that network with torch.onnx.export (opset 17, a symbolic batch) to torch.onnx;
  - where the onnx package is installed, runs onnx.checker.check_model(full_check=True) on kiln.onnx.
Prints one JSON line: the versions found and, per directory, the checker's verdict.
"""
import json, os, sys
import numpy as np
import torch
import torch.nn.functional as F
from blobnet_interop import read  # the interop tests' safetensors reader, copied beside this script

try:
    import onnx
except ImportError:
    onnx = None


# Sequence networks are compared with PyTorch's own output and checked by onnx.checker; torch.onnx.export
# is not asked to write them (the Java side skips its file).
SEQUENCE_OPS = {"EmbeddingOp", "PositionEmbeddingOp", "SelfAttentionOp", "TransformerEncoderLayerOp",
                "SequencePoolOp"}


class Network(torch.nn.Module):
    def __init__(self, network, tensors):
        super().__init__()
        self.layers = network["layers"]
        self.readout = network["readout"]
        self.names = {}
        for i, name in enumerate(sorted(tensors)):
            self.register_buffer("t%d" % i, tensors[name].float())
            self.names[name] = "t%d" % i

    def t(self, name):
        return None if name is None else getattr(self, self.names[name])

    def op(self, o, x, inputs, shape):
        kind = o["kind"]
        if kind == "LinearOp":
            return F.linear(x, self.t(o["weight"]), self.t(o["bias"]))
        if kind == "Conv2dOp":
            return F.conv2d(x, self.t(o["weight"]), self.t(o["bias"]), o["stride"], o["padding"], o["dilation"])
        if kind == "MaxPool2dOp":
            return F.max_pool2d(x, o["kernel"], o["stride"], o["padding"], o["dilation"], o["ceilMode"])
        if kind == "AvgPool2dOp":
            return F.avg_pool2d(x, o["kernel"], o["stride"], o["padding"], o["ceilMode"], o["countIncludePad"])
        if kind == "FlattenOp":
            return torch.flatten(x, 1)
        if kind == "BatchNormOp":
            if o["trackRunningStats"]:
                return F.batch_norm(x, self.t(o["runningMean"]), self.t(o["runningVar"]), self.t(o["weight"]),
                                    self.t(o["bias"]), False, 0.0, o["eps"])
            # What F.batch_norm(x, None, None, ...) computes, which torch.onnx cannot export with a symbolic batch.
            dims = [0, 2, 3] if x.dim() == 4 else [0]
            mean = x.mean(dims, keepdim=True)
            y = (x - mean) / torch.sqrt(((x - mean) ** 2).mean(dims, keepdim=True) + o["eps"])
            if o["weight"] is None:
                return y
            view = [1, -1, 1, 1] if x.dim() == 4 else [1, -1]
            return y * self.t(o["weight"]).reshape(view) + self.t(o["bias"]).reshape(view)
        if kind == "LayerNormOp":
            # Ones and zeros for absent affine tensors: torch 1.13 exports LayerNormalization without a weight
            # as an invalid graph, and without a bias as one that ONNX Runtime 1.29 crashes on.
            if x.dim() == 3:  # a sequence [batch, L, d]: over each position's values
                shape = (x.shape[-1],)
            weight = self.t(o["weight"]) if o["weight"] is not None else torch.ones(shape)
            bias = self.t(o["bias"]) if o["bias"] is not None else torch.zeros(shape)
            return F.layer_norm(x, shape, weight, bias, o["eps"])
        if kind == "PReluOp":
            return F.prelu(x, self.t(o["weight"]))
        if kind == "DropoutOp":
            return x
        if kind == "ResidualAddOp":
            return inputs[o["from"]] + x
        if kind == "ActivationOp":
            f = o["function"]
            return {
                "RELU": lambda: F.relu(x),
                "LEAKY_RELU": lambda: F.leaky_relu(x, o["alpha"]),
                "ELU": lambda: F.elu(x, o["alpha"]),
                "GELU": lambda: F.gelu(x),
                "GELU_TANH": lambda: F.gelu(x, approximate="tanh"),
                "SILU": lambda: F.silu(x),
                "SOFTPLUS": lambda: F.softplus(x, o["beta"], o["threshold"]),
                "TANH": lambda: torch.tanh(x),
                "SIGMOID": lambda: torch.sigmoid(x),
                "SOFTMAX": lambda: F.softmax(x, 1),
                "LOG_SOFTMAX": lambda: F.log_softmax(x, 1),
            }[f]()
        if kind == "EmbeddingOp":
            self.padding = (x == o["paddingIndex"]) if o["paddingIndex"] >= 0 else None
            return F.embedding(x, self.t(o["weight"]))
        if kind == "PositionEmbeddingOp":
            return x + self.t(o["weight"])
        if kind == "SelfAttentionOp":
            return self.attention(o, x, "")
        if kind == "TransformerEncoderLayerOp":
            p = o["prefix"]
            t = lambda name: self.t(p + name)
            norm = lambda v, n: F.layer_norm(v, (v.shape[-1],), t(n + ".weight"), t(n + ".bias"), o["eps"])
            act = F.gelu if o["gelu"] else F.relu
            ff = lambda v: F.linear(act(F.linear(v, t("linear1.weight"), t("linear1.bias"))), t("linear2.weight"),
                                    t("linear2.bias"))
            if o["normFirst"]:
                x = x + self.attention(o["attention"], norm(x, "norm1"), p + "self_attn.")
                return x + ff(norm(x, "norm2"))
            x = norm(x + self.attention(o["attention"], x, p + "self_attn."), "norm1")
            return norm(x + ff(x), "norm2")
        if kind == "SequencePoolOp":
            mask = self.padding if o["padded"] else None
            if o["mode"] == "FIRST":
                return x[:, 0]
            if o["mode"] == "MEAN":
                keep = torch.ones(x.shape[:2]) if mask is None else (~mask).float()
                return (x * keep.unsqueeze(-1)).sum(1) / keep.sum(1, keepdim=True)
            return (x if mask is None else x.masked_fill(mask.unsqueeze(-1), float("-inf"))).max(1).values
        raise ValueError("no PyTorch form for " + kind)

    def attention(self, o, x, prefix):
        """nn.MultiheadAttention's functional form on a batch-first x, with the model's masks."""
        causal = torch.triu(torch.full((o["length"], o["length"]), float("-inf")), 1) if o["causal"] else None
        q = x.transpose(0, 1)
        y, _ = F.multi_head_attention_forward(
            q, q, q, o["dim"], o["heads"], self.t(o["inProjWeight"]), self.t(o["inProjBias"]), None, None, False,
            0.0, self.t(o["outProjWeight"]), self.t(o["outProjBias"]), training=False,
            key_padding_mask=self.padding if o["padded"] else None, need_weights=False, attn_mask=causal)
        return y.transpose(0, 1)

    def forward(self, x):
        inputs = {}
        for layer in self.layers:
            inputs[layer["name"]] = x
            for o in layer["operations"]:
                x = self.op(o, x, inputs, tuple(layer["inputShape"]))
        readout = {"SOFTMAX": lambda: F.softmax(x, -1), "EXP": lambda: torch.exp(x),
                   "SIGMOID": lambda: torch.sigmoid(x), "IDENTITY": lambda: x.clone()}.get(self.readout)
        return (x, readout()) if readout else x


def one(directory):
    network = json.load(open(os.path.join(directory, "network.json")))
    net = Network(network, read(os.path.join(directory, "weights.safetensors"))).eval()
    rows = int(open(os.path.join(directory, "rows.txt")).read())
    tokens = os.path.exists(os.path.join(directory, "x.i64"))
    x = torch.from_numpy(np.fromfile(os.path.join(directory, "x.i64" if tokens else "x.f32"),
                                     dtype="<i8" if tokens else "<f4").copy())
    x = x.reshape([rows] + network["inputShape"])
    with torch.no_grad():
        y = net(x)
    outputs = y if isinstance(y, tuple) else (y,)
    names = ["output", "probabilities"][:len(outputs)]
    for name, value in zip(names, outputs):
        value.numpy().astype("<f4").tofile(os.path.join(directory, "torch-%s.f32" % name))
    axes = {name: {0: "batch"} for name in ["input"] + names}
    if not tokens and not any(o["kind"] in SEQUENCE_OPS for l in network["layers"] for o in l["operations"]):
        torch.onnx.export(net, x, os.path.join(directory, "torch.onnx"), opset_version=17, input_names=["input"],
                          output_names=names, dynamic_axes=axes)
    if onnx is None:
        return "onnx not installed"
    onnx.checker.check_model(os.path.join(directory, "kiln.onnx"), full_check=True)
    return "passed"


if __name__ == "__main__":
    verdicts = {os.path.basename(d): one(d) for d in sys.argv[1:]}
    print(json.dumps({"torch": torch.__version__, "onnx": onnx.__version__ if onnx else None,
                      "checker": verdicts}))
