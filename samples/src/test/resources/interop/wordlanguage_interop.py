"""PyTorch's side of the WordLanguage interop test: the language sample's model (the issue's contract) as an
nn.Module with the same attribute names, its safetensors read and written by blobnet_interop.py's
functions; outputs in eval mode printed as JSON. The input is the same on both sides: two rows of 24 token
ids, id (7 i mod 63) + 1 at position i of the batch, the first row's after 5 positions and the second's
after 8 padding (0).

Usage: wordlanguage_interop.py load KILN_FILE   -> eval outputs of Kiln's weights in PyTorch
       wordlanguage_interop.py save TORCH_FILE  -> trains a PyTorch WordLanguage a few steps, saves it,
                                                   prints its outputs
"""
import json, sys
import torch, torch.nn as nn
from blobnet_interop import read, write


class WordLanguage(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(64, 64, padding_idx=0)
        self.positions = nn.Embedding(24, 64)
        self.layer0 = nn.TransformerEncoderLayer(64, 4, 128, 0.1, batch_first=True)
        self.layer1 = nn.TransformerEncoderLayer(64, 4, 128, 0.1, batch_first=True)
        self.head = nn.Linear(64, 5)

    def forward(self, t):
        pad = t == 0
        h = self.tokens(t) + self.positions.weight
        h = self.layer1(self.layer0(h, src_key_padding_mask=pad), src_key_padding_mask=pad)
        return self.head(h[:, 0])


def tokens():
    t = (torch.arange(48) * 7 % 63 + 1).reshape(2, 24)
    t[0, 5:] = 0
    t[1, 8:] = 0
    return t


mode, path = sys.argv[1], sys.argv[2]
torch.manual_seed(17)
net = WordLanguage()
if mode == "load":
    net.load_state_dict(read(path), strict=True)
else:
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(3):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(torch.randint(1, 64, (8, 24))), torch.randint(0, 5, (8,)))
        loss.backward()
        opt.step()
    write(path, net.state_dict())
net.eval()
with torch.enable_grad():  # the encoder's standard path, not its inference fast path
    outputs = net(tokens()).detach()
print(json.dumps({"torch": torch.__version__, "outputs": outputs.reshape(-1).tolist()}))
