#!/usr/bin/python3
"""PyTorch's side of SamplingTest: which tokens temperature, top-k and top-p leave to draw from.

Top-k as ../shared/bench/torch_charlm.py (nanoGPT) does it; top-p as Hugging Face's TopPLogitsWarper
(transformers 4.x, copied here: it is not in Debian), applied in that order after dividing by the
temperature. Writes sampling-cases.json: per case the logits, t, k (0: none), p (1: none), and the
candidate tokens (those whose logit stays finite).
Usage: python3 sampling_cases.py > sampling-cases.json
"""
import json
import torch

torch.manual_seed(0)


def top_p(scores, p):
    # TopPLogitsWarper.__call__, min_tokens_to_keep = 1, filter_value = -inf.
    sorted_logits, sorted_indices = torch.sort(scores, descending=False)
    cumulative_probs = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    sorted_indices_to_remove = cumulative_probs <= (1 - p)
    sorted_indices_to_remove[..., -1:] = 0
    indices_to_remove = sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove)
    return scores.masked_fill(indices_to_remove, float("-inf"))


cases = []
vectors = [torch.randn(1, 16) * 3 for _ in range(6)]
vectors.append(torch.tensor([[2.0, 1.0, 2.0, 0.5, 2.0, -1.0, 0.0, 1.0]]))  # ties at the k-th largest
vectors.append(torch.tensor([[5.0, 4.9, -3.0, -3.0, 0.1, 0.2]]))
for logits in vectors:
    for t, k, p in [(1.0, 0, 1.0), (0.8, 3, 1.0), (1.0, 1, 1.0), (1.3, 0, 0.9), (0.7, 0, 0.5), (1.0, 5, 0.8),
                    (2.0, 4, 0.3), (1.0, 0, 0.05)]:
        z = logits.clone() / t
        if k:
            top = torch.topk(z, min(k, z.shape[-1]))
            z[z < top.values[:, -1:]] = float("-inf")
        if p < 1:
            z = top_p(z, p)
        cases.append({"logits": [float(v) for v in logits[0]], "t": t, "k": k, "p": p,
                      "candidates": [i for i, v in enumerate(z[0].tolist()) if v != float("-inf")]})
print(json.dumps({"torch": torch.__version__, "cases": cases}))
