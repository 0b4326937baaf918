"""PyTorch's side of the interop test: the BlobNet module, safetensors read and written by hand
(PyTorch 1.13 has no safetensors), outputs printed as JSON.

Usage: blobnet_interop.py load KILN_FILE X...   -> outputs of Kiln's weights in PyTorch
       blobnet_interop.py save TORCH_FILE X...  -> saves a fresh PyTorch BlobNet, prints its outputs
"""
import json, struct, sys
import numpy as np, torch, torch.nn as nn


class BlobNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 10)
        self.out = nn.Linear(10, 2)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


def read(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    header = json.loads(b[8:8 + n])
    return {k: torch.from_numpy(np.frombuffer(b[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]],
                                              dtype="<i8" if v["dtype"] == "I64" else "<f4").reshape(v["shape"]).copy())
            for k, v in header.items() if k != "__metadata__"}


def write(path, tensors):
    header, blobs, off = {}, [], 0
    for k in sorted(tensors):
        long = tensors[k].dtype == torch.int64
        raw = tensors[k].detach().numpy().astype("<i8" if long else "<f4").tobytes()
        header[k] = {"dtype": "I64" if long else "F32", "shape": list(tensors[k].shape),
                     "data_offsets": [off, off + len(raw)]}
        blobs.append(raw); off += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h); f.write(b"".join(blobs))


if __name__ == "__main__":
    mode, path, xs = sys.argv[1], sys.argv[2], [float(v) for v in sys.argv[3:]]
    torch.manual_seed(7)
    net = BlobNet()
    if mode == "load":
        net.load_state_dict(read(path), strict=True)
    else:
        write(path, net.state_dict())
    x = torch.tensor(xs).reshape(-1, 2)
    print(json.dumps({"torch": torch.__version__, "outputs": net(x).detach().reshape(-1).tolist()}))
