"""PyTorch's side of SequenceTrajectoryTest: SequenceNetworks' token models trained step by step.

Run with /usr/bin/python3 (Debian's python3-torch 1.13): writes seq-trajectory.json beside this file, with
the state dict's names, the initial parameters (PyTorch's own initialisation, in Kiln's order), a batch of
token ids with padded tails and its labels, and for SGD with momentum and for Adam: the loss before each
step, the parameters after the last, and the eval-mode output and probabilities on the batch. Dropout is 0
(the contract's model is recorded as WordLanguageNoDropout), and the encoder runs its standard path.
"""
import json, os, torch
from torch import nn


class WordLanguage(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(64, 64, padding_idx=0)
        self.positions = nn.Embedding(24, 64)
        self.layer0 = nn.TransformerEncoderLayer(64, 4, 128, 0.0, batch_first=True)
        self.layer1 = nn.TransformerEncoderLayer(64, 4, 128, 0.0, batch_first=True)
        self.head = nn.Linear(64, 5)

    def forward(self, t):
        mask = t == 0
        x = self.tokens(t) + self.positions.weight
        x = self.layer1(self.layer0(x, src_key_padding_mask=mask), src_key_padding_mask=mask)
        return self.head(x[:, 0])


class TinyEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(11, 8, padding_idx=0)
        self.positions = nn.Embedding(6, 8)
        self.encoder = nn.TransformerEncoderLayer(8, 2, 12, 0.0, activation="gelu", batch_first=True,
                                                  norm_first=True)
        self.head = nn.Linear(8, 3)

    def forward(self, t):
        mask = t == 0
        x = self.encoder(self.tokens(t) + self.positions.weight, src_key_padding_mask=mask)
        keep = (~mask).unsqueeze(-1).float()
        return self.head((x * keep).sum(1) / keep.sum(1))


class TinyAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(7, 6)
        self.attention = nn.MultiheadAttention(6, 3, batch_first=True)
        self.head = nn.Linear(6, 4)

    def forward(self, t):
        x = self.tokens(t)
        x, _ = self.attention(x, x, x, need_weights=False)
        return self.head(x.max(1).values)


class AttentionBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = nn.LayerNorm(8)
        self.attention = nn.MultiheadAttention(8, 2, batch_first=True)

    def forward(self, x, mask):
        y = self.norm(x)
        return self.attention(y, y, y, key_padding_mask=mask, need_weights=False)[0]


class PositionwiseBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = nn.LayerNorm(8)
        self.up = nn.Linear(8, 12)
        self.down = nn.Linear(12, 8)

    def forward(self, x):
        return self.down(nn.functional.gelu(self.up(self.norm(x))))


class ComposedEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(10, 6, padding_idx=0)
        self.project = nn.Linear(6, 8)
        self.attend = AttentionBlock()
        self.feed = PositionwiseBlock()
        self.norm = nn.LayerNorm(8)
        self.head = nn.Linear(8, 3)

    def forward(self, t):
        mask = t == 0
        x = self.project(self.tokens(t))
        x = x + self.attend(x, mask)
        x = self.norm(x + self.feed(x))
        return self.head(x.masked_fill(mask.unsqueeze(-1), float("-inf")).max(1).values)


class CausalTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(12, 8, padding_idx=0)
        self.positions = nn.Embedding(7, 8)
        self.layer0 = nn.TransformerEncoderLayer(8, 2, 16, 0.0, batch_first=True)
        self.next = nn.Linear(8, 12)

    def forward(self, t):
        causal = torch.triu(torch.full((7, 7), float("-inf")), diagonal=1)
        x = self.layer0(self.tokens(t) + self.positions.weight, src_mask=causal, src_key_padding_mask=t == 0)
        return self.next(x)


OPTIMIZERS = [("sgd-momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
              ("adam", lambda p: torch.optim.Adam(p, lr=0.01))]


def batch(rows, length, vocabulary, classes, padded, per_position=False):
    t = torch.randint(1, vocabulary, (rows, length))
    if padded:
        for r in range(rows):
            keep = int(torch.randint(1, length + 1, (1,)))
            t[r, keep:] = 0
    if per_position:
        # The next token at each position, as a language model learns it; padding's targets ignored.
        y = torch.cat([t[:, 1:], torch.zeros(rows, 1, dtype=torch.long)], 1)
        return t, y.masked_fill(y == 0, -100)
    return t, torch.randint(0, classes, (rows,))


def trajectories(network, seed, rows, length, vocabulary, classes, padded, steps=3, per_position=False):
    torch.manual_seed(seed)
    start = network()
    t, y = batch(rows, length, vocabulary, classes, padded, per_position)
    cases = []
    for name, make in OPTIMIZERS:
        model = network()
        model.load_state_dict(start.state_dict())
        model.train()
        opt = make(model.parameters())
        losses = []
        noisy = None
        for _ in range(steps):
            opt.zero_grad()
            out = model(t)
            loss = nn.functional.cross_entropy(out.reshape(-1, out.shape[-1]), y.reshape(-1))
            losses.append(loss.item())
            loss.backward()
            grads = torch.cat([p.grad.flatten().abs() for p in model.parameters()])
            tiny = (grads > 0) & (grads < 1e-6)
            noisy = tiny if noisy is None else noisy | tiny
            opt.step()
        model.eval()
        evaluated = model(t).detach()  # with gradients on: the encoder's standard path, not its fast path
        cases.append({"optimizer": name, "losses": losses,
                      "final": [v for p in model.parameters() for v in p.detach().flatten().tolist()],
                      # Parameters whose gradient was not 0 but below 1e-6 at some step: rounding noise there
                      # decides the direction of Adam's step (see SequenceTrajectoryTest).
                      "noiseLevelGradients": torch.nonzero(noisy).flatten().tolist(),
                      "eval": evaluated.flatten().tolist(),
                      "probabilities": torch.softmax(evaluated, -1).flatten().tolist()})
    return {"names": list(start.state_dict().keys()),
            "initial": [v for p in start.parameters() for v in p.detach().flatten().tolist()],
            "tokens": t.flatten().tolist(), "y": y.flatten().tolist(), "cases": cases}


out = {"torch": torch.__version__,
       "WordLanguageNoDropout": trajectories(WordLanguage, 21, 6, 24, 64, 5, True),
       "TinyEncoder": trajectories(TinyEncoder, 22, 5, 6, 11, 3, True),
       "TinyAttention": trajectories(TinyAttention, 23, 4, 5, 7, 4, False),
       "ComposedEncoder": trajectories(ComposedEncoder, 24, 5, 6, 10, 3, True),
       "CausalTagger": trajectories(CausalTagger, 25, 4, 7, 12, 12, True, per_position=True)}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seq-trajectory.json"), "w") as f:
    json.dump(out, f)
